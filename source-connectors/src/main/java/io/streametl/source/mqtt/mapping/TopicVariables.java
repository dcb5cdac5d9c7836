package io.streametl.source.mqtt.mapping;

import java.util.Map;

/** What templates can use from one message's MQTT topic: the whole topic, its levels, named levels. */
public final class TopicVariables {

  private final String topic;
  private final String[] levels;
  private final Map<String, String> named;

  TopicVariables(String topic, Map<String, String> named) {
    this.topic = topic;
    this.levels = topic.split("/", -1);
    this.named = named;
  }

  String topic() {
    return topic;
  }

  /** The 0-based level, or null past the last one. */
  String level(int index) {
    return index < levels.length ? levels[index] : null;
  }

  /** The value of a level named in mqtt.topic.pattern, or null. */
  String named(String name) {
    return named.get(name);
  }
}
