package io.streametl.source.mqtt.mapping;

import io.streametl.source.mqtt.client.ReceivedMessage;
import io.streametl.source.mqtt.config.MqttSourceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the Kafka record of one MQTT message: topic, key and added fields from the topic's
 * levels, the value from the payload, and headers from the message's MQTT properties.
 *
 * <p>Records carry no source partition or offset: MQTT cannot replay from a position, the broker's
 * persistent session is what resumes a task, and an offset would only suggest otherwise.
 */
public final class MessageMapper {

  public static final String HEADER_TOPIC = "mqtt.topic";
  public static final String HEADER_QOS = "mqtt.qos";
  public static final String HEADER_RETAINED = "mqtt.retained";
  public static final String HEADER_CONTENT_TYPE = "mqtt.content.type";

  private final TopicPattern pattern;
  private final TopicTemplate kafkaTopic;
  private final TopicTemplate key;
  private final List<RecordField> fields;
  private final String userPropertyPrefix;
  private final PayloadDecoder decoder;

  public MessageMapper(MqttSourceConfig config) {
    this.pattern = config.topicPattern();
    this.kafkaTopic = config.kafkaTopic();
    this.key = config.recordKey();
    this.fields = config.recordFields();
    this.userPropertyPrefix = config.userPropertyPrefix();
    this.decoder = new PayloadDecoder(config.valueFormat());
  }

  /** @throws MappingException with the reason the message cannot be a record */
  public SourceRecord map(ReceivedMessage message) throws MappingException {
    TopicVariables variables = pattern.match(message.topic());
    String topic = KafkaTopicNames.sanitize(kafkaTopic.render(variables));
    String recordKey = key.isEmpty() ? null : key.render(variables);
    Map<String, String> added = new LinkedHashMap<>();
    for (RecordField field : fields) {
      added.put(field.name(), field.template().render(variables));
    }
    SchemaAndValue value = decoder.decode(message.payload(), topic, added);
    return new SourceRecord(null, null, topic, null,
        recordKey == null ? null : Schema.OPTIONAL_STRING_SCHEMA, recordKey,
        value.schema(), value.value(), null, headers(message));
  }

  private ConnectHeaders headers(ReceivedMessage message) {
    ConnectHeaders headers = new ConnectHeaders();
    for (Map.Entry<String, String> property : message.userProperties()) {
      headers.addString(userPropertyPrefix + property.getKey(), property.getValue());
    }
    if (message.contentType() != null) {
      headers.addString(HEADER_CONTENT_TYPE, message.contentType());
    }
    return addMqttHeaders(headers, message);
  }

  /** The headers every record carries, error records too. */
  public static ConnectHeaders addMqttHeaders(ConnectHeaders headers, ReceivedMessage message) {
    headers.addString(HEADER_TOPIC, message.topic());
    headers.addInt(HEADER_QOS, message.qos());
    headers.addBoolean(HEADER_RETAINED, message.retained());
    return headers;
  }
}
