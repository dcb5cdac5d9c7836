package io.streametl.stack.cli;

import io.streametl.stack.LocalStack;
import io.streametl.stack.StackLayout;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorConfigFile;
import io.streametl.stack.rest.ConnectorStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code streametl demo}: starts the local stack, creates the demo's connectors from their config
 * files through the REST API, and prints progress every 2 s until Ctrl-C.
 */
final class DemoCommand {

  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
  private static final Duration CONNECTOR_START_TIMEOUT = Duration.ofMinutes(2);

  private final DemoOptions options;
  private final ShutdownSignal shutdown;
  private final PrintStream out;

  DemoCommand(DemoOptions options, ShutdownSignal shutdown, PrintStream out) {
    this.options = options;
    this.shutdown = shutdown;
    this.out = out;
  }

  int run() throws InterruptedException {
    // Read every config before starting anything: a typo should cost a second, not a minute.
    List<ConnectorConfigFile> configs = options.configs().stream()
        .map(ConnectorConfigFile::load).toList();
    configs.forEach(ConnectorConfigFile::connectorClass);
    StackLayout layout = new StackLayout(options.dataDir());
    if (options.reset()) {
      layout.reset();
      out.println("Deleted " + layout.dataDir());
    }

    out.println("Starting a Kafka broker and " + options.connectPorts().size()
        + " Connect workers (data and logs in " + layout.dataDir() + ") ...");
    try (LocalStack stack = LocalStack.builder()
        .dataDir(options.dataDir())
        .kafkaLibs(options.kafkaLibs())
        .bundleZip(options.bundleZip())
        .workers(options.connectPorts().size())
        .kafkaPort(options.kafkaPort())
        .controllerPort(options.controllerPort())
        .connectPorts(options.connectPorts())
        .build()
        .start()) {
      out.println("Stack started in " + stack.startupTimes().describe() + ": Kafka at "
          + stack.bootstrapServers() + ", Connect REST at " + stack.workers().stream()
              .map(w -> w.restUrl().toString()).toList());

      ConnectRestClient rest = stack.rest();
      for (ConnectorConfigFile config : configs) {
        boolean created = rest.createOrUpdate(config.name(), config.config());
        out.println((created ? "Created" : "Updated") + " connector " + config.name() + " ("
            + config.connectorClass() + ") from " + config.source());
      }
      for (ConnectorConfigFile config : configs) {
        ConnectorStatus status = rest.awaitRunning(config.name(), CONNECTOR_START_TIMEOUT);
        out.println(config.name() + ": " + status.summary() + " on " + status.workerIds());
      }

      out.println("Progress every " + PROGRESS_INTERVAL.toSeconds() + " s; Ctrl-C stops"
          + " everything. Logs: " + layout.logsDir());
      List<String> names = configs.stream().map(ConnectorConfigFile::name).toList();
      try (DemoProgress progress = new DemoProgress(rest, names, stack.bootstrapServers(),
          options)) {
        // Fixed rate: a line every 2 s however long sampling takes (skipping ticks if needed).
        long nextTick = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        while (!shutdown.awaitStop(Duration.ofNanos(Math.max(0, nextTick - System.nanoTime())))) {
          out.println(ProgressLine.format(progress.sample(), options.topic(), options.table(),
              options.dlqTopic()));
          long now = System.nanoTime();
          do {
            nextTick += PROGRESS_INTERVAL.toNanos();
          } while (nextTick <= now);
        }
      }
      out.println("Stopping the Connect workers and the broker ...");
    }
    out.println("Stopped. Run ./streametl query to look at the table, or ./streametl demo again"
        + " to continue where this run stopped.");
    return 0;
  }
}
