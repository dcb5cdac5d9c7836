package io.streametl.stack.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * A read pass that decodes every value with Connect's JsonConverter, configured exactly as a sink's
 * {@code value.converter.*}: what every sink on this topic pays per record before its put().
 */
final class ConverterVisitor {

  private static final String PREFIX = "value.converter.";

  private ConverterVisitor() {}

  static TopicReadPass.ValueVisitor jsonConverter(String topic, Map<String, String> sinkConfig) {
    String converterClass = sinkConfig.get("value.converter");
    if (!JsonConverter.class.getName().equals(converterClass)) {
      throw new BenchmarkException("The sink's value.converter is " + converterClass + ", not "
          + JsonConverter.class.getName() + "; the reference pass decodes JSON only.");
    }
    JsonConverter converter = new JsonConverter();
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
