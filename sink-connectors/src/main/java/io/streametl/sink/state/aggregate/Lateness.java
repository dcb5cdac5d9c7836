package io.streametl.sink.state.aggregate;

/** How a record stood against the watermark when it arrived. */
public enum Lateness {
  /** Every window it belongs to was still open. */
  ON_TIME,
  /** At least one of its windows had closed but was within the allowed lateness: it adds a delta row. */
  LATE,
  /** All its windows were past the allowed lateness: it adds to nothing (see {@link TooLatePolicy}). */
  TOO_LATE
}
