package io.streametl.source.mqtt.config;

/** What happens to retained messages (the broker's last value of a topic, sent on subscribe). */
public enum RetainedPolicy {
  /** Deliver them like any message, with the header mqtt.retained=true. */
  INCLUDE,
  /**
   * Do not deliver them: MQTT 5 asks the broker not to send them (retain handling); on MQTT 3.1.1
   * the task drops them, acknowledged and counted.
   */
  SKIP
}
