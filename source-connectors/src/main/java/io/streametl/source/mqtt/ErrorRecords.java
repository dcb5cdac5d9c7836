package io.streametl.source.mqtt;

import io.streametl.source.mqtt.client.ReceivedMessage;
import io.streametl.source.mqtt.mapping.MessageMapper;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Records for the error topic: the raw payload as bytes, keyed by the MQTT topic, with the reason
 * in a header beside the usual mqtt.* headers. They go through Connect like every other record
 * and their message is acknowledged the same way, once Kafka has the record.
 */
final class ErrorRecords {

  static final String HEADER_PREFIX = "streametl.mqtt.error.";
  static final String REASON = HEADER_PREFIX + "reason";
  static final String MQTT_TOPIC = HEADER_PREFIX + "mqtt.topic";

  private final String topic;

  ErrorRecords(String topic) {
    this.topic = topic;
  }

  SourceRecord build(ReceivedMessage message, String reason) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(REASON, reason);
    headers.addString(MQTT_TOPIC, message.topic());
    MessageMapper.addMqttHeaders(headers, message);
    return new SourceRecord(null, null, topic, null, Schema.STRING_SCHEMA, message.topic(),
        Schema.OPTIONAL_BYTES_SCHEMA, message.payload(), null, headers);
  }
}
