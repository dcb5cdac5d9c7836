package io.streametl.stack;

/** What a port of the local stack is for, so a conflict names it and the option to change it. */
public enum PortPurpose {
  KAFKA_BROKER("the Kafka broker (client listener)"),
  KAFKA_CONTROLLER("the KRaft controller listener"),
  CONNECT_REST("a Connect worker's REST API"),
  MQTT_BROKER("the MQTT broker");

  private final String description;

  PortPurpose(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
