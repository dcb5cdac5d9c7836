package io.streametl.stack.bench;

import io.streametl.converter.StreamingJsonConverter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;

/**
 * Read passes that decode every value the way a sink's {@code value.converter} does, what every
 * sink on this topic pays per record before its put(): with the sink's own converter, and with
 * Connect's JsonConverter under the same settings, the peer it replaces.
 */
final class ConverterVisitor {

  private static final String PREFIX = "value.converter.";
  private static final Set<String> JSON_ENVELOPE_READERS =
      Set.of(JsonConverter.class.getName(), StreamingJsonConverter.class.getName());

  private ConverterVisitor() {}

  /** Connect's JsonConverter configured with the sink's {@code value.converter.*} settings. */
  static TopicReadPass.ValueVisitor jsonConverter(String topic, Map<String, String> sinkConfig) {
    converterClass(sinkConfig);
    return visitor(topic, new JsonConverter(), sinkConfig);
  }

  /** The sink's own value converter, configured as the sink configures it. */
  static TopicReadPass.ValueVisitor sinksConverter(String topic, Map<String, String> sinkConfig) {
    return visitor(topic, converterClass(sinkConfig).equals(JsonConverter.class.getName())
        ? new JsonConverter() : new StreamingJsonConverter(), sinkConfig);
  }

  /** The sink's value converter class; one of the two that read JsonConverter's envelope. */
  static String converterClass(Map<String, String> sinkConfig) {
    String converterClass = sinkConfig.get("value.converter");
    if (!JSON_ENVELOPE_READERS.contains(converterClass)) {
      throw new BenchmarkException("The sink's value.converter is " + converterClass
          + ", not one of " + JSON_ENVELOPE_READERS + "; the reference passes decode JSON only.");
    }
    return converterClass;
  }

  private static TopicReadPass.ValueVisitor visitor(String topic, Converter converter,
      Map<String, String> sinkConfig) {
    converter.configure(converterSettings(sinkConfig), false);
    return value -> converter.toConnectData(topic, value);
  }

  /** The value.converter.* settings without their prefix, as Connect passes them on. */
  static Map<String, String> converterSettings(Map<String, String> sinkConfig) {
    Map<String, String> settings = new LinkedHashMap<>();
    sinkConfig.forEach((key, value) -> {
      if (key.startsWith(PREFIX)) {
        settings.put(key.substring(PREFIX.length()), value);
      }
    });
    return settings;
  }
}
