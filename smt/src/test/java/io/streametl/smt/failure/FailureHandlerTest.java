package io.streametl.smt.failure;

import static io.streametl.smt.failure.ErrorTopicFixture.header;
import static io.streametl.smt.failure.ErrorTopicFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.smt.RecordPart;
import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailureHandlerTest {

  private static final List<String> REASONS =
      List.of("field 'user_id' is required but missing", "field 'amount' must be a number");

  private FailureHandler handler;

  @AfterEach
  void close() {
    if (handler != null) {
      handler.close();
    }
  }

  private FailureHandler handler(Map<String, String> props, ErrorTopicFixture errors) {
    handler =
        new FailureHandler(new FailureConfig(props), "ValidateFields",
            "io.streametl.smt.validate.ValidateFields$Value", errors.factory());
    return handler;
  }

  private static SinkRecord invalidStruct() {
    return RecordSide.VALUE.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());
  }

  @Test
  void failThrowsADataExceptionListingEveryReason() {
    ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();

    assertThatThrownBy(() -> handler(Map.of(), errors).reject(invalidStruct(), RecordPart.VALUE, REASONS))
        .isInstanceOf(DataException.class)
        .hasMessage("ValidateFields: record value failed 2 rules: field 'user_id' is required but"
            + " missing; field 'amount' must be a number");
    assertThat(errors.sent()).isEmpty();
  }

  @Test
  void errorTopicWritesTheRecordAsJsonWithReasonsAndOriginThenDropsIt() {
    ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();
    FailureHandler failures = handler(ErrorTopicFixture.errorTopicPolicy(Map.of()), errors);

    SinkRecord result = failures.reject(invalidStruct(), RecordPart.VALUE, REASONS);

    assertThat(result).isNull();
    assertThat(errors.sent()).singleElement().satisfies(sent -> {
      assertThat(sent.topic()).isEqualTo(ErrorTopicFixture.ERROR_TOPIC);
      assertThat(text(sent.key())).isEqualTo("\"untouched\"");
      assertThat(text(sent.value()))
          .contains("\"user_id\":\"u-42\"")
          .contains("\"amount\":12.50")
          .contains("\"event_time\":\"2025-11-21T17:00:00Z\"")
          .contains("\"device\":{\"os\":\"ios\",\"app_version\":\"5.1.0\"}");
      assertThat(header(sent, "streametl.error.reason")).isEqualTo(String.join("; ", REASONS));
      assertThat(header(sent, "streametl.error.transform"))
          .isEqualTo("io.streametl.smt.validate.ValidateFields$Value");
      assertThat(header(sent, "streametl.error.topic")).isEqualTo(RecordSide.ORIGINAL_TOPIC);
      assertThat(header(sent, "streametl.error.partition")).isEqualTo("3");
      assertThat(header(sent, "streametl.error.offset")).isEqualTo("42");
      assertThat(header(sent, "trace")).isEqualTo("t-1");
      assertThat(sent.timestamp()).isEqualTo(1_700_000_000_000L);
    });
  }

  @Test
  void theErrorProducerAlwaysWaitsForEveryReplica() {
    ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();
    Map<String, String> props = new java.util.HashMap<>(ErrorTopicFixture.errorTopicPolicy(Map.of()));
    props.put("error.producer.acks", "1");
    props.put("error.producer.compression.type", "zstd");

    handler(props, errors).reject(invalidStruct(), RecordPart.VALUE, REASONS);

    assertThat(errors.producerProps)
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("bootstrap.servers", "broker-1:9092")
        .containsEntry("compression.type", "zstd");
  }

  @Test
  void opensNoProducerUntilARecordFails() {
    ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();

    handler(ErrorTopicFixture.errorTopicPolicy(Map.of()), errors);

    assertThat(errors.producerProps).isNull();
  }

  @Test
  void sourceRecordsCarryTheirTopicButNoPartitionOrOffset() {
    ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();
    SourceRecord record = RecordSide.VALUE.sourceRecord("events", null, SubscriptionEvents.map());

    handler(ErrorTopicFixture.errorTopicPolicy(Map.of()), errors)
        .reject(record, RecordPart.VALUE, REASONS);

    ProducerRecord<byte[], byte[]> sent = errors.sent().get(0);
    assertThat(header(sent, "streametl.error.topic")).isEqualTo("events");
    assertThat(sent.headers().lastHeader("streametl.error.partition")).isNull();
    assertThat(sent.headers().lastHeader("streametl.error.offset")).isNull();
  }

  @Test
  void aRetriableSendFailureIsRetriableAndTheRecordIsNotDropped() {
    ErrorTopicFixture errors = ErrorTopicFixture.manual();
    FailureHandler failures = handler(ErrorTopicFixture.errorTopicPolicy(Map.of()), errors);

    CompletableFuture<SinkRecord> outcome = CompletableFuture.supplyAsync(
        () -> failures.reject(invalidStruct(), RecordPart.VALUE, REASONS));
    awaitPendingSend(errors);
    errors.producer.errorNext(new NotLeaderOrFollowerException("moved"));

    assertThat(outcome).failsWithin(java.time.Duration.ofSeconds(30))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(RetriableException.class)
        .withMessageContaining("subscriptions-invalid")
        .withMessageContaining("the record was not dropped");
  }

  @Test
  void aPermanentSendFailureFailsTheTask() {
    ErrorTopicFixture errors = ErrorTopicFixture.manual();
    FailureHandler failures = handler(ErrorTopicFixture.errorTopicPolicy(Map.of()), errors);

    CompletableFuture<SinkRecord> outcome = CompletableFuture.supplyAsync(
        () -> failures.reject(invalidStruct(), RecordPart.VALUE, REASONS));
    awaitPendingSend(errors);
    errors.producer.errorNext(new TopicAuthorizationException("denied"));

    assertThat(outcome).failsWithin(java.time.Duration.ofSeconds(30))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(ConnectException.class)
        .withMessageContaining("TopicAuthorizationException");
  }

  @Test
  void aSendThatIsNeverAcknowledgedTimesOutAsRetriable() {
    ErrorTopicFixture errors = ErrorTopicFixture.manual();
    Map<String, String> props = new java.util.HashMap<>(ErrorTopicFixture.errorTopicPolicy(Map.of()));
    props.put("error.send.timeout.ms", "1");

    assertThatThrownBy(() -> handler(props, errors).reject(invalidStruct(), RecordPart.VALUE, REASONS))
        .isInstanceOf(RetriableException.class)
        .hasMessageContaining("did not acknowledge a failing record within 1 ms");
  }

  @Test
  void dropCountsEachDroppedRecord() {
    ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();
    FailureHandler failures = handler(Map.of("on.failure", "drop"), errors);

    assertThat(failures.reject(invalidStruct(), RecordPart.VALUE, REASONS)).isNull();
    assertThat(failures.reject(invalidStruct(), RecordPart.VALUE, REASONS)).isNull();

    assertThat(failures.droppedCount()).isEqualTo(2);
    assertThat(errors.sent()).isEmpty();
  }

  private static void awaitPendingSend(ErrorTopicFixture errors) {
    // The send happens on another thread: wait until the producer has it, by condition.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> !errors.sent().isEmpty());
  }
}
