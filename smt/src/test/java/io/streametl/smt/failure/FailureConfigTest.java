package io.streametl.smt.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class FailureConfigTest {

  @Test
  void defaultsToFailAndLettingTombstonesPass() {
    FailureConfig config = new FailureConfig(Map.of());

    assertThat(config.policy()).isEqualTo(FailurePolicy.FAIL);
    assertThat(config.tombstonesFail()).isFalse();
  }

  @Test
  void readsPolicyNamesInAnyCase() {
    assertThat(new FailureConfig(Map.of("on.failure", " DROP ")).policy())
        .isEqualTo(FailurePolicy.DROP);
  }

  @Test
  void validationAndConfigureRejectAnUnknownPolicyAlike() {
    ConfigDef def = FailureConfig.define(new ConfigDef(), 0);
    ConfigValue value = def.validate(Map.of("on.failure", "dlq")).stream()
        .filter(v -> v.name().equals("on.failure")).findFirst().orElseThrow();

    assertThat(value.errorMessages()).singleElement().asString()
        .contains("unknown failure policy 'dlq'; use one of: fail, error-topic, drop");
    assertThatThrownBy(() -> new FailureConfig(Map.of("on.failure", "dlq")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("use one of: fail, error-topic, drop");
  }

  @Test
  void theErrorTopicPolicyNeedsATopicAndBrokers() {
    assertThatThrownBy(() -> new FailureConfig(Map.of("on.failure", "error-topic")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("error.topic")
        .hasMessageContaining("is required when on.failure=error-topic");
    assertThatThrownBy(() -> new FailureConfig(
            Map.of("on.failure", "error-topic", "error.topic", "bad-records")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("error.producer.bootstrap.servers");
  }

  @Test
  void passesPrefixedProducerSettingsWithoutThePrefix() {
    FailureConfig config = new FailureConfig(Map.of(
        "on.failure", "error-topic",
        "error.topic", "bad-records",
        "error.producer.bootstrap.servers", "b:9092",
        "error.producer.security.protocol", "SSL"));

    assertThat(config.producerProps())
        .containsEntry("bootstrap.servers", "b:9092")
        .containsEntry("security.protocol", "SSL");
  }
}
