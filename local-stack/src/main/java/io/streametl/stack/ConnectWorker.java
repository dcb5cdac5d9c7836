package io.streametl.stack;

import io.streametl.stack.config.PropertiesFile;
import io.streametl.stack.config.WorkerConfig;
import io.streametl.stack.process.JavaProcess;
import io.streametl.stack.process.LogTail;
import io.streametl.stack.rest.ConnectRestClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One distributed-mode Connect worker (org.apache.kafka.connect.cli.ConnectDistributed, as
 * connect-distributed.sh starts it). Its REST port and properties stay the same across restarts,
 * so a killed worker comes back as the same worker id.
 */
public final class ConnectWorker {

  private final int index;
  private final int restPort;
  private final StackLayout layout;
  private final ConnectGroup group;
  private final Duration startTimeout;
  private final JavaProcess process;
  private final ConnectRestClient rest;
  private final ConnectRestClient probe;

  ConnectWorker(int index, int restPort, Map<String, String> properties, String maxHeap,
      List<String> jvmOptions, Map<String, String> environment, StackLayout layout, ChildJvmFactory jvms, ConnectGroup group,
      Duration startTimeout) {
    this.index = index;
    this.restPort = restPort;
    this.layout = layout;
    this.group = group;
    this.startTimeout = startTimeout;
    Path propertiesFile = layout.connectDir().resolve(name() + ".properties");
    PropertiesFile.write(propertiesFile, "Connect worker " + index
        + " of the StreamETL local stack (written at every start).", properties);
    this.process = new JavaProcess(jvms.spec(name(), "Connect worker " + index, maxHeap,
        "org.apache.kafka.connect.cli.ConnectDistributed", List.of(propertiesFile.toString()),
        environment).withJvmOptions(jvmOptions));
    this.rest = new ConnectRestClient(restUrl());
    this.probe = new ConnectRestClient(restUrl(), Duration.ofSeconds(5));
  }

  public int index() {
    return index;
  }

  /** worker-0, worker-1: the name of its log, properties and pid files. */
  public String name() {
    return "worker-" + index;
  }

  /** The id Connect's status API reports for this worker (its advertised host:port). */
  public String workerId() {
    return Ports.HOST + ":" + restPort;
  }

  /** The client id this worker has in the Connect group. */
  public String clientId() {
    return WorkerConfig.clientId(index);
  }

  public URI restUrl() {
    return URI.create("http://" + Ports.HOST + ":" + restPort);
  }

  public int restPort() {
    return restPort;
  }

  /** A REST client bound to this worker. */
  public ConnectRestClient rest() {
    return rest;
  }

  public Path logFile() {
    return layout.logsDir().resolve(name() + ".log");
  }

  /** The operating system's process id of the worker's JVM, for CPU accounting. */
  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Starts the worker and waits until its REST API is healthy and it has joined the group. */
  public synchronized void start() {
    Set<String> earlierMembers = launch();
    awaitReady(earlierMembers);
  }

  /** Graceful stop: the worker stops its tasks, commits offsets and leaves the group. */
  public synchronized void stop() {
    process.stop(Duration.ofSeconds(30));
  }

  /**
   * Hard stop (SIGKILL), as a crash would do: no offsets flushed, no group leave. Its tasks are
   * reassigned once the group notices (session timeout) and the rebalance delay has passed.
   */
  public synchronized void kill() {
    process.kill();
  }

  public synchronized void restart() {
    stop();
    start();
  }

  /**
   * Starts the process without waiting. Returns the member ids this worker's client id has in
   * the group right now: after a kill the dead member lingers until its session times out, so
   * "joined" means a member that is not one of these.
   */
  Set<String> launch() {
    Set<String> earlier = group.describe().members().stream()
        .filter(member -> member.clientId().equals(clientId()))
        .map(ConnectGroup.Member::memberId)
        .collect(Collectors.toSet());
    process.start();
    return earlier;
  }

  void awaitReady(Set<String> earlierMembers) {
    Poll.until("Connect worker " + index + " at " + restUrl() + " to answer /health",
        startTimeout, () -> {
          failIfExited();
          return probe.isHealthy() ? Optional.of(true) : Optional.empty();
        });
    Poll.until("Connect worker " + index + " to join the group " + group.groupId(), startTimeout,
        () -> {
          failIfExited();
          return group.describe().members().stream()
              .filter(member -> member.clientId().equals(clientId()))
              .filter(member -> !earlierMembers.contains(member.memberId()))
              .findAny();
        });
  }

  void requestStop() {
    process.requestStop();
  }

  void awaitExit(Duration grace) {
    process.awaitExit(grace);
  }

  private void failIfExited() {
    process.exitCode().ifPresent(code -> {
      throw new Poll.Abort(new LocalStackException("Connect worker " + index + " exited with code "
          + code + " during start-up; see " + logFile() + " and " + process.spec().outputFile()
          + ". Last lines of its log:" + System.lineSeparator() + LogTail.describe(logFile(), 15)));
    });
  }
}
