package io.streametl.stack;

import io.streametl.stack.config.BrokerConfig;
import io.streametl.stack.config.PropertiesFile;
import io.streametl.stack.process.JavaProcess;
import io.streametl.stack.process.LogTail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's single KRaft node (broker and controller in one JVM, started as kafka-server-start.sh
 * starts kafka.Kafka). Its storage is formatted on first start only, so a restart or a second run
 * on the same data directory keeps every topic.
 */
public final class KafkaBroker extends ServerProcess {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  static final String NAME = "broker";

  private final int port;
  private final int controllerPort;
  private final StackLayout layout;
  private final ChildJvmFactory jvms;
  private final Duration startTimeout;
  private final Path propertiesFile;

  KafkaBroker(int port, int controllerPort, String maxHeap, Map<String, String> overrides,
      StackLayout layout, ChildJvmFactory jvms, Duration startTimeout) {
    super(newProcess(layout, jvms, maxHeap, overrides, port, controllerPort));
    this.port = port;
    this.controllerPort = controllerPort;
    this.layout = layout;
    this.jvms = jvms;
    this.startTimeout = startTimeout;
    this.propertiesFile = propertiesFile(layout);
  }

  private static Path propertiesFile(StackLayout layout) {
    return layout.kafkaDir().resolve("broker.properties");
  }

  private static JavaProcess newProcess(StackLayout layout, ChildJvmFactory jvms, String maxHeap,
      Map<String, String> overrides, int port, int controllerPort) {
    Path file = propertiesFile(layout);
    PropertiesFile.write(file,
        "KRaft broker+controller of the StreamETL local stack (written at every start).",
        BrokerConfig.render(Ports.HOST, port, controllerPort, layout.kafkaLogDir(), overrides));
    return new JavaProcess(jvms.spec(NAME, "the Kafka broker", maxHeap, "kafka.Kafka",
        List.of(file.toString()), Map.of()));
  }

  public String bootstrapServers() {
    return Ports.HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path logFile() {
    return layout.logsDir().resolve(NAME + ".log");
  }

  /** The storage is formatted on the first start only; later starts keep every topic. */
  @Override
  protected void beforeLaunch() {
    formatStorageIfNeeded();
  }

  /** Waits until the broker serves metadata. */
  @Override
  void awaitReady() {
    awaitServingMetadata();
  }

  private void formatStorageIfNeeded() {
    if (Files.exists(layout.kafkaLogDir().resolve("meta.properties"))) {
      return;
    }
    String clusterId = Uuid.randomUuid().toString();
    LOG.info("Formatting the KRaft storage in {} (cluster id {})", layout.kafkaLogDir(), clusterId);
    new JavaProcess(jvms.spec("kafka-storage-format", "the KRaft storage format tool", "256m",
        "kafka.tools.StorageTool",
        List.of("format", "--config", propertiesFile.toString(), "--cluster-id", clusterId),
        Map.of()))
        .runToCompletion(Duration.ofMinutes(2));
  }

  private void awaitServingMetadata() {
    Properties adminProps = new Properties();
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    try (Admin admin = Admin.create(adminProps)) {
      Poll.until("the Kafka broker on " + bootstrapServers() + " to serve metadata", startTimeout,
          () -> {
            failIfExited();
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()
                ? Optional.empty() : Optional.of(true);
          });
    }
  }

  private void failIfExited() {
    process.exitCode().ifPresent(code -> {
      throw new Poll.Abort(new LocalStackException("The Kafka broker exited with code " + code
          + " during start-up; see " + logFile() + " and " + process.spec().outputFile()
          + ". Last lines of its log:" + System.lineSeparator() + LogTail.describe(logFile(), 15)));
    });
  }
}
