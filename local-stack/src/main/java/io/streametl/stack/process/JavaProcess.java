package io.streametl.stack.process;

import io.streametl.stack.LocalStackException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child JVM: started from a {@link ProcessSpec}, stopped gracefully (Kafka's shutdown hooks
 * run) or killed (SIGKILL). Its stdin is the lifeline {@link ParentWatchdog} watches: the stop
 * order is written there, and its end tells the child that this JVM is gone. Its stdout and stderr
 * go to a file, never to an unread pipe that could fill up and block the child.
 */
public final class JavaProcess {

  private static final Logger LOG = LoggerFactory.getLogger(JavaProcess.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(30);

  private final ProcessSpec spec;
  private Process process;

  public JavaProcess(ProcessSpec spec) {
    this.spec = spec;
  }

  public ProcessSpec spec() {
    return spec;
  }

  public synchronized void start() {
    if (isAlive()) {
      throw new IllegalStateException(spec.description() + " is already running (pid "
          + process.pid() + ")");
    }
    try {
      Files.createDirectories(spec.logsDir());
      Files.createDirectories(spec.pidFile().getParent());
      ProcessBuilder builder = new ProcessBuilder(spec.command())
          .redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(spec.outputFile().toFile()));
      builder.environment().putAll(spec.environment());
      process = builder.start();
      Files.writeString(spec.pidFile(), process.pid() + "\n", StandardCharsets.UTF_8);
      LOG.debug("Started {} (pid {}): {}", spec.description(), process.pid(), spec.command());
    } catch (IOException e) {
      throw new LocalStackException("Could not start " + spec.description() + " with "
          + spec.javaExecutable() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Asks the process to stop without waiting; pair with {@link #awaitExit}. The order goes through
   * the stdin pipe, not SIGTERM: on SIGTERM the child waits for this order, since the signal may
   * have reached the whole process group (see {@link ParentWatchdog}).
   */
  public synchronized void requestStop() {
    if (!isAlive()) {
      return;
    }
    try {
      OutputStream stdin = process.getOutputStream();
      stdin.write(ParentWatchdog.STOP_ORDER.getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
    } catch (IOException e) {
      // The pipe is closed, so the child is already leaving on its own; SIGTERM to be sure.
      LOG.debug("Could not write the stop order to {}: {}", spec.description(), e.toString());
      process.destroy();
    }
  }

  /**
   * Waits for the process to exit after {@link #requestStop}; kills it if it outlives the grace
   * period, which a graceful shutdown only does when something is stuck.
   */
  public synchronized void awaitExit(Duration grace) {
    if (process == null) {
      return;
    }
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} did not stop within {} s; killing it. Its log may say what it was waiting"
            + " for.", spec.description(), grace.toSeconds());
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    cleanUp();
  }

  /** Graceful stop: the stop order, then wait up to {@code grace}, then SIGKILL. */
  public void stop(Duration grace) {
    requestStop();
    awaitExit(grace);
  }

  /** Hard stop (SIGKILL), as a crash or an OOM kill would do; waits until the process is gone. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new LocalStackException(spec.description() + " (pid " + process.pid()
            + ") survived SIGKILL for " + KILL_WAIT.toSeconds() + " s.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cleanUp();
  }

  /** Closes the child's stdin as this JVM's death would: the child shuts down (tests). */
  synchronized void closeLifeline() throws IOException {
    process.getOutputStream().close();
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The exit code once the process has ended; empty while it runs or before it started. */
  public synchronized OptionalInt exitCode() {
    if (process == null || process.isAlive()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(process.exitValue());
  }

  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException(spec.description() + " was never started");
    }
    return process.pid();
  }

  /** Runs the process to completion (a tool such as the storage formatter). */
  public void runToCompletion(Duration timeout) {
    start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new LocalStackException(spec.description() + " did not finish within "
            + timeout.toSeconds() + " s; see " + spec.outputFile());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new LocalStackException("Interrupted while running " + spec.description(), e);
    }
    cleanUp();
    int code = process.exitValue();
    if (code != 0) {
      throw new LocalStackException(spec.description() + " failed with exit code " + code
          + ". Last lines of " + spec.outputFile() + ":" + System.lineSeparator()
          + LogTail.describe(spec.outputFile(), 20));
    }
  }

  private void cleanUp() {
    try {
      process.getOutputStream().close();
      Files.deleteIfExists(spec.pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not clean up after " + spec.description(), e);
    }
  }
}
