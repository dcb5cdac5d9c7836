package io.streametl.source.generator;

import static io.streametl.source.generator.TestConfigs.START_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.Version;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class EventGeneratorSourceConnectorTest {

  private static final long NOW = 1_800_000_000_000L;

  private final InMemoryOffsetStorageReader offsets = new InMemoryOffsetStorageReader();

  private EventGeneratorSourceConnector started(Map<String, String> config) {
    EventGeneratorSourceConnector connector = new EventGeneratorSourceConnector(new ManualClock(NOW));
    connector.initialize(TestContexts.connector(offsets));
    connector.start(config);
    return connector;
  }

  private static Map<String, String> withoutStart() {
    Map<String, String> config = TestConfigs.connector();
    config.remove(EventGeneratorConfig.EVENT_TIME_START_MS_CONFIG);
    return config;
  }

  private static Map<String, ConfigValue> validate(Map<String, String> config) {
    Map<String, ConfigValue> byName = new HashMap<>();
    new EventGeneratorSourceConnector().validate(config).configValues().forEach(v -> byName.put(v.name(), v));
    return byName;
  }

  @Test
  void reportsTheBundleVersionAndItsConfigDef() {
    EventGeneratorSourceConnector connector = new EventGeneratorSourceConnector();

    assertThat(connector.version()).isEqualTo(Version.get());
    assertThat(connector.config()).isSameAs(EventGeneratorSourceConnector.CONFIG_DEF);
    assertThat(connector.taskClass()).isEqualTo(EventGeneratorSourceTask.class);
    assertThat(new EventGeneratorSourceTask().version()).isEqualTo(Version.get());
  }

  @Test
  void isDiscoverableThroughServiceLoader() {
    assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::type))
        .contains(EventGeneratorSourceConnector.class);
  }

  @Test
  void supportsExactlyOnceWithPollBasedTransactions() {
    EventGeneratorSourceConnector connector = new EventGeneratorSourceConnector();

    assertThat(connector.exactlyOnceSupport(TestConfigs.connector())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    assertThat(connector.canDefineTransactionBoundaries(TestConfigs.connector()))
        .isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
  }

  @Test
  void givesEachTaskOneStreamOfTheSameGeneration() {
    List<Map<String, String>> tasks = started(TestConfigs.connector()).taskConfigs(3);

    assertThat(tasks).hasSize(3);
    for (int i = 0; i < 3; i++) {
      TaskAssignment assignment = TaskAssignment.fromTaskConfig(tasks.get(i));
      assertThat(assignment.stream()).isEqualTo(new GeneratorStream("gen", i, 3));
      assertThat(assignment.startMs()).isEqualTo(START_MS);
      assertThat(tasks.get(i)).containsEntry("topic", "events");
    }
  }

  @Test
  void aConfiguredStartWinsWhateverTheTaskCount() {
    Map<String, String> config = TestConfigs.connector();
    config.put("tasks.max", "2");
    offsets.store(new GeneratorStream("gen", 0, 2).partition(), new StreamOffset(2, 12_345).toMap());

    EventGeneratorSourceConnector connector = started(config);

    for (int tasks : List.of(1, 2, 5)) {
      assertThat(connector.taskConfigs(tasks))
          .allSatisfy(task -> assertThat(TaskAssignment.fromTaskConfig(task).startMs()).isEqualTo(START_MS));
    }
  }

  @Test
  void withoutAConfiguredStartNewStreamsStartNow() {
    List<Map<String, String>> tasks = started(withoutStart()).taskConfigs(2);

    assertThat(tasks).allSatisfy(task -> assertThat(TaskAssignment.fromTaskConfig(task).startMs()).isEqualTo(NOW));
  }

  @Test
  void aStartTimeStoredByASiblingStreamIsReused() {
    Map<String, String> config = withoutStart();
    config.put("tasks.max", "3");
    offsets.store(new GeneratorStream("gen", 1, 3).partition(), new StreamOffset(7, 12_345).toMap());

    List<Map<String, String>> tasks = started(config).taskConfigs(3);

    assertThat(tasks).allSatisfy(task -> assertThat(TaskAssignment.fromTaskConfig(task).startMs()).isEqualTo(12_345));
  }

  @Test
  void startFailsWithoutAConnectorName() {
    Map<String, String> config = TestConfigs.connector();
    config.remove("name");

    assertThatThrownBy(() -> started(config)).isInstanceOf(ConfigException.class).hasMessageContaining("name");
  }

  @Test
  void validateAcceptsAGoodConfig() {
    assertThat(validate(TestConfigs.noisyConnector()).values()).allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
  }

  @Test
  void validateShowsARatioSumAboveOneAtEachRatio() {
    Map<String, String> config = TestConfigs.connector();
    config.put("duplicate.ratio", "0.6");
    config.put("late.ratio", "0.6");

    Map<String, ConfigValue> values = validate(config);

    for (String key : List.of("duplicate.ratio", "late.ratio", "invalid.ratio")) {
      assertThat(values.get(key).errorMessages()).singleElement().asString().contains("at most 1");
    }
    assertThat(values.get("topic").errorMessages()).isEmpty();
  }

  @Test
  void validateShowsAFieldErrorOnlyAtThatField() {
    Map<String, String> config = TestConfigs.connector();
    config.put("events.per.second", "-3");
    config.put("output.format", "avro");

    Map<String, ConfigValue> values = validate(config);

    assertThat(values.get("events.per.second").errorMessages()).singleElement().asString().contains("finite number");
    assertThat(values.get("output.format").errorMessages()).singleElement().asString().contains("avro");
    assertThat(values.get("duplicate.ratio").errorMessages()).isEmpty();
  }

  @Test
  void alterOffsetsAcceptsResumableOffsetsAndResets() {
    Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
    offsets.put(new GeneratorStream("gen", 1, 3).partition(), Map.of("position", 301L, "start_ms", 5L));
    offsets.put(new GeneratorStream("gen", 2, 3).partition(), null);

    assertThat(new EventGeneratorSourceConnector().alterOffsets(TestConfigs.connector(), offsets)).isTrue();
  }

  @Test
  void alterOffsetsRejectsOffsetsNoTaskCouldResumeFrom() {
    EventGeneratorSourceConnector connector = new EventGeneratorSourceConnector();
    Map<String, Object> partition = new GeneratorStream("gen", 1, 3).partition();

    assertThatThrownBy(() -> connector.alterOffsets(TestConfigs.connector(),
            Map.of(partition, Map.of("position", 300L, "start_ms", 5L))))
        .isInstanceOf(ConnectException.class).hasMessageContaining("does not belong to stream 1 of 3");
    assertThatThrownBy(() -> connector.alterOffsets(TestConfigs.connector(),
            Map.of(partition, Map.of("position", 301L))))
        .isInstanceOf(ConnectException.class).hasMessageContaining("start_ms");
    assertThatThrownBy(() -> connector.alterOffsets(TestConfigs.connector(),
            Map.of(new GeneratorStream("other", 0, 1).partition(), Map.of("position", 0L, "start_ms", 5L))))
        .isInstanceOf(ConnectException.class).hasMessageContaining("'other'");
    assertThatThrownBy(() -> connector.alterOffsets(TestConfigs.connector(),
            Map.of(Map.of("generator", "gen", "stream", 3, "streams", 3), Map.of("position", 3L, "start_ms", 5L))))
        .isInstanceOf(ConnectException.class).hasMessageContaining("stream 3 of 3");
  }
}
