package io.streametl.source.http.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.streametl.source.http.config.EndpointConfig;
import io.streametl.source.http.config.ValueFormat;
import io.streametl.source.http.config.WatermarkConfig;
import io.streametl.source.http.sync.SyncState;
import io.streametl.source.http.sync.Watermark;
import io.streametl.source.json.InferredSchema;
import io.streametl.source.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;

/**
 * Turns the records of one page into record keys and values: checks each record (an object, with
 * its key and watermark fields), lets the sync state drop those already emitted, widens the
 * inferred schema once for the whole page, and converts.
 */
public final class RecordFactory {

  private final RecordKeys keys;
  private final ValueFormat format;
  private final WatermarkConfig watermark;
  private final InferredSchema schema;
  private final RecordIdentity identity = new RecordIdentity();

  public RecordFactory(EndpointConfig endpoint) {
    this.keys = new RecordKeys(endpoint.records().keyFields(), endpoint.records().valueFormat());
    this.format = endpoint.records().valueFormat();
    this.watermark = endpoint.watermark();
    this.schema = new InferredSchema(null);
  }

  public PageRecords build(List<JsonNode> records, SyncState sync) {
    List<Object> slots = new ArrayList<>(records.size()); // JsonNode to convert, or a Bad
    List<JsonNode> admitted = new ArrayList<>(records.size());
    int dropped = 0;
    for (JsonNode record : records) {
      if (!record.isObject()) {
        slots.add(bad(record, "the record is " + RecordLocator.kind(record) + ", not a JSON object"));
        continue;
      }
      String missingKey = keys.missingField(record);
      if (watermark.enabled()) {
        // Bad records with a watermark go through the sync filter too, so a sync that reads
        // them again (the overlap, or no server-side filter) does not report them again.
        JsonNode field = JsonFields.at(record, watermark.field());
        if (!JsonFields.hasValue(field)) {
          slots.add(bad(record, "the record has no value for watermark.field " + watermark.field()));
          continue;
        }
        Watermark value;
        try {
          value = Watermark.fromJson(watermark.type(), field);
        } catch (IllegalArgumentException e) {
          slots.add(bad(record, "watermark.field " + watermark.field() + ": " + e.getMessage()));
          continue;
        }
        String id = keys.enabled() && missingKey == null ? keys.identity(record) : record.toString();
        if (sync.admit(value, identity.hash(id, value.text())) != SyncState.Verdict.EMIT) {
          dropped++;
          continue;
        }
      }
      if (missingKey != null) {
        slots.add(bad(record, "the record has no value for key field " + missingKey + " (key.fields)"));
        continue;
      }
      slots.add(record);
      admitted.add(record);
    }
    Schema valueSchema = format == ValueFormat.STRUCT ? schema.accommodate(admitted)
        : format == ValueFormat.JSON ? Schema.BYTES_SCHEMA : null;
    List<RecordOutcome> outcomes = new ArrayList<>(slots.size());
    for (Object slot : slots) {
      if (slot instanceof RecordOutcome.Bad) {
        outcomes.add((RecordOutcome.Bad) slot);
      } else {
        JsonNode record = (JsonNode) slot;
        Object value = format == ValueFormat.MAP ? JsonValues.toSchemaless(record)
            : format == ValueFormat.JSON ? JsonValues.toBytes(record)
            : JsonValues.toConnect(record, valueSchema);
        outcomes.add(new RecordOutcome.Emit(keys.schema(), keys.enabled() ? keys.key(record) : null,
            valueSchema, value));
      }
    }
    return new PageRecords(outcomes, dropped);
  }

  private static RecordOutcome.Bad bad(JsonNode record, String reason) {
    return new RecordOutcome.Bad(reason, record.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The value schema inferred so far (for tests and metrics). */
  Schema currentSchema() {
    return schema.current();
  }
}
