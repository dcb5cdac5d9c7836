package io.streametl.smt.failure;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Creates the error topic's producer; tests swap in a {@code MockProducer}. */
@FunctionalInterface
public interface ErrorProducerFactory {

  /** A real {@link KafkaProducer} with the given settings. */
  ErrorProducerFactory KAFKA =
      props -> new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());

  Producer<byte[], byte[]> create(Map<String, Object> props);
}
