package io.streametl.sink.state.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class DedupClockTest {

  private static final FieldPath TIME = FieldPath.parse("event_time");

  @Test
  void recordTimeIsTheKafkaTimestamp() {
    assertThat(DedupClock.recordTimestamp().timeOf(Map.of(), 1234L)).isEqualTo(1234L);
    assertThatThrownBy(() -> DedupClock.recordTimestamp().timeOf(Map.of(), null))
        .isInstanceOf(DataException.class).hasMessageContaining("no Kafka timestamp");
  }

  @Test
  void eventTimeComesFromTheField() {
    DedupClock clock = DedupClock.eventTime(TIME, Optional.empty());

    assertThat(clock.timeOf(Map.of("event_time", "2026-11-21T10:00:00Z"), 0L)).isEqualTo(1_795_255_200_000L);
  }

  @Test
  void aFarFutureEventTimeIsCappedAtTheRecordTimePlusTheMargin() {
    DedupClock clock = DedupClock.eventTime(TIME, Optional.of(Duration.ofHours(1)));

    assertThat(clock.timeOf(Map.of("event_time", 99_999_999_999_999L), 1_000L)).isEqualTo(1_000L + 3_600_000L);
    assertThat(clock.timeOf(Map.of("event_time", 5_000L), 1_000L)).isEqualTo(5_000L);
    assertThat(clock.timeOf(Map.of("event_time", 99_999_999_999_999L), null)).isEqualTo(99_999_999_999_999L);
  }
}
