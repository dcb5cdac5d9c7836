package io.streametl.source.mqtt.client;

/** One SUBSCRIBE entry: the filter as sent (with $share/ for a group) and its QoS. */
public record Subscription(String filter, int qos) {}
