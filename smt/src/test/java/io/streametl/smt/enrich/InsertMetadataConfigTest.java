package io.streametl.smt.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsertMetadataConfigTest {

  @Test
  void defaultsToFourTopLevelFieldsAndEpochMillis() {
    InsertMetadataConfig config = new InsertMetadataConfig(Map.of());

    assertThat(config.paths())
        .containsExactly(
            Map.entry(MetadataField.INGEST_TIME, FieldPath.of("_ingested_at")),
            Map.entry(MetadataField.TOPIC, FieldPath.of("_source_topic")),
            Map.entry(MetadataField.PARTITION, FieldPath.of("_source_partition")),
            Map.entry(MetadataField.OFFSET, FieldPath.of("_source_offset")));
    assertThat(config.ingestTimeFormat()).isEqualTo(IngestTimeFormat.EPOCH_MILLIS);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "topic.field|_meta..topic|empty field name",
        "offset.field|`_meta.offset|never closed",
        "ingest.time.format|seconds|unknown ingest time format 'seconds'; use one of:"
            + " epoch_millis, iso8601, timestamp"
      })
  void validationAndConfigureRejectTheSameValueWithTheSameMessage(
      String key, String value, String expected) {
    Map<String, String> props = Map.of(key, value);

    assertThat(errorsOf(key, props)).singleElement().asString().contains(expected).contains(key);
    assertThatThrownBy(() -> new InsertMetadataConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected)
        .hasMessageContaining(key);
  }

  @Test
  void acceptsFormatNamesInAnyCase() {
    assertThat(new InsertMetadataConfig(Map.of("ingest.time.format", "ISO8601")).ingestTimeFormat())
        .isEqualTo(IngestTimeFormat.ISO8601);
  }

  @Test
  void refusesFieldsThatCollide() {
    Map<String, String> props = Map.of("topic.field", "_meta", "partition.field", "_meta.partition");

    assertThatThrownBy(() -> new InsertMetadataConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("partition.field")
        .hasMessageContaining("topic.field='_meta'");
  }

  @Test
  void refusesTwoFieldsOnOnePath() {
    Map<String, String> props = Map.of("topic.field", "origin", "offset.field", "origin");

    assertThatThrownBy(() -> new InsertMetadataConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("offset.field")
        .hasMessageContaining("collides with topic.field");
  }

  @Test
  void refusesAConfigThatInsertsNothing() {
    Map<String, String> props =
        Map.of(
            "ingest.time.field", "", "topic.field", "", "partition.field", "", "offset.field", "");

    assertThatThrownBy(() -> new InsertMetadata.Value<>().configure(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nothing to insert");
  }

  private static List<String> errorsOf(String key, Map<String, String> props) {
    return InsertMetadata.CONFIG_DEF.validate(props).stream()
        .filter(v -> v.name().equals(key))
        .findFirst()
        .map(ConfigValue::errorMessages)
        .orElseThrow();
  }
}
