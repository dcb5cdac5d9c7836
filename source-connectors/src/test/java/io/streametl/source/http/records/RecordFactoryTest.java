package io.streametl.source.http.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.source.http.config.EndpointConfig;
import io.streametl.source.http.sync.SyncState;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class RecordFactoryTest {

  private static EndpointConfig endpoint(String... settings) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoint.e.url", "https://h/e");
    for (int i = 0; i < settings.length; i += 2) {
      props.put("endpoint.e." + settings[i], settings[i + 1]);
    }
    return EndpointConfig.parse(props, "e", "c", "");
  }

  private static List<JsonNode> json(String text) throws Exception {
    List<JsonNode> nodes = new java.util.ArrayList<>();
    new ObjectMapper().readTree(text).elements().forEachRemaining(nodes::add);
    return nodes;
  }

  private static PageRecords build(EndpointConfig endpoint, String records) throws Exception {
    return new RecordFactory(endpoint).build(json(records),
        SyncState.initial(endpoint.watermark()));
  }

  @Test
  void oneKeyFieldMakesAStringKeyAndNestedPathsWork() throws Exception {
    PageRecords page = build(endpoint("key.fields", "customer.id"),
        "[{\"customer\": {\"id\": 42}, \"total\": 1}]");

    RecordOutcome.Emit emit = (RecordOutcome.Emit) page.outcomes().get(0);
    assertThat(emit.key()).isEqualTo("42");
    assertThat(emit.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
    assertThat(((Struct) emit.value()).getStruct("customer").getInt64("id")).isEqualTo(42L);
  }

  @Test
  void severalKeyFieldsMakeAStructOrAMap() throws Exception {
    String records = "[{\"region\": \"eu\", \"`odd.name`\": 1, \"id\": 7}]";

    RecordOutcome.Emit struct = (RecordOutcome.Emit) build(endpoint("key.fields", "region,id"), records)
        .outcomes().get(0);
    RecordOutcome.Emit map = (RecordOutcome.Emit) build(endpoint("key.fields", "region,id",
        "value.format", "map"), records).outcomes().get(0);

    assertThat(((Struct) struct.key()).getString("region")).isEqualTo("eu");
    assertThat(((Struct) struct.key()).getString("id")).isEqualTo("7");
    assertThat(map.key()).isEqualTo(Map.of("region", "eu", "id", "7"));
    assertThat(map.keySchema()).isNull();
    assertThat(map.valueSchema()).isNull();
    assertThat(map.value()).isInstanceOf(Map.class);
  }

  @Test
  void theJsonFormatPassesEachRecordOnAsCompactJsonBytes() throws Exception {
    RecordOutcome.Emit emit = (RecordOutcome.Emit) build(endpoint("key.fields", "id,region",
        "value.format", "json"), "[{\"id\": 7,  \"region\": \"eu\", \"n\": [1, 2.5]}]").outcomes().get(0);

    assertThat(new String((byte[]) emit.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":7,\"region\":\"eu\",\"n\":[1,2.5]}");
    assertThat(emit.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
    assertThat(emit.key()).isEqualTo(Map.of("id", "7", "region", "eu"));
  }

  @Test
  void aRecordWithoutAKeyOrWatermarkIsBadAndKeepsItsPlace() throws Exception {
    PageRecords page = build(endpoint("key.fields", "id", "watermark.field", "ts"),
        "[{\"id\": 1, \"ts\": \"2026-11-21T10:00:00Z\"}, {\"ts\": \"2026-11-21T10:00:01Z\"},"
            + " {\"id\": 3, \"ts\": \"yesterday\"}, {\"id\": null, \"ts\": \"2026-11-21T10:00:02Z\"}]");

    assertThat(page.outcomes()).hasSize(4);
    assertThat(page.outcomes().get(0)).isInstanceOf(RecordOutcome.Emit.class);
    RecordOutcome.Bad noKey = (RecordOutcome.Bad) page.outcomes().get(1);
    assertThat(noKey.reason()).isEqualTo("the record has no value for key field id (key.fields)");
    assertThat(new String(noKey.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"ts\":\"2026-11-21T10:00:01Z\"}");
    assertThat(((RecordOutcome.Bad) page.outcomes().get(2)).reason())
        .startsWith("watermark.field ts: the watermark is not an ISO-8601 timestamp");
    assertThat(page.outcomes().get(3)).isInstanceOf(RecordOutcome.Bad.class);
  }

  @Test
  void recordsAlreadyEmittedAreCountedNotReturned() throws Exception {
    EndpointConfig endpoint = endpoint("key.fields", "id", "watermark.field", "seq",
        "watermark.type", "number");
    RecordFactory factory = new RecordFactory(endpoint);
    SyncState sync = SyncState.initial(endpoint.watermark());
    sync.startChain();
    factory.build(json("[{\"id\": 1, \"seq\": 5}, {\"id\": 2, \"seq\": 5}]"), sync);
    sync.endChain();
    sync.startChain();

    PageRecords again = factory.build(json("[{\"id\": 1, \"seq\": 5}, {\"id\": 3, \"seq\": 5}, {\"id\": 0, \"seq\": 4}]"), sync);

    assertThat(again.dropped()).isEqualTo(2);
    assertThat(again.outcomes()).hasSize(1);
    assertThat(((RecordOutcome.Emit) again.outcomes().get(0)).key()).isEqualTo("3");
  }
}
