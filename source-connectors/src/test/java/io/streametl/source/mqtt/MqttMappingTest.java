package io.streametl.source.mqtt;

import static io.streametl.source.mqtt.TaskRunner.pollCount;
import static io.streametl.source.mqtt.TaskRunner.props;
import static io.streametl.source.mqtt.TaskRunner.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topic levels to topic, key and fields; headers; MQTT 3.1.1; retained messages; bad payloads. */
class MqttMappingTest {

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

  private static Map<String, String> devices(String clientId, String... more) {
    Map<String, String> props = props(broker, "mqtt.client.id", clientId,
        "mqtt.topic.filters", "devices/+/+/+/telemetry",
        "mqtt.topic.pattern", "devices/{site}/{device_type}/{device_id}/telemetry",
        "kafka.topic", "iot.${device_type}", "record.key", "${device_id}",
        "record.fields", "site=${site},device_type=${device_type},raw=${level.0}",
        "value.format", "struct");
    for (int i = 0; i < more.length; i += 2) {
      props.put(more[i], more[i + 1]);
    }
    return props;
  }

  private static String header(SourceRecord record, String name) {
    Header header = record.headers().lastWithName(name);
    return header == null ? null : String.valueOf(header.value());
  }

  @Test
  void topicLevelsBecomeTopicKeyAndFieldsAndUserPropertiesBecomeHeaders() throws Exception {
    try (TaskRunner runner = new TaskRunner(devices("map"));
        Publisher device = new Publisher(broker)) {
      MqttSourceTask task = runner.start();
      device.publish("devices/berlin/thermo/t-17/telemetry",
          "{\"temp\": 21.5, \"ts\": 1700000000}".getBytes(StandardCharsets.UTF_8), 1, false,
          Map.of("fw", "1.2", "event_id", "e-1"), "application/json");
      device.publish("devices/paris/thermo/t-18/telemetry",
          "{\"temp\": 19, \"battery\": 80}".getBytes(StandardCharsets.UTF_8), 1, false,
          Map.of(), null);

      List<SourceRecord> records = pollCount(task, true, 2);

      SourceRecord first = records.get(0);
      assertThat(first.topic()).isEqualTo("iot.thermo");
      assertThat(first.key()).isEqualTo("t-17");
      Struct value = (Struct) first.value();
      assertThat(value.get("site")).isEqualTo("berlin");
      assertThat(value.get("device_type")).isEqualTo("thermo");
      assertThat(value.get("raw")).isEqualTo("devices");
      assertThat(value.get("temp")).isEqualTo(21.5);
      assertThat(header(first, "fw")).isEqualTo("1.2");
      assertThat(header(first, "event_id")).isEqualTo("e-1");
      assertThat(header(first, "mqtt.content.type")).isEqualTo("application/json");
      assertThat(header(first, "mqtt.topic")).isEqualTo("devices/berlin/thermo/t-17/telemetry");
      assertThat(header(first, "mqtt.retained")).isEqualTo("false");
      // No offset to resume from (the broker's session is the state), only a delivery number.
      assertThat(first.sourcePartition()).isEqualTo(Map.of("mqtt.client.id", "map-0"));
      assertThat(first.sourceOffset()).isEqualTo(Map.of("delivery", 1L));
      assertThat(records.get(1).sourceOffset()).isEqualTo(Map.of("delivery", 2L));

      Struct second = (Struct) records.get(1).value();
      assertThat(second.schema().field("battery")).as("the schema widened").isNotNull();
      assertThat(second.schema().field("temp").schema().type()).isEqualTo(Schema.Type.FLOAT64);
      assertThat(header(records.get(1), "mqtt.content.type")).isNull();
    }
  }

  @Test
  void mapStringAndBytesFormats() throws Exception {
    for (String format : List.of("map", "string", "bytes")) {
      try (TaskRunner runner = new TaskRunner(devices("fmt-" + format, "value.format", format,
          "record.fields", format.equals("map") ? "site=${site}" : "",
          "headers.user.property.prefix", "up."));
          Publisher device = new Publisher(broker)) {
        MqttSourceTask task = runner.start();
        device.publish("devices/rome/meter/m-1/telemetry", "{\"kwh\": 3}"
            .getBytes(StandardCharsets.UTF_8), 1, false, Map.of("fw", "9"), null);

        SourceRecord record = pollCount(task, true, 1).get(0);

        assertThat(header(record, "up.fw")).isEqualTo("9");
        switch (format) {
          case "map":
            assertThat(record.value()).isEqualTo(Map.of("kwh", 3L, "site", "rome"));
            break;
          case "string":
            assertThat(record.value()).isEqualTo("{\"kwh\": 3}");
            break;
          default:
            assertThat((byte[]) record.value()).isEqualTo("{\"kwh\": 3}".getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  @Test
  void mqtt311Works() throws Exception {
    try (TaskRunner runner = new TaskRunner(devices("v3", "mqtt.version", "3.1.1"));
        Publisher device = new Publisher(broker)) {
      MqttSourceTask task = runner.start();
      device.publish("devices/oslo/thermo/t-3/telemetry", "{\"temp\": 2}", 1);

      SourceRecord record = pollCount(task, true, 1).get(0);

      assertThat(record.key()).isEqualTo("t-3");
      assertThat(((Struct) record.value()).get("temp")).isEqualTo(2L);
    }
  }

  @Test
  void retainedMessagesAreIncludedOrSkipped() throws Exception {
    try (Publisher device = new Publisher(broker)) {
      device.publish("r/state", "retained-1".getBytes(StandardCharsets.UTF_8), 1, true, Map.of(), null);
      for (String version : List.of("5", "3.1.1")) {
        try (TaskRunner include = new TaskRunner(props(broker, "mqtt.client.id", "ri" + version,
            "mqtt.topic.filters", "r/#", "mqtt.version", version))) {
          SourceRecord record = pollCount(include.start(), true, 1).get(0);
          assertThat(record.value()).isEqualTo("retained-1");
          assertThat(header(record, "mqtt.retained")).isEqualTo("true");
        }
        try (TaskRunner skip = new TaskRunner(props(broker, "mqtt.client.id", "rs" + version,
            "mqtt.topic.filters", "r/#", "mqtt.version", version, "retained.messages", "skip"))) {
          MqttSourceTask task = skip.start();
          device.publish("r/state", "live", 1);
          List<SourceRecord> records = TaskRunner.pollUntil(task, true,
              all -> values(all).contains("live"), 300);
          assertThat(values(records)).as("MQTT %s", version).containsExactly("live");
          if (version.equals("3.1.1")) {
            // The broker sends retained messages on its own path after the SUBACK, so the live
            // message may overtake it: wait for the skip rather than expect it already.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> task.counters().retainedSkipped() == 1);
            assertThat(values(TaskRunner.poll(task))).as("nothing after the skip").isEmpty();
          }
        }
      }
    }
  }

  @Test
  void badPayloadsGoToTheErrorTopicWithTheReason() throws Exception {
    try (TaskRunner runner = new TaskRunner(devices("bad", "bad.payload.policy", "error_topic",
        "bad.payload.topic", "iot.errors"));
        Publisher device = new Publisher(broker)) {
      MqttSourceTask task = runner.start();
      device.publish("devices/lyon/thermo/t-1/telemetry", "{not json", 1);
      device.publish("devices/lyon/thermo/t-1/telemetry", "[1, 2]", 1);
      device.publish("devices/lyon/status", "{\"ok\": true}", 1); // matched by no filter: never sent
      device.publish("devices/lyon/thermo/t-1/telemetry", "{\"temp\": 1}", 1);

      List<SourceRecord> records = pollCount(task, true, 3);

      assertThat(records).extracting(SourceRecord::topic)
          .containsExactly("iot.errors", "iot.errors", "iot.thermo");
      assertThat((byte[]) records.get(0).value()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
      assertThat(header(records.get(0), "streametl.mqtt.error.reason")).contains("not valid JSON");
      assertThat(header(records.get(1), "streametl.mqtt.error.reason")).contains("not a JSON object");
      assertThat(header(records.get(0), "streametl.mqtt.error.mqtt.topic"))
          .isEqualTo("devices/lyon/thermo/t-1/telemetry");
      assertThat(task.counters().badPayloads()).isEqualTo(2);
      org.awaitility.Awaitility.await().until(() -> task.counters().acknowledged() == 3);
    }
  }

  @Test
  void aTopicOutsideThePatternIsABadPayload() throws Exception {
    try (TaskRunner runner = new TaskRunner(devices("outside", "mqtt.topic.filters", "devices/#",
        "bad.payload.policy", "error_topic", "bad.payload.topic", "iot.errors"));
        Publisher device = new Publisher(broker)) {
      MqttSourceTask task = runner.start();
      device.publish("devices/lyon/status", "{\"ok\": true}", 1);

      SourceRecord record = pollCount(task, true, 1).get(0);

      assertThat(record.topic()).isEqualTo("iot.errors");
      assertThat(header(record, "streametl.mqtt.error.reason"))
          .contains("does not match mqtt.topic.pattern");
    }
  }

  @Test
  void theFailPolicyFailsTheTaskAndLeavesTheMessageUnacknowledged() throws Exception {
    try (TaskRunner runner = new TaskRunner(devices("fail"));
        Publisher device = new Publisher(broker)) {
      MqttSourceTask task = runner.start();
      device.publish("devices/lyon/thermo/t-1/telemetry", "{not json", 1);

      assertThatThrownBy(() -> pollCount(task, true, 1)).isInstanceOf(ConnectException.class)
          .hasMessageContaining("not valid JSON").hasMessageContaining("bad.payload.policy");
      assertThat(task.counters().acknowledged()).isZero();
    }
  }
}
