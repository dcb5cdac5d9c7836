package io.streametl.source.mqtt.client;

import io.streametl.source.mqtt.config.TopicFilter;

/** One SUBSCRIBE entry: the filter as sent (with $share/ for a group) and its QoS. */
public record Subscription(String filter, int qos) {

  /** Whether this is a shared subscription ({@code $share/<group>/<filter>}). */
  public boolean shared() {
    return filter.startsWith(TopicFilter.SHARE_PREFIX);
  }
}
