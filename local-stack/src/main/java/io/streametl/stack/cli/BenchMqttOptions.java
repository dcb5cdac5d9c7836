package io.streametl.stack.cli;

import io.streametl.stack.bench.MqttBenchSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options of {@code streametl bench-mqtt}, parsed into the benchmark's settings. */
final class BenchMqttOptions {

  static final long DEFAULT_MESSAGES = 200_000;
  static final int DEFAULT_WARMUP_ROUNDS = 2;
  static final int DEFAULT_DEVICES = 100;
  static final List<Integer> DEFAULT_QOS = List.of(0, 1);
  static final Path DEFAULT_DATA_DIR =
      Path.of(System.getProperty("java.io.tmpdir"), "streametl-bench-mqtt");

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.value("--messages", "N", "messages published per measured run (default "
          + DEFAULT_MESSAGES + ")"),
      OptionSpec.value("--warmup-rounds", "N", "rounds of both consumers before the one that counts,"
          + " to warm up the JIT of every process (default " + DEFAULT_WARMUP_ROUNDS + ")"),
      OptionSpec.value("--devices", "D", "simulated devices, i.e. MQTT topics (default "
          + DEFAULT_DEVICES + ")"),
      OptionSpec.value("--qos", "Q1,Q2", "QoS levels to measure (default 0,1)"),
      OptionSpec.value("--set", "K=V,K=V", "settings of the MQTT source that replace those of"
          + " connect-configs/mqtt-devices-source.json, e.g. mqtt.max.inflight=5000; a piece"
          + " without '=' continues a list, e.g. mqtt.topic.filters=a/#,b/#,tasks.max=2"),
      OptionSpec.value("--worker-set", "K=V,K=V", "worker properties that replace the local"
          + " stack's, e.g. exactly.once.source.support=disabled"),
      OptionSpec.value("--data-dir", "DIR", "data directory of the benchmark's stack, deleted at"
          + " the start (default " + DEFAULT_DATA_DIR + ")"),
      OptionSpec.value("--configs-dir", "DIR", "where the connector config files are (default "
          + BenchSinkOptions.DEFAULT_CONFIGS_DIR + ")"),
      OptionSpec.value("--kafka-libs", "DIR", "Kafka distribution libs (default "
          + DemoOptions.DEFAULT_KAFKA_LIBS + "; set by ./streametl)"),
      OptionSpec.value("--mqtt-broker-libs", "DIR", "the MQTT broker's libs (default "
          + DemoOptions.DEFAULT_MQTT_BROKER_LIBS + "; set by ./streametl)"),
      OptionSpec.value("--bundle", "ZIP", "plugin bundle zip (default the one in "
          + DemoOptions.PACKAGING_TARGET + "; set by ./streametl)"));

  private BenchMqttOptions() {}

  static MqttBenchSettings parse(List<String> args) {
    ParsedOptions options = ParsedOptions.parse("bench-mqtt", SPECS, args);
    return new MqttBenchSettings(
        options.positiveLong("--messages", DEFAULT_MESSAGES),
        options.nonNegativeInt("--warmup-rounds", DEFAULT_WARMUP_ROUNDS),
        options.positiveInt("--devices", DEFAULT_DEVICES),
        qosLevels(options.value("--qos")),
        options.keyValues("--set"),
        options.keyValues("--worker-set"),
        options.path("--data-dir", DEFAULT_DATA_DIR).toAbsolutePath().normalize(),
        options.path("--configs-dir", BenchSinkOptions.DEFAULT_CONFIGS_DIR),
        options.path("--kafka-libs", Path.of(System.getProperty(DemoOptions.KAFKA_LIBS_PROPERTY,
            DemoOptions.DEFAULT_KAFKA_LIBS.toString()))),
        options.value("--bundle").or(() -> Optional.ofNullable(
            System.getProperty(DemoOptions.BUNDLE_PROPERTY))).map(Path::of)
            .orElseGet(DemoOptions::defaultBundle),
        options.path("--mqtt-broker-libs", Path.of(System.getProperty(
            DemoOptions.MQTT_BROKER_LIBS_PROPERTY, DemoOptions.DEFAULT_MQTT_BROKER_LIBS.toString()))));
  }

  static List<Integer> qosLevels(Optional<String> text) {
    if (text.isEmpty()) {
      return DEFAULT_QOS;
    }
    List<Integer> levels = new ArrayList<>();
    for (String part : text.get().split(",")) {
      String level = part.trim();
      if (!level.matches("[012]")) {
        throw new UsageException("Option --qos takes QoS levels 0, 1 or 2 separated by commas,"
            + " got '" + text.get() + "'.");
      }
      levels.add(Integer.parseInt(level));
    }
    return List.copyOf(levels);
  }
}
