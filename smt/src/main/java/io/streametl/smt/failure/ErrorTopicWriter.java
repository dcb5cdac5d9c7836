package io.streametl.smt.failure;

import io.streametl.smt.RecordOrigin;
import io.streametl.smt.RecordPart;
import io.streametl.smt.json.ConnectJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes failing records to the error topic and waits for the acknowledgement, so a record the
 * transform then drops is already safe in Kafka. One synchronous send per failing record costs a
 * round trip each; failing records are meant to be rare, and losing none is worth that.
 *
 * <p>The write is not part of a source connector's exactly-once transaction: if the task dies
 * after the write but before its offsets are committed, the record is processed and written
 * again, so the error topic holds every failing record at least once.
 */
final class ErrorTopicWriter implements AutoCloseable {

  static final String REASON_HEADER = "streametl.error.reason";
  static final String TRANSFORM_HEADER = "streametl.error.transform";
  static final String TOPIC_HEADER = "streametl.error.topic";
  static final String PARTITION_HEADER = "streametl.error.partition";
  static final String OFFSET_HEADER = "streametl.error.offset";

  private static final JsonMapper JSON = JsonMapper.shared();

  private final String topic;
  private final long sendTimeoutMs;
  private final Producer<byte[], byte[]> producer;
  private final ConnectJson connectJson = new ConnectJson(ConnectJson.TimestampFormat.ISO8601);
  private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();

  ErrorTopicWriter(FailureConfig config, ErrorProducerFactory factory) {
    this.topic = config.errorTopic();
    this.sendTimeoutMs = config.sendTimeoutMs();
    Map<String, Object> props = new HashMap<>(config.producerProps());
    // Not negotiable: a record is dropped from the chain only once every in-sync replica has it.
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "streametl-error-topic-" + topic);
    this.producer = factory.create(props);
    headerConverter.configure(Map.of());
  }

  /**
   * Writes {@code record} with the reasons and where it came from, and returns once the brokers
   * acknowledged it.
   *
   * @throws RetriableException if the brokers did not acknowledge in time or the error is
   *     retriable, so Connect may retry the record
   * @throws ConnectException if the write failed for good (e.g. not authorised)
   */
  void write(ConnectRecord<?> record, String transform, List<String> reasons) {
    ProducerRecord<byte[], byte[]> out =
        new ProducerRecord<>(
            topic,
            null,
            record.timestamp(),
            json(record, RecordPart.KEY),
            json(record, RecordPart.VALUE),
            headers(record, transform, reasons));
    try {
      producer.send(out).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException(
          transform + ": interrupted while writing a failing record to error topic '" + topic
              + "'", e);
    } catch (TimeoutException e) {
      throw new RetriableException(
          transform + ": error topic '" + topic + "' did not acknowledge a failing record within "
              + sendTimeoutMs + " ms; the record was not dropped", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String message =
          transform + ": could not write a failing record to error topic '" + topic + "' ("
              + cause.getClass().getSimpleName() + "); the record was not dropped";
      if (cause instanceof org.apache.kafka.common.errors.RetriableException) {
        throw new RetriableException(message, cause);
      }
      throw new ConnectException(message, cause);
    }
  }

  private byte[] json(ConnectRecord<?> record, RecordPart part) {
    Object data = part.data(record);
    if (data == null) {
      return null;
    }
    return JSON.writeValueAsBytes(connectJson.toTree(part.schema(record), data));
  }

  private RecordHeaders headers(ConnectRecord<?> record, String transform, List<String> reasons) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      headers.add(
          header.key(),
          headerConverter.fromConnectHeader(
              record.topic(), header.key(), header.schema(), header.value()));
    }
    RecordOrigin origin = RecordOrigin.of(record);
    add(headers, REASON_HEADER, String.join("; ", reasons));
    add(headers, TRANSFORM_HEADER, transform);
    add(headers, TOPIC_HEADER, origin.topic());
    if (origin.partition() != null) {
      add(headers, PARTITION_HEADER, origin.partition().toString());
    }
    if (origin.offset() != null) {
      add(headers, OFFSET_HEADER, origin.offset().toString());
    }
    return headers;
  }

  private static void add(RecordHeaders headers, String key, String value) {
    headers.add(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close();
  }
}
