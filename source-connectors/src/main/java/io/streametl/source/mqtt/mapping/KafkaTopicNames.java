package io.streametl.source.mqtt.mapping;

import java.util.regex.Pattern;

/**
 * Makes a rendered kafka.topic a legal Kafka topic name: MQTT levels may hold characters Kafka does
 * not allow (spaces, ':', non-ASCII), which become '_'. What cannot be fixed that way is refused.
 */
final class KafkaTopicNames {

  private static final Pattern ILLEGAL = Pattern.compile("[^a-zA-Z0-9._-]");
  private static final int MAX_LENGTH = 249;

  private KafkaTopicNames() {}

  static String sanitize(String rendered) throws MappingException {
    // Per record: skip the regex for the usual name that is legal already (it showed in profiles).
    String name = isLegal(rendered) ? rendered : ILLEGAL.matcher(rendered).replaceAll("_");
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > MAX_LENGTH) {
      throw new MappingException("kafka.topic renders to '" + rendered + "', which is no Kafka"
          + " topic name (1 to 249 characters, not '.' or '..')");
    }
    return name;
  }

  private static boolean isLegal(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      if (!legal) {
        return false;
      }
    }
    return true;
  }
}
