package io.streametl.smt.lookup;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Creates the consumer that reads a reference topic; tests swap in a {@code MockConsumer}. */
@FunctionalInterface
interface LookupConsumerFactory {

  LookupConsumerFactory KAFKA =
      props -> new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());

  Consumer<String, String> create(Map<String, Object> props);
}
