package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaPathsTest {

  private static final Schema DEVICE =
      SchemaBuilder.struct().optional().field("os", Schema.STRING_SCHEMA).build();
  private static final Schema EVENT =
      SchemaBuilder.struct()
          .field("user_id", Schema.STRING_SCHEMA)
          .field("device", DEVICE)
          .build();

  @Test
  void findsTopLevelAndNestedFields() {
    assertThat(SchemaPaths.find(EVENT, FieldPath.parse("user_id"))).contains(Schema.STRING_SCHEMA);
    assertThat(SchemaPaths.find(EVENT, FieldPath.parse("device.os"))).contains(Schema.STRING_SCHEMA);
    assertThat(SchemaPaths.find(EVENT, FieldPath.parse("device"))).contains(DEVICE);
  }

  @Test
  void findsNothingOffTheSchema() {
    assertThat(SchemaPaths.find(EVENT, FieldPath.parse("plan"))).isEmpty();
    assertThat(SchemaPaths.find(EVENT, FieldPath.parse("device.model"))).isEmpty();
    assertThat(SchemaPaths.find(EVENT, FieldPath.parse("user_id.x"))).isEmpty();
    assertThat(SchemaPaths.find(Schema.STRING_SCHEMA, FieldPath.parse("x"))).isEmpty();
  }
}
