package io.streametl.source.mqtt.client;

import io.streametl.common.config.ConfigProblem;
import io.streametl.source.mqtt.config.MqttSourceConfig;
import io.streametl.source.mqtt.config.MqttVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;

/**
 * The connect attempt of {@code validate()}: a throwaway client id (never a task's, which would
 * take over its session), clean start and no session kept, one attempt with a short timeout.
 */
public final class BrokerProbe {

  static final int MAX_TIMEOUT_MS = 5_000;

  private BrokerProbe() {}

  /**
   * Why the broker cannot be reached with these settings, at the setting to fix (mqtt.server.uri
   * unless a credential or TLS setting is at fault), or empty if it can.
   */
  public static Optional<ConfigProblem> problem(Map<String, String> props) {
    Map<String, String> probe = new HashMap<>(props);
    probe.put(MqttSourceConfig.CLEAN_START, "true");
    probe.put(MqttSourceConfig.SESSION_EXPIRY_SECONDS, "0");
    MqttSourceConfig config = new MqttSourceConfig(probe);
    int timeout = Math.min(config.connectTimeoutMs(), MAX_TIMEOUT_MS);
    probe.put(MqttSourceConfig.CONNECT_TIMEOUT_MS, Integer.toString(timeout));
    config = new MqttSourceConfig(probe);
    String clientId = config.clientIdPrefix() + "-validate-"
        + UUID.randomUUID().toString().substring(0, 8);
    MqttConnection connection;
    try {
      connection = config.version() == MqttVersion.V3_1_1
          ? new Mqtt3Connection(config, clientId, List.of(), message -> { }, false)
          : new Mqtt5Connection(config, clientId, List.of(), message -> { }, false);
    } catch (ConfigException e) {
      // A truststore or keystore that cannot be read (the message names the file, not passwords).
      return Optional.of(new ConfigProblem(MqttSourceConfig.SERVER_URI, e.getMessage()));
    }
    String server = config.serverUri().toString();
    try {
      connection.connect().get(timeout + 1_000L, TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (java.util.concurrent.TimeoutException e) {
      return Optional.of(new ConfigProblem(MqttSourceConfig.SERVER_URI,
          "no answer from " + server + " within " + timeout + " ms"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new ConfigProblem(MqttSourceConfig.SERVER_URI,
          "interrupted while connecting to " + server));
    } catch (Exception e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      Optional<ConfigProblem> permanent = ConnectFailures.permanent(cause, config.serverUri());
      if (permanent.isPresent()) {
        return Optional.of(new ConfigProblem(permanent.get().key(),
            "cannot connect to " + server + ": " + permanent.get().message()));
      }
      return Optional.of(new ConfigProblem(MqttSourceConfig.SERVER_URI,
          "cannot connect to " + server + ": " + MqttConnection.describe(cause)));
    } finally {
      connection.close();
    }
  }
}
