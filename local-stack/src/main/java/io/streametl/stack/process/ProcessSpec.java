package io.streametl.stack.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to launch one child JVM of the stack, as kafka-run-class.sh would: the java
 * binary, JVM options, class path and main class, with {@link ParentWatchdog} in front of the
 * main class.
 *
 * @param name short name used for the log files and the pid file (broker, worker-0)
 * @param description what the process is, for messages (the Kafka broker, Connect worker 0)
 * @param classpath entries joined with the platform separator; may use the {@code dir/*} form
 * @param environment variables added to the inherited environment
 * @param logsDir where {@code <name>.out} (stdout and stderr) is written
 * @param pidFile where the pid is recorded while the process runs
 */
public record ProcessSpec(
    String name,
    String description,
    Path javaExecutable,
    List<String> jvmOptions,
    List<String> classpath,
    String mainClass,
    List<String> args,
    Map<String, String> environment,
    Path logsDir,
    Path pidFile) {

  public ProcessSpec {
    jvmOptions = List.copyOf(jvmOptions);
    classpath = List.copyOf(classpath);
    args = List.copyOf(args);
    environment = Map.copyOf(environment);
  }

  /** The command line: {@code java <options> -cp <cp> ParentWatchdog <main> <args>}. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(ParentWatchdog.class.getName());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** This spec with {@code more} JVM options after its own (a later option wins in the JVM). */
  public ProcessSpec withJvmOptions(List<String> more) {
    List<String> options = new ArrayList<>(jvmOptions);
    options.addAll(more);
    return new ProcessSpec(name, description, javaExecutable, options, classpath, mainClass, args,
        environment, logsDir, pidFile);
  }

  /** The file the child's stdout and stderr are appended to (JVM crashes, early failures). */
  public Path outputFile() {
    return logsDir.resolve(name + ".out");
  }
}
