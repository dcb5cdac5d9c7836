package io.streametl.source.mqtt.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaTopicNamesTest {

  @Test
  void legalNamesPassAsTheyAre() throws Exception {
    assertThat(KafkaTopicNames.sanitize("iot.thermo-stat_2")).isEqualTo("iot.thermo-stat_2");
  }

  @Test
  void charactersKafkaRefusesBecomeUnderscores() throws Exception {
    assertThat(KafkaTopicNames.sanitize("iot.büro 3:a")).isEqualTo("iot.b_ro_3_a");
  }

  @Test
  void namesThatCannotBeFixedAreRefused() {
    assertThatThrownBy(() -> KafkaTopicNames.sanitize("..")).isInstanceOf(MappingException.class)
        .hasMessageContaining("no Kafka topic name");
    assertThatThrownBy(() -> KafkaTopicNames.sanitize("")).isInstanceOf(MappingException.class);
    assertThatThrownBy(() -> KafkaTopicNames.sanitize("a".repeat(250)))
        .isInstanceOf(MappingException.class);
  }
}
