package io.streametl.mqttbroker;

/**
 * Renders HiveMQ's config.xml for the local stack's broker: one TCP listener, file persistence (so
 * persistent sessions and their queued messages survive a broker restart), and offline queues deep
 * enough that a Connect worker being down for a while does not make the broker discard messages.
 */
final class BrokerConfigXml {

  private BrokerConfigXml() {}

  /**
   * @param queueSize messages the broker keeps per offline session (and per shared group) before
   *     it discards; HiveMQ's default of 1000 (Mosquitto's too) loses data behind a consumer that
   *     is restarting, which is exactly what the MQTT source must survive
   */
  static String render(String host, int port, long queueSize) {
    return """
        <?xml version="1.0"?>
        <!-- Written by the StreamETL local stack at every start. -->
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>discard</strategy>
            </queued-messages>
          </mqtt>
          <persistence>
            <mode>file</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """.formatted(port, host, queueSize);
  }
}
