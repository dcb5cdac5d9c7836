package io.streametl.source.mqtt;

import static io.streametl.source.mqtt.TaskRunner.pollCount;
import static io.streametl.source.mqtt.TaskRunner.props;
import static io.streametl.source.mqtt.TaskRunner.validationErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Username and password against a broker whose extension checks them. */
class MqttCredentialsTest {

  private static final String USER = "device-reader";
  private static final String PASSWORD = "right-horse-battery";
  private static final String WRONG = "wrong-horse-staple";

  @TempDir
  static Path folder;
  static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedBroker.withCredentials(folder, USER, PASSWORD);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  private static Map<String, String> config(String clientId, String version, String password) {
    return props(broker, "mqtt.client.id", clientId, "mqtt.version", version,
        "mqtt.username", USER, "mqtt.password", password, "mqtt.connect.timeout.ms", "20000");
  }

  @Test
  void theRightCredentialsReceiveMessages() throws Exception {
    for (String version : List.of("5", "3.1.1")) {
      Map<String, String> props = config("auth-ok-" + version.charAt(0), version, PASSWORD);
      assertThat(validationErrors(props)).isEmpty();
      try (TaskRunner runner = new TaskRunner(props); Publisher device = new Publisher(broker)) {
        MqttSourceTask task = runner.start();
        device.publish("t/a", "authenticated " + version, 1);
        assertThat(pollCount(task, true, 1).get(0).value()).isEqualTo("authenticated " + version);
      }
    }
  }

  @Test
  void wrongCredentialsFailStartAndValidateAtThePasswordWithoutTheSecret() {
    for (String version : List.of("5", "3.1.1")) {
      Map<String, String> props = config("auth-bad-" + version.charAt(0), version, WRONG);
      try (TaskRunner runner = new TaskRunner(props)) {
        // Long connect timeout: start() must fail on the broker's refusal, not on a timeout.
        assertThatThrownBy(runner::start).isInstanceOf(ConnectException.class)
            .hasMessageContaining("refused the credentials")
            .hasMessageContaining("mqtt.password")
            .hasMessageNotContaining(WRONG);
      }
      Map<String, List<String>> errors = validationErrors(props);
      assertThat(errors).containsOnlyKeys("mqtt.password");
      assertThat(errors.get("mqtt.password").get(0)).contains("refused the credentials")
          .contains("mqtt.username").doesNotContain(WRONG);
    }
  }
}
