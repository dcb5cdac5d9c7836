package io.streametl.sink.state.dedup;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.sink.state.EventTimes;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.connect.errors.DataException;

/**
 * Which time a record gives the dedup clock: an event-time field of its value, or its Kafka
 * record timestamp ("processing time", which is part of the record and so replays identically,
 * unlike the wall clock).
 *
 * <p>With event time, one record carrying a time far in the future would move the clock ahead
 * and expire every key at once. {@code maxAheadOfRecordTime} guards against that: an event time
 * later than the record timestamp plus this margin counts as the record timestamp plus the
 * margin (records without a timestamp are taken as they are).
 */
public final class DedupClock {

  private final FieldPath eventTimeField;
  private final Long maxAheadMillis;

  private DedupClock(FieldPath eventTimeField, Duration maxAhead) {
    this.eventTimeField = eventTimeField;
    this.maxAheadMillis = maxAhead == null ? null : maxAhead.toMillis();
  }

  /** The Kafka record timestamp (CreateTime or LogAppendTime, as the topic sets it). */
  public static DedupClock recordTimestamp() {
    return new DedupClock(null, null);
  }

  /** An event-time field, optionally capped at the record timestamp plus {@code maxAhead}. */
  public static DedupClock eventTime(FieldPath field, Optional<Duration> maxAhead) {
    return new DedupClock(field, maxAhead.orElse(null));
  }

  public Optional<FieldPath> eventTimeField() {
    return Optional.ofNullable(eventTimeField);
  }

  /**
   * The record's time in epoch millis.
   *
   * @param recordTimestamp {@code SinkRecord.timestamp()}, null when the record has none
   * @throws DataException if the time is missing or unreadable
   */
  public long timeOf(Object recordValue, Long recordTimestamp) {
    if (eventTimeField == null) {
      if (recordTimestamp == null || recordTimestamp < 0) {
        throw new DataException("the record has no Kafka timestamp, and dedup runs on record time; "
            + "use an event-time field instead");
      }
      return recordTimestamp;
    }
    long eventTime = EventTimes.read(recordValue, eventTimeField);
    if (maxAheadMillis != null && recordTimestamp != null && recordTimestamp >= 0) {
      return Math.min(eventTime, recordTimestamp + maxAheadMillis);
    }
    return eventTime;
  }
}
