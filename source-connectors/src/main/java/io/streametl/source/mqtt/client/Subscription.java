package io.streametl.source.mqtt.client;

/** One SUBSCRIBE entry: the filter as sent (with $share/ for a group) and its QoS. */
public record Subscription(String filter, int qos) {

  private static final String SHARED_PREFIX = "$share/";

  /** Whether this is a shared subscription ({@code $share/<group>/<filter>}). */
  public boolean shared() {
    return filter.startsWith(SHARED_PREFIX);
  }
}
