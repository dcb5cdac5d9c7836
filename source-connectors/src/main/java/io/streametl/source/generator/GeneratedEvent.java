package io.streametl.source.generator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The record the generator emits at one position: its kind, key and value in every output format.
 *
 * <p>Immutable and side-effect free; {@link #value(OutputFormat)} builds the value on each call.
 * See {@link SubscriptionEventFactory} for how each kind looks.
 */
public final class GeneratedEvent {

  private final long position;
  private final EventKind kind;
  private final SubscriptionEvent event;
  private final String missingField;
  private final double truncateFraction;
  private final long duplicateOf;
  private final GeneratedEvent original;

  private GeneratedEvent(
      long position,
      EventKind kind,
      SubscriptionEvent event,
      String missingField,
      double truncateFraction,
      long duplicateOf,
      GeneratedEvent original) {
    this.position = position;
    this.kind = kind;
    this.event = event;
    this.missingField = missingField;
    this.truncateFraction = truncateFraction;
    this.duplicateOf = duplicateOf;
    this.original = original == null ? this : original;
  }

  static GeneratedEvent original(
      long position, EventKind kind, SubscriptionEvent event, String missingField, double truncateFraction) {
    if (kind == EventKind.DUPLICATE) {
      throw new IllegalArgumentException("a duplicate needs the event it repeats");
    }
    return new GeneratedEvent(position, kind, event, missingField, truncateFraction, -1, null);
  }

  static GeneratedEvent duplicate(long position, long duplicateOf, GeneratedEvent original) {
    if (original.kind == EventKind.DUPLICATE) {
      throw new IllegalArgumentException("resolve duplicate chains to the first emission");
    }
    return new GeneratedEvent(
        position, EventKind.DUPLICATE, original.event, original.missingField,
        original.truncateFraction, duplicateOf, original);
  }

  /** The position in the event sequence (0, 1, 2, ...). */
  public long position() {
    return position;
  }

  public EventKind kind() {
    return kind;
  }

  /** The record key. A duplicate carries the key of the record it repeats. */
  public String eventId() {
    return event.eventId();
  }

  /**
   * The field values the record was built from. For invalid kinds these are the values before
   * the defect was applied (an unparseable record's event time cannot be read back from it).
   */
  public SubscriptionEvent event() {
    return event;
  }

  /** The {@code event_time} the record carries (for a late event: in the past). */
  public Instant eventTime() {
    return event.eventTime();
  }

  /** For {@link EventKind#INVALID_MISSING_FIELD}: the absent field. */
  public Optional<String> missingField() {
    return Optional.ofNullable(missingField);
  }

  /**
   * For {@link EventKind#DUPLICATE}: the earlier position whose record this repeats, within
   * {@link SubscriptionEventFactory#DUPLICATE_LOOKBACK} positions. That record may itself be a
   * duplicate; {@link #original()} follows the chain.
   */
  public OptionalLong duplicateOf() {
    return kind == EventKind.DUPLICATE ? OptionalLong.of(duplicateOf) : OptionalLong.empty();
  }

  /** The first emission of this record: itself unless this is a duplicate. Never a duplicate. */
  public GeneratedEvent original() {
    return original;
  }

  /** True when the record is a valid event, i.e. its first emission is VALID or LATE. */
  public boolean isValid() {
    return !original.kind.isInvalid();
  }

  /** The record value, with its schema, in the given output format. */
  public RecordValue value(OutputFormat format) {
    if (original != this) {
      return original.value(format);
    }
    return switch (format) {
      case STRUCT -> StructValueEncoder.encode(this);
      case MAP -> MapValueEncoder.encode(this);
      case JSON -> JsonValueEncoder.encode(this);
    };
  }

  double truncateFraction() {
    return truncateFraction;
  }

  @Override
  public String toString() {
    return "GeneratedEvent{position=" + position + ", kind=" + kind + ", eventId=" + eventId() + "}";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GeneratedEvent that
        && position == that.position
        && kind == that.kind
        && duplicateOf == that.duplicateOf
        && Double.compare(truncateFraction, that.truncateFraction) == 0
        && event.equals(that.event)
        && Objects.equals(missingField, that.missingField);
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, kind, event);
  }
}
