package io.streametl.stack;

import io.streametl.stack.config.WorkerConfig;
import io.streametl.stack.process.StaleProcessReaper;
import io.streametl.stack.process.WatchdogJar;
import io.streametl.stack.rest.ConnectRestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster on this machine: one KRaft broker and a distributed Connect cluster, each
 * its own JVM started from the vanilla Kafka libs, with the bundle zip unpacked on plugin.path.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder()
 *     .dataDir(Path.of("data")).kafkaLibs(libs).bundleZip(zip)
 *     .build().start()) {
 *   stack.worker(0).rest().createOrUpdate("gen", config);
 * }
 * }</pre>
 *
 * <p>Children never outlive this JVM: {@link #close()} stops them (workers first, then the
 * broker), a shutdown hook does the same on Ctrl-C, each child exits by itself when this JVM dies
 * (see {@code ParentWatchdog}), and the next start on the same data directory kills whatever a
 * crashed run left behind.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
  public static final String DEFAULT_GROUP_ID = "streametl-connect";
  public static final Set<String> PLUGIN_DISCOVERY_MODES =
      Set.of("only_scan", "hybrid_warn", "hybrid_fail", "service_load");
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Builder settings;
  private final StackLayout layout;
  // Written under the lock during start(), read by accessors and close() from other threads.
  private volatile KafkaBroker broker;
  private volatile MqttBroker mqttBroker;
  private volatile ConnectGroup group;
  private final List<ConnectWorker> workers = new CopyOnWriteArrayList<>();
  private volatile StartupTimes startupTimes;
  private Thread shutdownHook;
  private final AtomicBoolean started = new AtomicBoolean();
  private boolean closed;

  private LocalStack(Builder settings) {
    this.settings = settings;
    this.layout = new StackLayout(settings.dataDir);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the broker and then the workers, and returns once every worker's REST API answers and
   * every worker has joined the group. On failure everything started so far is stopped again.
   */
  public LocalStack start() {
    if (started.getAndSet(true)) {
      throw new IllegalStateException("This local stack was already started");
    }
    long startNanos = System.nanoTime();
    try {
      Path java = Preflight.javaExecutable(settings.javaHome);
      Preflight.requireKafkaLibs(settings.kafkaLibs);
      Preflight.requireBundle(settings.bundleZip);

      layout.create();
      int reaped = StaleProcessReaper.reap(layout.pidsDir(), layout.dataDir());
      if (reaped > 0) {
        LOG.warn("Killed {} process(es) left running by an earlier local stack on {}", reaped,
            layout.dataDir());
      }
      List<Integer> ports = Ports.resolve(portRequests());
      WatchdogJar.write(layout.watchdogJar());
      List<Path> plugins = PluginInstaller.install(settings.bundleZip, settings.additionalPlugins,
          layout.pluginsDir());
      LOG.info("Installed plugins {} into {}", plugins.stream().map(Path::getFileName).toList(),
          layout.pluginsDir());
      registerShutdownHook();

      ChildJvmFactory jvms = new ChildJvmFactory(java, settings.kafkaLibs, layout);
      synchronized (this) {
        requireNotClosed();
        broker = new KafkaBroker(ports.get(0), ports.get(1), settings.brokerHeap,
            settings.brokerProperties, layout, jvms, settings.startTimeout);
        broker.launch();
        if (settings.mqttBrokerLibs != null) {
          // Started beside Kafka: both take a few seconds, mostly JVM and disk warm-up.
          mqttBroker = new MqttBroker(ports.get(2 + settings.workers), settings.mqttBrokerLibs,
              layout, jvms, settings.startTimeout);
          mqttBroker.launch();
        }
      }
      broker.awaitReady();
      if (mqttBroker != null) {
        mqttBroker.awaitReady();
        LOG.info("MQTT broker accepts connections on {}", mqttBroker.serverUri());
      }
      Duration brokerTime = Duration.ofNanos(System.nanoTime() - startNanos);
      LOG.info("Kafka broker serves metadata on {} after {} s", broker.bootstrapServers(),
          brokerTime.toSeconds());

      long workersNanos = System.nanoTime();
      List<Set<String>> earlierMembers = new ArrayList<>();
      synchronized (this) {
        requireNotClosed();
        group = new ConnectGroup(broker.bootstrapServers(), settings.groupId);
        for (int i = 0; i < settings.workers; i++) {
          workers.add(newWorker(i, ports.get(2 + i), jvms));
        }
        // The JVMs start at the same time: on 2 cores that still beats one after the other.
        for (ConnectWorker worker : workers) {
          earlierMembers.add(worker.launch());
        }
      }
      for (int i = 0; i < workers.size(); i++) {
        workers.get(i).awaitReady(earlierMembers.get(i));
      }
      awaitWorkersJoined(settings.startTimeout);
      Duration workersTime = Duration.ofNanos(System.nanoTime() - workersNanos);

      startupTimes = new StartupTimes(brokerTime, workersTime,
          Duration.ofNanos(System.nanoTime() - startNanos));
      LOG.info("Local stack started in {}: Kafka {}, Connect {}", startupTimes.describe(),
          bootstrapServers(), workers.stream().map(ConnectWorker::restUrl).toList());
      return this;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The broker's bootstrap servers (host:port) for clients of the tests and the demo. */
  public String bootstrapServers() {
    return broker().bootstrapServers();
  }

  public KafkaBroker broker() {
    requireStarted();
    return broker;
  }

  /** The stack's MQTT broker; present when the stack was built with {@code mqttBrokerLibs}. */
  public Optional<MqttBroker> mqttBroker() {
    requireStarted();
    return Optional.ofNullable(mqttBroker);
  }

  public ConnectWorker worker(int index) {
    requireStarted();
    return workers.get(index);
  }

  public List<ConnectWorker> workers() {
    requireStarted();
    return Collections.unmodifiableList(workers);
  }

  /** A REST client for the first worker that is running (any worker serves the whole cluster). */
  public ConnectRestClient rest() {
    return workers().stream().filter(ConnectWorker::isRunning).findFirst()
        .orElseThrow(() -> new IllegalStateException("No Connect worker is running"))
        .rest();
  }

  public ConnectGroup connectGroup() {
    requireStarted();
    return group;
  }

  public StackLayout layout() {
    return layout;
  }

  public Path dataDir() {
    return layout.dataDir();
  }

  public StartupTimes startupTimes() {
    requireStarted();
    return startupTimes;
  }

  /**
   * Waits until the group is stable with exactly one member per running worker: after a worker
   * was killed that includes the broker dropping the dead member (one session timeout).
   */
  public void awaitWorkersJoined(Duration timeout) {
    List<String> expected = workers().stream().filter(ConnectWorker::isRunning)
        .map(ConnectWorker::clientId).sorted().toList();
    Poll.until("the Connect group " + settings.groupId + " to be stable with members " + expected,
        timeout, () -> {
          ConnectGroup.Snapshot snapshot = group.describe();
          List<String> actual = snapshot.members().stream().map(ConnectGroup.Member::clientId)
              .sorted().toList();
          if (snapshot.isStable() && actual.equals(expected)) {
            return Optional.of(snapshot);
          }
          throw new IllegalStateException("group is " + snapshot.state() + " with " + actual);
        });
  }

  /** Stops the workers (in parallel) and then the broker; safe to call more than once. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    removeShutdownHook();
    if (group != null) {
      group.close();
    }
    workers.forEach(ConnectWorker::requestStop);
    workers.forEach(worker -> worker.awaitExit(STOP_GRACE));
    if (broker != null) {
      broker.requestStop();
    }
    if (mqttBroker != null) {
      mqttBroker.requestStop();
    }
    if (broker != null) {
      broker.awaitExit(STOP_GRACE);
    }
    if (mqttBroker != null) {
      mqttBroker.awaitExit(STOP_GRACE);
    }
    LOG.info("Local stack on {} stopped", layout.dataDir());
  }

  private ConnectWorker newWorker(int index, int port, ChildJvmFactory jvms) {
    Map<String, String> properties = WorkerConfig.render(index, Ports.HOST, port,
        broker.bootstrapServers(), settings.groupId, layout.pluginsDir(), settings.pluginDiscovery,
        settings.workerProperties);
    Map<String, String> environment = new LinkedHashMap<>(settings.workerEnvironment);
    environment.put(WorkerConfig.DATA_DIR_ENV, layout.dataDir().toString());
    environment.put(WorkerConfig.BOOTSTRAP_SERVERS_ENV, broker.bootstrapServers());
    if (mqttBroker != null) {
      environment.put(WorkerConfig.MQTT_SERVER_URI_ENV, mqttBroker.serverUri());
    }
    return new ConnectWorker(index, port, properties, settings.workerHeap,
        settings.workerJvmOptions, environment, layout, jvms, group, settings.startTimeout);
  }

  private List<Ports.Request> portRequests() {
    List<Ports.Request> requests = new ArrayList<>();
    requests.add(new Ports.Request(PortPurpose.KAFKA_BROKER, "the Kafka broker",
        settings.kafkaPort));
    requests.add(new Ports.Request(PortPurpose.KAFKA_CONTROLLER, "the KRaft controller",
        settings.controllerPort));
    for (int i = 0; i < settings.workers; i++) {
      int port = i < settings.connectPorts.size() ? settings.connectPorts.get(i) : 0;
      requests.add(new Ports.Request(PortPurpose.CONNECT_REST, "the REST API of Connect worker " + i,
          port));
    }
    if (settings.mqttBrokerLibs != null) {
      requests.add(new Ports.Request(PortPurpose.MQTT_BROKER, "the MQTT broker", settings.mqttPort));
    }
    return requests;
  }

  private void registerShutdownHook() {
    shutdownHook = new Thread(this::closeFromShutdownHook, "streametl-local-stack-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  private void closeFromShutdownHook() {
    LOG.info("JVM shutting down: stopping the local stack on {}", layout.dataDir());
    close();
  }

  private void removeShutdownHook() {
    if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running or about to, and close() is idempotent.
    }
  }

  /**
   * Called under the lock before each process launch: a close() that ran while start() was
   * waiting (Ctrl-C during start-up) must not be followed by new processes.
   */
  private void requireNotClosed() {
    if (closed) {
      throw new LocalStackException("The local stack was stopped while it was starting.");
    }
  }

  private void requireStarted() {
    if (!started.get() || broker == null) {
      throw new IllegalStateException("The local stack has not been started");
    }
  }

  /** Settings of a local stack; {@link #build()} checks them before anything touches the disk. */
  public static final class Builder {
    private Path dataDir;
    private Path kafkaLibs;
    private Path bundleZip;
    private final List<Path> additionalPlugins = new ArrayList<>();
    private int workers = 2;
    private int kafkaPort;
    private int controllerPort;
    private List<Integer> connectPorts = List.of();
    private final Map<String, String> workerProperties = new LinkedHashMap<>();
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private final Map<String, String> workerEnvironment = new LinkedHashMap<>();
    private String pluginDiscovery = "service_load";
    private Path mqttBrokerLibs;
    private int mqttPort;
    private String groupId = DEFAULT_GROUP_ID;
    private String brokerHeap = "512m";
    private String workerHeap = "1g";
    private final List<String> workerJvmOptions = new ArrayList<>();
    private Duration startTimeout = Duration.ofMinutes(3);
    private Path javaHome = Path.of(System.getProperty("java.home"));

    private Builder() {}

    /** Where the stack keeps its state, logs and plugins; reused (not wiped) by the next start. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** A Kafka distribution's libs/ folder (kafka-dist/target/kafka/libs). */
    public Builder kafkaLibs(Path kafkaLibs) {
      this.kafkaLibs = kafkaLibs;
      return this;
    }

    /** The Confluent Hub component zip, unpacked into plugin.path. */
    public Builder bundleZip(Path bundleZip) {
      this.bundleZip = bundleZip;
      return this;
    }

    /** One more plugin for plugin.path: a directory, or a jar that becomes a directory of its own. */
    public Builder additionalPlugin(Path plugin) {
      this.additionalPlugins.add(plugin);
      return this;
    }

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** The broker's client port; 0 (the default) picks a free port. */
    public Builder kafkaPort(int port) {
      this.kafkaPort = port;
      return this;
    }

    /** The KRaft controller port; 0 (the default) picks a free port. */
    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    /** REST ports of workers 0, 1, ...; workers without an entry (or with 0) get a free port. */
    public Builder connectPorts(List<Integer> ports) {
      this.connectPorts = List.copyOf(ports);
      return this;
    }

    /** A worker property that overrides the stack's default (applied to every worker). */
    public Builder workerProperty(String key, String value) {
      this.workerProperties.put(key, value);
      return this;
    }

    public Builder workerProperties(Map<String, String> properties) {
      this.workerProperties.putAll(properties);
      return this;
    }

    public Builder brokerProperty(String key, String value) {
      this.brokerProperties.put(key, value);
      return this;
    }

    /** An environment variable of every worker, for ${env:...} in connector configs. */
    public Builder workerEnvironment(String name, String value) {
      this.workerEnvironment.put(name, value);
      return this;
    }

    /** plugin.discovery of the workers; service_load (the default) proves the bundle's manifests. */
    public Builder pluginDiscovery(String mode) {
      this.pluginDiscovery = mode;
      return this;
    }

    /**
     * Runs an MQTT broker too, from the mqtt-broker module's libs folder
     * (mqtt-broker/target/mqtt-broker/libs); workers find it in ${env:STREAMETL_MQTT_SERVER_URI}.
     */
    public Builder mqttBroker(Path brokerLibs) {
      this.mqttBrokerLibs = brokerLibs;
      return this;
    }

    /** The MQTT broker's port; 0 (the default) picks a free port. */
    public Builder mqttPort(int port) {
      this.mqttPort = port;
      return this;
    }

    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    public Builder brokerHeap(String maxHeap) {
      this.brokerHeap = maxHeap;
      return this;
    }

    public Builder workerHeap(String maxHeap) {
      this.workerHeap = maxHeap;
      return this;
    }

    /**
     * A JVM option for every worker, after the stack's own (for example a {@code -javaagent} as
     * an operator would add through {@code KAFKA_OPTS}).
     */
    public Builder workerJvmOption(String option) {
      this.workerJvmOptions.add(option);
      return this;
    }

    /** How long each start-up step (broker ready, each worker ready, group stable) may take. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    /** The JDK whose bin/java runs the children; defaults to the one running this JVM. */
    public Builder javaHome(Path javaHome) {
      this.javaHome = javaHome;
      return this;
    }

    public LocalStack build() {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(kafkaLibs, "kafkaLibs");
      Objects.requireNonNull(bundleZip, "bundleZip");
      if (workers < 1) {
        throw new IllegalArgumentException("A local stack needs at least one worker, got " + workers);
      }
      if (connectPorts.size() > workers) {
        throw new IllegalArgumentException(connectPorts.size() + " Connect ports given for "
            + workers + " worker(s)");
      }
      if (!PLUGIN_DISCOVERY_MODES.contains(pluginDiscovery)) {
        throw new IllegalArgumentException("plugin.discovery must be one of "
            + PLUGIN_DISCOVERY_MODES.stream().sorted().collect(Collectors.joining(", "))
            + ", got " + pluginDiscovery);
      }
      for (int port : connectPorts) {
        new Ports.Request(PortPurpose.CONNECT_REST, "a Connect worker", port);
      }
      new Ports.Request(PortPurpose.KAFKA_BROKER, "the Kafka broker", kafkaPort);
      new Ports.Request(PortPurpose.KAFKA_CONTROLLER, "the KRaft controller", controllerPort);
      new Ports.Request(PortPurpose.MQTT_BROKER, "the MQTT broker", mqttPort);
      if (mqttBrokerLibs != null && !Files.isDirectory(mqttBrokerLibs)) {
        throw new IllegalArgumentException("The MQTT broker's libs folder " + mqttBrokerLibs
            + " does not exist; build it with: ./mvnw -B -pl mqtt-broker install");
      }
      for (Path plugin : additionalPlugins) {
        if (!Files.exists(plugin)) {
          throw new IllegalArgumentException("Additional plugin " + plugin + " does not exist");
        }
      }
      return new LocalStack(this);
    }
  }
}
