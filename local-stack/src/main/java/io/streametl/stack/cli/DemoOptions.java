package io.streametl.stack.cli;

import io.streametl.stack.iceberg.IcebergCatalogOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The options of {@code streametl demo}, with their defaults resolved. */
record DemoOptions(
    Path dataDir,
    boolean reset,
    int kafkaPort,
    int controllerPort,
    List<Integer> connectPorts,
    List<Path> configs,
    String topic,
    String dlqTopic,
    String generatorOffsetField,
    IcebergCatalogOptions catalog,
    String table,
    Path kafkaLibs,
    Path bundleZip,
    Path mqttBrokerLibs,
    int mqttPort,
    int devices,
    int deviceRate,
    int webPort) {

  static final int DEFAULT_KAFKA_PORT = 19092;
  static final List<Integer> DEFAULT_CONNECT_PORTS = List.of(18083, 18084);
  static final List<Path> DEFAULT_CONFIGS = List.of(
      Path.of("connect-configs/subscription-events-generator.json"),
      Path.of("connect-configs/subscription-events-iceberg.json"),
      Path.of("connect-configs/mqtt-devices-source.json"),
      Path.of("connect-configs/iot-telemetry-iceberg.json"),
      Path.of("connect-configs/http-api-source.json"));
  /** The port connect-configs/http-api-source.json calls the demo API on. */
  static final int DEMO_API_PORT = 18089;
  static final int DEFAULT_MQTT_PORT = 11883;
  static final int DEFAULT_DEVICES = 50;
  static final int DEFAULT_DEVICE_RATE = 100;
  static final int DEFAULT_WEB_PORT = 18090;
  static final Path DEFAULT_MQTT_BROKER_LIBS = Path.of("mqtt-broker/target/mqtt-broker/libs");
  static final String MQTT_BROKER_LIBS_PROPERTY = "streametl.mqtt.broker.libs";
  static final String DEFAULT_TOPIC = "subscription-events";
  static final String DEFAULT_DLQ_TOPIC = "subscription-events-dlq";
  static final String DEFAULT_GENERATOR_OFFSET_FIELD = "position";
  static final Path DEFAULT_KAFKA_LIBS = Path.of("kafka-dist/target/kafka/libs");
  /** Set by ./streametl to the paths of the build it just made. */
  static final String KAFKA_LIBS_PROPERTY = "streametl.kafka.libs";
  static final String BUNDLE_PROPERTY = "streametl.bundle.zip";
  static final Path PACKAGING_TARGET = Path.of("packaging/target");

  static final List<OptionSpec> SPECS;

  static {
    List<OptionSpec> specs = new ArrayList<>(List.of(
        OptionSpec.value("--data-dir", "DIR", "state, logs and plugins of the stack (default ./data;"
            + " kept between runs)"),
        OptionSpec.flag("--reset", "delete the data directory first and start from scratch"),
        OptionSpec.value("--kafka-port", "PORT", "Kafka broker port (default "
            + DEFAULT_KAFKA_PORT + "; 0 = any free port)"),
        OptionSpec.value("--controller-port", "PORT", "KRaft controller port (default 0 = any"
            + " free port)"),
        OptionSpec.value("--connect-ports", "P1,P2", "REST ports of the Connect workers, one per"
            + " worker (default 18083,18084)"),
        OptionSpec.value("--configs", "F1,F2", "connector configs to create (default"
            + " connect-configs/subscription-events-generator.json,"
            + "connect-configs/subscription-events-iceberg.json,"
            + "connect-configs/mqtt-devices-source.json,connect-configs/iot-telemetry-iceberg.json,"
            + "connect-configs/http-api-source.json)"),
        OptionSpec.value("--mqtt-port", "PORT", "MQTT broker port (default " + DEFAULT_MQTT_PORT
            + "; 0 = any free port)"),
        OptionSpec.value("--devices", "N", "simulated devices publishing telemetry over MQTT"
            + " (default " + DEFAULT_DEVICES + "; 0 = none)"),
        OptionSpec.value("--device-rate", "N", "messages per second of all devices together"
            + " (default " + DEFAULT_DEVICE_RATE + ")"),
        OptionSpec.value("--web-port", "PORT", "port of the live page on localhost (default "
            + DEFAULT_WEB_PORT + "; 0 = any free port)"),
        OptionSpec.value("--topic", "TOPIC", "topic whose records are counted (default "
            + DEFAULT_TOPIC + ")"),
        OptionSpec.value("--dlq-topic", "TOPIC", "dead-letter topic whose records are counted"
            + " (default " + DEFAULT_DLQ_TOPIC + ")"),
        OptionSpec.value("--generator-offset-field", "FIELD", "numeric field of the source"
            + " offsets that counts generated events (default " + DEFAULT_GENERATOR_OFFSET_FIELD
            + ")")));
    specs.addAll(IcebergOptionSpecs.SPECS);
    specs.add(OptionSpec.value("--kafka-libs", "DIR", "Kafka distribution libs (default "
        + DEFAULT_KAFKA_LIBS + "; set by ./streametl)"));
    specs.add(OptionSpec.value("--mqtt-broker-libs", "DIR", "the MQTT broker's libs (default "
        + DEFAULT_MQTT_BROKER_LIBS + "; set by ./streametl)"));
    specs.add(OptionSpec.value("--bundle", "ZIP", "plugin bundle zip (default the one in "
        + PACKAGING_TARGET + "; set by ./streametl)"));
    SPECS = List.copyOf(specs);
  }

  static DemoOptions parse(List<String> args) {
    ParsedOptions options = ParsedOptions.parse("demo", SPECS, args);
    Path dataDir = options.path("--data-dir", Path.of("data")).toAbsolutePath().normalize();
    List<Integer> connectPorts = options.ports("--connect-ports", DEFAULT_CONNECT_PORTS);
    if (connectPorts.isEmpty()) {
      throw new UsageException("Option --connect-ports needs at least one port.");
    }
    List<Path> configs = options.paths("--configs", DEFAULT_CONFIGS);
    if (configs.isEmpty()) {
      throw new UsageException("Option --configs needs at least one file.");
    }
    return new DemoOptions(
        dataDir,
        options.flag("--reset"),
        options.port("--kafka-port", DEFAULT_KAFKA_PORT),
        options.port("--controller-port", 0),
        connectPorts,
        configs,
        options.string("--topic", DEFAULT_TOPIC),
        options.string("--dlq-topic", DEFAULT_DLQ_TOPIC),
        options.string("--generator-offset-field", DEFAULT_GENERATOR_OFFSET_FIELD),
        IcebergOptionSpecs.catalog(options, dataDir),
        IcebergOptionSpecs.table(options),
        options.path("--kafka-libs", Path.of(System.getProperty(KAFKA_LIBS_PROPERTY,
            DEFAULT_KAFKA_LIBS.toString()))),
        options.value("--bundle").or(() -> Optional.ofNullable(
            System.getProperty(BUNDLE_PROPERTY))).map(Path::of)
            .orElseGet(DemoOptions::defaultBundle),
        options.path("--mqtt-broker-libs", Path.of(System.getProperty(MQTT_BROKER_LIBS_PROPERTY,
            DEFAULT_MQTT_BROKER_LIBS.toString()))),
        options.port("--mqtt-port", DEFAULT_MQTT_PORT),
        options.nonNegativeInt("--devices", DEFAULT_DEVICES),
        options.positiveInt("--device-rate", DEFAULT_DEVICE_RATE),
        options.port("--web-port", DEFAULT_WEB_PORT));
  }

  /** The newest bundle zip in packaging/target, or the expected name if none was built. */
  static Path defaultBundle() {
    if (!Files.isDirectory(PACKAGING_TARGET)) {
      return PACKAGING_TARGET.resolve("streametl-streametl-kafka-connect-<version>.zip");
    }
    try (Stream<Path> files = Files.list(PACKAGING_TARGET)) {
      return files.filter(f -> f.getFileName().toString().matches("streametl-.*\\.zip"))
          .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .orElse(PACKAGING_TARGET.resolve("streametl-streametl-kafka-connect-<version>.zip"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + PACKAGING_TARGET, e);
    }
  }
}
