package io.streametl.sink.iceberg.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MaintenanceConfigTest {

  private static final ConfigDef DEF = MaintenanceConfig.addTo(new ConfigDef());

  private static MaintenanceSettings settings(String... keysAndValues) {
    Map<String, String> props = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      props.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return MaintenanceConfig.settings(new AbstractConfig(DEF, props));
  }

  @Test
  void defaultsMaintainHourlyAndKeepADayOfSnapshots() {
    MaintenanceSettings settings = settings();

    assertThat(settings.enabled()).isTrue();
    assertThat(settings.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.firstRunDelay()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.snapshotMaxAge()).isEqualTo(Duration.ofDays(1));
    assertThat(settings.retainLast()).isEqualTo(50);
    assertThat(settings.offsetsRefreshInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.compactionEnabled()).isTrue();
    assertThat(settings.compactionMinFiles()).isEqualTo(5);
    assertThat(settings.targetFileSize()).isEmpty();
  }

  @Test
  void aRefreshNoShorterThanTheMaximumAgeIsRejectedWithWhatToDo() {
    assertThatThrownBy(() -> settings(MaintenanceConfig.SNAPSHOTS_MAX_AGE, "2h",
        MaintenanceConfig.OFFSETS_REFRESH_INTERVAL, "2h"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(MaintenanceConfig.OFFSETS_REFRESH_INTERVAL)
        .hasMessageContaining("shorter than " + MaintenanceConfig.SNAPSHOTS_MAX_AGE);
    assertThat(settings(MaintenanceConfig.OFFSETS_REFRESH_INTERVAL, "0").offsetsRefreshInterval()).isZero();
  }

  @Test
  void durationsAndSizesAreValidatedWhereTheyAreDefined() {
    assertThatThrownBy(() -> settings(MaintenanceConfig.SNAPSHOTS_MAX_AGE, "10m"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("at least 1h");
    assertThatThrownBy(() -> settings(MaintenanceConfig.INTERVAL, "hourly"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> settings(MaintenanceConfig.INTERVAL, "0"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("at least 1m");
    assertThatThrownBy(() -> settings(MaintenanceConfig.COMPACTION_TARGET_FILE_SIZE, "1000"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("at least");
    assertThat(settings(MaintenanceConfig.COMPACTION_TARGET_FILE_SIZE, "134217728").targetFileSize())
        .hasValue(134_217_728L);
  }

  @Test
  void forgottenOffsetsNameTopicsPartitionsOrOtherConnectors() {
    ForgottenOffsets forgotten = settings(MaintenanceConfig.OFFSETS_FORGET,
        "old-topic, events:3, connector=old-name").forgotten();

    assertThat(forgotten.forgets("sink", new TopicPartition("old-topic", 7), "sink")).isTrue();
    assertThat(forgotten.forgets("sink", new TopicPartition("events", 3), "sink")).isTrue();
    assertThat(forgotten.forgets("sink", new TopicPartition("events", 2), "sink")).isFalse();
    assertThat(forgotten.forgets("other", new TopicPartition("events", 3), "sink")).isFalse();
    assertThat(forgotten.forgets("old-name", new TopicPartition("anything", 0), "sink")).isTrue();
    assertThatThrownBy(() -> settings(MaintenanceConfig.OFFSETS_FORGET, "events:x"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("partition");
    assertThatThrownBy(() -> settings(MaintenanceConfig.OFFSETS_FORGET, "bad topic"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("connector=name");
  }
}
