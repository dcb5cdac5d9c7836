package io.streametl.source.generator;

import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/** Turns a generated event into the source record of one stream. */
final class GeneratorRecordBuilder {

  private final GeneratorStream stream;
  private final String topic;
  private final OutputFormat format;
  private final long startMs;

  GeneratorRecordBuilder(GeneratorStream stream, String topic, OutputFormat format, long startMs) {
    this.stream = stream;
    this.topic = topic;
    this.format = format;
    this.startMs = startMs;
  }

  /**
   * @param nextPosition the position the stream generates after this one, stored as the offset
   */
  SourceRecord build(GeneratedEvent event, long nextPosition) {
    RecordValue value = event.value(format);
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(EventGeneratorSourceTask.KIND_HEADER, event.kind().name());
    // No record timestamp: the producer stamps the send time. Event times set far in the past
    // (a backfill) would otherwise be deleted by the topic's retention straight away.
    return new SourceRecord(
        stream.partition(),
        new StreamOffset(nextPosition, startMs).toMap(),
        topic,
        null,
        SubscriptionEventSchemas.KEY,
        event.eventId(),
        value.schema(),
        value.value(),
        null,
        headers);
  }
}
