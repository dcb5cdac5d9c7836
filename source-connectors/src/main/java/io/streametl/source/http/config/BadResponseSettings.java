package io.streametl.source.http.config;

import io.streametl.common.config.ConfigProblem;

import io.streametl.common.config.EnumChoices;

import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The connector settings of the "Bad responses" group. */
final class BadResponseSettings {

  static final String GROUP = "Bad responses";

  static final String POLICY = "bad.response.policy";
  static final String TOPIC = "bad.response.topic";

  private BadResponseSettings() {}

  static void define(ConfigDef def) {
    int order = 0;
    def.define(POLICY, Type.STRING, EnumChoices.value(BadResponsePolicy.FAIL),
        EnumChoices.validator(BadResponsePolicy.class), Importance.HIGH,
        "What to do with a 2xx response that is not JSON, has no records array where"
            + " records.pointer says, or exceeds http.response.max.bytes, and with a record that"
            + " is not an object or lacks a key or watermark field. 'fail': fail the task with a"
            + " message naming the endpoint and the reason. 'error_topic': write the raw payload"
            + " (bytes) to bad.response.topic with the reason in headers (streametl.http.error.*),"
            + " in the same transaction as the records, and go on.",
        GROUP, ++order, Width.SHORT, "Bad response policy");
    def.define(TOPIC, Type.STRING, "", Importance.MEDIUM,
        "The error topic for bad.response.policy=error_topic.",
        GROUP, ++order, Width.MEDIUM, "Error topic");
  }

  static BadResponseConfig parse(AbstractConfig config) {
    return new BadResponseConfig(
        EnumChoices.parse(BadResponsePolicy.class, config.getString(POLICY)), config.getString(TOPIC));
  }

  static void check(AbstractConfig config, List<ConfigProblem> problems) {
    BadResponsePolicy policy = EnumChoices.parse(BadResponsePolicy.class, config.getString(POLICY));
    String topic = config.getString(TOPIC);
    if (policy == BadResponsePolicy.ERROR_TOPIC) {
      if (topic.isEmpty()) {
        problems.add(new ConfigProblem(TOPIC, "is required with " + POLICY + "=error_topic"));
      } else {
        Validators.topicProblem(topic).ifPresent(p -> problems.add(new ConfigProblem(TOPIC, p)));
      }
    }
  }
}
