package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class PartitionSpecParserTest {

  private static final Schema SCHEMA = new Schema(
      Types.NestedField.optional(1, "event_time", Types.TimestampType.withZone()),
      Types.NestedField.optional(2, "user_id", Types.StringType.get()),
      Types.NestedField.optional(3, "region", Types.StringType.get()));

  @Test
  void buildsTheTermsUsersWriteInSqlDdl() {
    PartitionSpec spec = PartitionSpecParser.build(SCHEMA, List.of("day(event_time)", "bucket(16, user_id)", "region"));

    assertThat(spec.fields()).extracting(f -> f.transform().toString())
        .containsExactly("day", "bucket[16]", "identity");
  }

  @Test
  void rejectsUnknownTransformsAndMissingWidthsAtValidation() {
    PartitionSpecParser.Validator validator = new PartitionSpecParser.Validator();

    assertThatThrownBy(() -> validator.ensureValid("p", List.of("week(event_time)")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown transform 'week'");
    assertThatThrownBy(() -> validator.ensureValid("p", List.of("bucket(user_id)")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("needs a width");
    assertThatThrownBy(() -> validator.ensureValid("p", List.of("day(16, event_time)")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("takes only a column");
  }

  @Test
  void aTermOnAColumnTheRecordsLackSaysSo() {
    assertThatThrownBy(() -> PartitionSpecParser.build(SCHEMA, List.of("day(created_at)")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("created_at");
  }
}
