package io.streametl.stack.devices;

/**
 * One simulated device: where it is, what it is, and the MQTT topic it publishes telemetry on
 * ({@code devices/<site>/<type>/<id>/telemetry}, the levels the MQTT source maps to key and fields).
 */
public record Device(String id, String site, String type) {

  public String telemetryTopic() {
    return "devices/" + site + "/" + type + "/" + id + "/telemetry";
  }
}
