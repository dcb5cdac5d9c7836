package io.streametl.mqttbroker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs HiveMQ Community Edition until the process is told to stop.
 *
 * <pre>MqttBrokerMain &lt;host&gt; &lt;port&gt; &lt;data dir&gt; [max queued messages per session]</pre>
 *
 * <p>The data directory holds config.xml, the persistence (sessions, subscriptions, queued
 * messages) and an empty extensions folder; a second start on the same directory resumes every
 * persistent session. A SIGTERM stops the broker cleanly, so its persistence is closed.
 */
public final class MqttBrokerMain {

  static final long DEFAULT_QUEUE_SIZE = 10_000_000L;
  /**
   * Messages HiveMQ CE sends a client before it waits for acknowledgements. Its built-in window is
   * 50 (an internal setting, not in config.xml). A consumer that acknowledges only once Kafka has
   * the record (the MQTT source, after each transaction) then gets 50 messages per commit round
   * trip: about 2,000 messages/s at 20 ms. 1,000 matches the source's default mqtt.max.inflight
   * (its MQTT 5 receive maximum, which still caps the window per client).
   */
  static final int INFLIGHT_WINDOW = 10_000;

  private MqttBrokerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: MqttBrokerMain <host> <port> <data dir> [max queued messages]");
      System.exit(2);
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    Path dataDir = Path.of(args[2]).toAbsolutePath();
    long queueSize = args.length == 4 ? Long.parseLong(args[3]) : DEFAULT_QUEUE_SIZE;

    raiseInflightWindow(INFLIGHT_WINDOW);
    EmbeddedHiveMQ broker = build(host, port, dataDir, queueSize);
    broker.start().get(2, TimeUnit.MINUTES);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        broker.stop().get(30, TimeUnit.SECONDS);
        broker.close();
      } catch (Exception e) {
        System.err.println("The MQTT broker did not stop cleanly: " + e);
      }
    }, "mqtt-broker-shutdown"));
    // The local stack waits for this line before it connects (the log is HiveMQ's own).
    System.out.println("StreamETL MQTT broker listening on " + host + ":" + port);
    Thread.currentThread().join();
  }

  /** Read by HiveMQ when it polls a client's queue, so it must be set before the broker starts. */
  static void raiseInflightWindow(int messages) {
    InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = messages;
    InternalConfigurations.PUBLISH_POLL_BATCH_SIZE = messages;
  }

  /** An embedded broker on these folders; the folders are created, config.xml is (re)written. */
  static EmbeddedHiveMQ build(String host, int port, Path dataDir, long queueSize)
      throws IOException {
    Path conf = Files.createDirectories(dataDir.resolve("conf"));
    Path data = Files.createDirectories(dataDir.resolve("data"));
    Path extensions = Files.createDirectories(dataDir.resolve("extensions"));
    Files.writeString(conf.resolve("config.xml"), BrokerConfigXml.render(host, port, queueSize),
        StandardCharsets.UTF_8);
    return EmbeddedHiveMQ.builder()
        .withConfigurationFolder(conf)
        .withDataFolder(data)
        .withExtensionsFolder(extensions)
        .build();
  }
}
