package io.streametl.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.Version;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task configs and validate(), problems reported at the field at fault. */
class MqttSourceConnectorTest {

  @TempDir
  static Path folder;
  static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedBroker.start(folder);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  private static Map<String, String> valid(String... pairs) {
    Map<String, String> props = new HashMap<>(Map.of(
        "name", "devices", "tasks.max", "2",
        "connector.class", MqttSourceConnector.class.getName(),
        "mqtt.server.uri", broker.uri(), "mqtt.topic.filters", "devices/+/+/+/telemetry",
        "mqtt.topic.pattern", "devices/{site}/{device_type}/{device_id}/telemetry",
        "kafka.topic", "iot.telemetry", "record.key", "${device_id}"));
    for (int i = 0; i < pairs.length; i += 2) {
      props.put(pairs[i], pairs[i + 1]);
    }
    return props;
  }

  private static Map<String, List<String>> errors(Map<String, String> props) {
    return new MqttSourceConnector().validate(props).configValues().stream()
        .filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void aValidConfigHasNoErrors() {
    assertThat(errors(valid("record.fields", "site=${site}"))).isEmpty();
  }

  @Test
  void problemsAreReportedAtTheFieldAtFault() {
    assertThat(errors(valid("mqtt.topic.filters", "a/#/b"))).containsOnlyKeys("mqtt.topic.filters");
    assertThat(errors(valid("mqtt.topic.filters", "a/b+"))).containsOnlyKeys("mqtt.topic.filters");
    assertThat(errors(valid("mqtt.topic.filters", "$share/g/a"))).containsOnlyKeys("mqtt.topic.filters");
    assertThat(errors(valid("mqtt.topic.filters", "a,b", "mqtt.qos", "1,1,1")))
        .containsOnlyKeys("mqtt.qos");
    assertThat(errors(valid("mqtt.qos", "3"))).containsOnlyKeys("mqtt.qos");
    assertThat(errors(valid("kafka.topic", "iot.${devicetype}"))).containsOnlyKeys("kafka.topic");
    assertThat(errors(valid("record.key", "${nope}"))).containsOnlyKeys("record.key");
    assertThat(errors(valid("mqtt.topic.pattern", "devices/{a}/{a}"))).containsOnlyKeys("mqtt.topic.pattern");
    assertThat(errors(valid("record.fields", "site=${site}", "value.format", "string")))
        .containsOnlyKeys("record.fields");
    assertThat(errors(valid("bad.payload.policy", "error_topic"))).containsOnlyKeys("bad.payload.topic");
    assertThat(errors(valid("mqtt.server.uri", "http://x:1"))).containsOnlyKeys("mqtt.server.uri");
    assertThat(errors(valid("mqtt.version", "4"))).containsOnlyKeys("mqtt.version");
    assertThat(errors(valid("mqtt.ssl.truststore.location", "/tmp/t.p12")))
        .containsOnlyKeys("mqtt.ssl.truststore.location");
  }

  @Test
  void overlappingFiltersAreRejectedOnlyWhenSplitOverTasks() {
    Map<String, String> overlapping = valid("mqtt.topic.filters", "a/#,a/b");
    assertThat(errors(overlapping)).containsOnlyKeys("mqtt.topic.filters");
    overlapping.put("mqtt.shared.group", "g");
    assertThat(errors(overlapping)).isEmpty();
    overlapping.put("mqtt.shared.group", "");
    overlapping.put("tasks.max", "1");
    assertThat(errors(overlapping)).isEmpty();
    assertThat(errors(valid("mqtt.topic.filters", "a/+/c,a/b/d"))).isEmpty();
  }

  @Test
  void anUnreachableBrokerIsReportedAtTheServerUri() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, List<String>> errors = errors(valid("mqtt.server.uri", "tcp://127.0.0.1:" + closedPort,
        "mqtt.connect.timeout.ms", "1000"));
    assertThat(errors).containsOnlyKeys("mqtt.server.uri");
    assertThat(errors.get("mqtt.server.uri").get(0)).contains("cannot connect");
  }

  @Test
  void taskConfigsSplitFiltersOrShareThemAndKeepStableIndexes() {
    MqttSourceConnector connector = new MqttSourceConnector();
    connector.start(valid("mqtt.topic.filters", "a/#,b/#,c/#"));
    List<Map<String, String>> split = connector.taskConfigs(5);
    assertThat(split).extracting(c -> c.get(TaskAssignment.FILTERS_KEY))
        .containsExactly("0", "1", "2");
    assertThat(split).extracting(c -> c.get(TaskAssignment.INDEX_KEY)).containsExactly("0", "1", "2");
    assertThat(connector.taskConfigs(2)).extracting(c -> c.get(TaskAssignment.FILTERS_KEY))
        .containsExactly("0,1", "2");

    connector.start(valid("mqtt.topic.filters", "a/#", "mqtt.shared.group", "g"));
    List<Map<String, String>> shared = connector.taskConfigs(3);
    assertThat(shared).hasSize(3).allSatisfy(c -> assertThat(c.get(TaskAssignment.FILTERS_KEY)).isEqualTo("0"));
    assertThat(shared).extracting(c -> c.get(TaskAssignment.INDEX_KEY)).containsExactly("0", "1", "2");
  }

  @Test
  void reportsTheBuildVersionAndNoExactlyOnceClaim() {
    MqttSourceConnector connector = new MqttSourceConnector();
    assertThat(connector.version()).isEqualTo(Version.get());
    assertThat(new MqttSourceTask().version()).isEqualTo(Version.get());
    assertThat(connector.exactlyOnceSupport(valid())).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
  }
}
