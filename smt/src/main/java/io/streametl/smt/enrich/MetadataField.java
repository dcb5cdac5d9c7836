package io.streametl.smt.enrich;

import io.streametl.smt.RecordOrigin;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Timestamp;

/** The metadata {@link InsertMetadata} can add: its config key, default field and Connect type. */
enum MetadataField {
  INGEST_TIME(
      InsertMetadata.INGEST_TIME_FIELD_CONFIG,
      "_ingested_at",
      Timestamp.builder().optional().build(),
      "when the transform saw the record (the worker's clock)"),
  TOPIC(
      InsertMetadata.TOPIC_FIELD_CONFIG,
      "_source_topic",
      Schema.OPTIONAL_STRING_SCHEMA,
      "the Kafka topic the record was read from (sink) or is written to (source)"),
  PARTITION(
      InsertMetadata.PARTITION_FIELD_CONFIG,
      "_source_partition",
      Schema.OPTIONAL_INT32_SCHEMA,
      "the Kafka partition the record was read from; null for source records"),
  OFFSET(
      InsertMetadata.OFFSET_FIELD_CONFIG,
      "_source_offset",
      Schema.OPTIONAL_INT64_SCHEMA,
      "the Kafka offset the record was read from; null for source records");

  private final String configKey;
  private final String defaultPath;
  private final Schema schema;
  private final String meaning;

  MetadataField(String configKey, String defaultPath, Schema schema, String meaning) {
    this.configKey = configKey;
    this.defaultPath = defaultPath;
    this.schema = schema;
    this.meaning = meaning;
  }

  String configKey() {
    return configKey;
  }

  String defaultPath() {
    return defaultPath;
  }

  /** The optional Connect schema of the field in Struct values. */
  Schema schema() {
    return schema;
  }

  String meaning() {
    return meaning;
  }

  /** The field's value in a Struct: Connect's types, with the ingest time as a Timestamp. */
  Object structValue(RecordOrigin origin, Instant ingestTime) {
    switch (this) {
      case INGEST_TIME:
        return Date.from(ingestTime);
      case TOPIC:
        return origin.topic();
      case PARTITION:
        return origin.partition();
      case OFFSET:
        return origin.offset();
      default:
        throw new IllegalStateException("unhandled metadata field " + this);
    }
  }

  /** The field's value in a Map: as in a Struct, but the ingest time in the chosen format. */
  Object mapValue(RecordOrigin origin, Instant ingestTime, IngestTimeFormat format) {
    return this == INGEST_TIME ? format.format(ingestTime) : structValue(origin, ingestTime);
  }
}
