package io.streametl.sink.state.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class DedupKeyTest {

  private static final Schema DEVICE = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).build();
  private static final Schema VALUE = SchemaBuilder.struct()
      .field("event_id", Schema.OPTIONAL_STRING_SCHEMA).field("device", DEVICE).build();

  private static Struct struct(String eventId, String deviceId) {
    return new Struct(VALUE).put("event_id", eventId).put("device", new Struct(DEVICE).put("id", deviceId));
  }

  private static Map<String, Object> map(String eventId, String deviceId) {
    Map<String, Object> value = new HashMap<>();
    value.put("event_id", eventId);
    value.put("device", Map.of("id", deviceId));
    return value;
  }

  @Test
  void theRecordKeyIdentifiesByDefault() {
    DedupKey key = DedupKey.recordKey();

    assertThat(key.hash("e-1", null)).isEqualTo(key.hash("e-1", struct("x", "y")));
    assertThat(key.hash("e-1", null)).isNotEqualTo(key.hash("e-2", null));
  }

  @Test
  void fieldPathsIdentifyTheSameWayInStructsAndMaps() {
    DedupKey key = DedupKey.fields(List.of(FieldPath.parse("event_id"), FieldPath.parse("device.id")));

    assertThat(key.hash(null, struct("e-1", "d-1"))).isEqualTo(key.hash("ignored", map("e-1", "d-1")));
    assertThat(key.hash(null, struct("e-1", "d-1"))).isNotEqualTo(key.hash(null, struct("e-1", "d-2")));
  }

  @Test
  void aRecordWithoutAnIdentityIsRejectedNotTreatedAsAValue() {
    DedupKey byKey = DedupKey.recordKey();
    DedupKey byField = DedupKey.fields(List.of(FieldPath.parse("event_id")));
    DedupKey byMissing = DedupKey.fields(List.of(FieldPath.parse("session_id")));

    assertThatThrownBy(() -> byKey.hash(null, struct("e-1", "d"))).isInstanceOf(DataException.class)
        .hasMessageContaining("no key");
    assertThatThrownBy(() -> byField.hash(null, struct(null, "d"))).isInstanceOf(DataException.class)
        .hasMessageContaining("'event_id' is null");
    assertThatThrownBy(() -> byMissing.hash(null, map("e-1", "d"))).isInstanceOf(DataException.class)
        .hasMessageContaining("'session_id' is missing");
  }
}
