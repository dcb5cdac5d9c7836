package io.streametl.source.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventGeneratorConfigTest {

  private static Map<String, String> with(String key, String value) {
    Map<String, String> config = TestConfigs.connector();
    config.put(key, value);
    return config;
  }

  @Test
  void onlyTheTopicIsRequiredAndTheDefaultsAreAsDocumented() {
    EventGeneratorConfig config = new EventGeneratorConfig(Map.of("topic", "events"));

    assertThat(config.topic()).isEqualTo("events");
    assertThat(config.outputFormat()).isEqualTo(OutputFormat.STRUCT);
    assertThat(config.eventsPerSecond()).isEqualTo(100.0);
    assertThat(config.eventsTotal()).isEqualTo(-1);
    assertThat(config.batchSize()).isEqualTo(500);
    assertThat(config.duplicateRatio()).isZero();
    assertThat(config.lateRatio()).isZero();
    assertThat(config.invalidRatio()).isZero();
    assertThat(config.lateDelayMs()).isEqualTo(600_000);
    assertThat(config.randomSeed()).isEqualTo(42);
    assertThat(config.eventTimeStartMs()).isNull();
  }

  @Test
  void aMissingTopicIsNamed() {
    assertThatThrownBy(() -> new EventGeneratorConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic");
  }

  @Test
  void ratiosSummingAboveOneAreRejectedNamingAllThree() {
    Map<String, String> config = TestConfigs.connector();
    config.put("duplicate.ratio", "0.5");
    config.put("late.ratio", "0.3");
    config.put("invalid.ratio", "0.4");

    assertThatThrownBy(() -> new EventGeneratorConfig(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("duplicate.ratio")
        .hasMessageContaining("late.ratio")
        .hasMessageContaining("invalid.ratio")
        .hasMessageContaining("at most 1")
        .hasMessageContaining("1.2");
  }

  @Test
  void ratiosSummingToOneUpToRoundingAreAccepted() {
    Map<String, String> config = TestConfigs.connector();
    config.put("duplicate.ratio", "0.1");
    config.put("late.ratio", "0.2");
    config.put("invalid.ratio", "0.7");

    assertThat(new EventGeneratorConfig(config).invalidRatio()).isEqualTo(0.7);
  }

  @ParameterizedTest
  @CsvSource({
    "duplicate.ratio, 1.5, [0.0, 1.0]",
    "late.ratio, -0.1, [0.0, 1.0]",
    "invalid.ratio, NaN, [0.0, 1.0]",
    "events.per.second, -1, finite number",
    "events.per.second, NaN, finite number",
    "events.per.second, Infinity, finite number",
    "events.total, -2, at least -1",
    "batch.size, 0, at least 1",
    "late.delay.ms, 0, at least 1",
    "event.time.start.ms, -5, unset or at least 0",
    "output.format, xml, STRUCT",
    "topic, 'bad topic', Kafka topic name",
    "random.seed, abc, LONG",
  })
  void aBadValueIsRejectedNamingTheKeyAndWhatIsAllowed(String key, String value, String hint) {
    assertThatThrownBy(() -> new EventGeneratorConfig(with(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(hint);
  }

  @Test
  void outputFormatIgnoresCase() {
    assertThat(new EventGeneratorConfig(with("output.format", "JSON")).outputFormat())
        .isEqualTo(OutputFormat.JSON);
    assertThat(new EventGeneratorConfig(with("output.format", "map")).outputFormat())
        .isEqualTo(OutputFormat.MAP);
  }

  @Test
  void generatorSettingsCarryEveryValue() {
    Map<String, String> config = TestConfigs.noisyConnector();
    config.put("events.per.second", "25");
    config.put("late.delay.ms", "5000");

    GeneratorSettings settings = new EventGeneratorConfig(config).generatorSettings(1234);

    assertThat(settings).isEqualTo(new GeneratorSettings(7, 1234, 25, 0.1, 0.1, 0.15, 5000));
  }

  @Test
  void everyKeyIsDocumentedAndGrouped() {
    for (ConfigDef.ConfigKey key : EventGeneratorConfig.CONFIG_DEF.configKeys().values()) {
      assertThat(key.documentation).as(key.name).isNotBlank();
      assertThat(key.group).as(key.name).isNotBlank();
      assertThat(key.displayName).as(key.name).isNotBlank();
    }
    assertThat(EventGeneratorConfig.CONFIG_DEF.names())
        .containsExactlyInAnyOrder(
            "topic", "output.format", "events.per.second", "events.total", "batch.size",
            "duplicate.ratio", "late.ratio", "invalid.ratio", "late.delay.ms", "random.seed",
            "event.time.start.ms");
  }
}
