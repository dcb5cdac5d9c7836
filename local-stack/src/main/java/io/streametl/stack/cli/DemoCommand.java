package io.streametl.stack.cli;

import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.MqttBroker;
import io.streametl.stack.Ports;
import io.streametl.stack.devices.DeviceSimulator;
import io.streametl.stack.devices.SimulatorSettings;
import io.streametl.stack.StackLayout;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorConfigFile;
import io.streametl.stack.rest.ConnectorStatus;
import io.streametl.stack.web.LivePageServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
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
  private volatile LocalStack running;

  DemoCommand(DemoOptions options, ShutdownSignal shutdown, PrintStream out) {
    this.options = options;
    this.shutdown = shutdown;
    this.out = out;
  }

  /**
   * Starts the device simulator on a background thread: {@code --devices} devices publishing
   * {@code --device-rate} messages/s in all at QoS 1 to the stack's MQTT broker, one in 500 of
   * them malformed (they land in the MQTT source's error topic).
   */
  private DeviceSimulator startDevices(LocalStack stack) {
    MqttBroker broker = stack.mqttBroker().orElseThrow();
    DeviceSimulator simulator = new DeviceSimulator(SimulatorSettings.of(Ports.HOST, broker.port(),
        Math.max(1, options.devices())).withRate(Math.max(1, options.deviceRate()))
        .withMalformedEvery(500));
    if (options.devices() > 0) {
      Thread thread = new Thread(simulator::runUntilStopped, "streametl-device-simulator");
      thread.setDaemon(true);
      thread.start();
      out.println("Device simulator: " + options.devices() + " devices publish "
          + options.deviceRate() + " messages/s to " + broker.serverUri());
    }
    return simulator;
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

    try (DemoApi api = DemoApi.start(DemoOptions.DEMO_API_PORT);
        LiveStatusSampler live = new LiveStatusSampler(options, this::workerPids);
        LivePageServer page = LivePageServer.start(options.webPort(), live::latest)) {
      out.println("Live page: " + page.url() + " (throughput, dead letters, duplicates dropped,"
          + " aggregates by region and channel)");
      runWith(api, live, configs, layout);
    }
    out.println("Stopped. Run ./streametl query to look at the table, or ./streametl demo again"
        + " to continue where this run stopped.");
    return 0;
  }

  /** The running workers' process ids, for the live page's JMX reads; none before the start. */
  private List<Long> workerPids() {
    LocalStack stack = running;
    return stack == null ? List.of()
        : stack.workers().stream().filter(ConnectWorker::isRunning).map(ConnectWorker::pid)
            .toList();
  }

  private void runWith(DemoApi api, LiveStatusSampler live, List<ConnectorConfigFile> configs,
      StackLayout layout)
      throws InterruptedException {
    out.println("Demo API serving " + api.server().baseUrl() + " (orders, customers; new and"
        + " updated items every " + DemoApi.GROWTH_INTERVAL.toSeconds() + " s)");
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
        .mqttBroker(options.mqttBrokerLibs())
        .mqttPort(options.mqttPort())
        .workerEnvironment(DemoApi.TOKEN_ENV, api.token())
        .build()
        .start()) {
      running = stack;
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

      DeviceSimulator simulator = startDevices(stack);
      out.println("Progress every " + PROGRESS_INTERVAL.toSeconds() + " s; Ctrl-C stops"
          + " everything. Logs: " + layout.logsDir());
      List<String> names = configs.stream().map(ConnectorConfigFile::name).toList();
      List<String> moreTopics = new ArrayList<>(DevicesProgress.TOPICS);
      moreTopics.addAll(ApiProgress.TOPICS);
      try (simulator; DemoProgress progress = new DemoProgress(rest, names,
          stack.bootstrapServers(), options, moreTopics)) {
        DevicesProgress devices = new DevicesProgress(simulator, progress);
        ApiProgress apiLine = new ApiProgress(api.server(), progress);
        // Fixed rate: a line every 2 s however long sampling takes (skipping ticks if needed).
        long nextTick = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        while (!shutdown.awaitStop(Duration.ofNanos(Math.max(0, nextTick - System.nanoTime())))) {
          ProgressSnapshot snapshot = progress.sample();
          out.println(ProgressLine.format(snapshot, options.topic(), options.table(),
              options.dlqTopic()));
          out.println(devices.line());
          out.println(apiLine.line());
          live.sample(progress, snapshot);
          long now = System.nanoTime();
          do {
            nextTick += PROGRESS_INTERVAL.toNanos();
          } while (nextTick <= now);
        }
      }
      out.println("Stopping the Connect workers and the broker ...");
    } finally {
      running = null;
    }
  }
}
