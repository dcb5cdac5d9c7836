package io.streametl.source.generator;

/**
 * What the generator made at one position of the event sequence.
 *
 * <p>Every record carries its kind in the {@value EventGeneratorSourceTask#KIND_HEADER} header,
 * as a debugging aid; pipelines must not depend on it.
 */
public enum EventKind {
  /** A well-formed event whose time is its on-time value. */
  VALID,
  /** An exact re-emission (key, value, event time) of the record of an earlier position. */
  DUPLICATE,
  /** A well-formed event with its own event id, timed between 1x and 2x {@code late.delay.ms} in the past. */
  LATE,
  /** A required field (user_id, event_type or amount) is absent. */
  INVALID_MISSING_FIELD,
  /** The amount is a localised string such as {@code "12,50 EUR"} instead of a number. */
  INVALID_WRONG_TYPE,
  /** The value is not a parseable event at all: a truncated JSON object. */
  UNPARSEABLE;

  /** True for the kinds that a validation step must reject. */
  public boolean isInvalid() {
    return this == INVALID_MISSING_FIELD || this == INVALID_WRONG_TYPE || this == UNPARSEABLE;
  }
}
