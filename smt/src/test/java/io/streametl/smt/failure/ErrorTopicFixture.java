package io.streametl.smt.failure;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A MockProducer standing in for the error topic's producer, and the configs that select the
 * error-topic policy: for the failure-policy tests of every validating transform.
 */
public final class ErrorTopicFixture {

  public static final String ERROR_TOPIC = "subscriptions-invalid";

  public final MockProducer<byte[], byte[]> producer;
  /** The settings the transform created its producer with. */
  public Map<String, Object> producerProps;

  private ErrorTopicFixture(boolean autoComplete) {
    producer =
        new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** A producer whose sends succeed at once. */
  public static ErrorTopicFixture acknowledging() {
    return new ErrorTopicFixture(true);
  }

  /** A producer whose sends wait until the test completes or fails them. */
  public static ErrorTopicFixture manual() {
    return new ErrorTopicFixture(false);
  }

  public ErrorProducerFactory factory() {
    return props -> {
      producerProps = props;
      return producer;
    };
  }

  /** {@code props} plus the error-topic policy settings. */
  public static Map<String, String> errorTopicPolicy(Map<String, String> props) {
    Map<String, String> all = new HashMap<>(props);
    all.put("on.failure", "error-topic");
    all.put("error.topic", ERROR_TOPIC);
    all.put("error.producer.bootstrap.servers", "broker-1:9092");
    return all;
  }

  /** {@code props} plus {@code on.failure=policy}. */
  public static Map<String, String> policy(Map<String, String> props, String policy) {
    Map<String, String> all = new HashMap<>(props);
    all.put("on.failure", policy);
    return all;
  }

  public List<ProducerRecord<byte[], byte[]>> sent() {
    return producer.history();
  }

  public static String header(ProducerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  public static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
