package io.streametl.sink.state;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.ValueTypes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads an event time from a record value: a Connect {@code Timestamp} (or any {@link Date}),
 * epoch milliseconds as an integer, or ISO-8601 text with a zone offset
 * ({@code 2026-11-21T10:15:30.123Z}). Times must fall in the years 0000 to 9999, so that window
 * and clock arithmetic never overflows.
 */
public final class EventTimes {

  static final long MIN_MILLIS = -62_167_219_200_000L; // 0000-01-01T00:00:00Z
  static final long MAX_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z

  private EventTimes() {}

  /**
   * The event time at {@code path} in a Struct or Map value, in epoch millis.
   *
   * @throws DataException naming the path and what is wrong (never the value itself)
   */
  public static long read(Object recordValue, FieldPath path) {
    FieldValue found = RecordFields.lookup(recordValue, path);
    if (!found.isPresent()) {
      throw new DataException("the time field '" + path + "' is " + found.absenceReason());
    }
    return toEpochMillis(found.value(), null, path);
  }

  /**
   * Converts one time value to epoch millis.
   *
   * @param what names the value in error messages
   */
  public static long toEpochMillis(Object value, String what) {
    return toEpochMillis(value, what, null);
  }

  /**
   * @param what names the value in error messages; null for "the time field '...'" with the path, which is
   *     then built only for a message (this runs for every record of every aggregation)
   */
  private static long toEpochMillis(Object value, String what, FieldPath path) {
    long millis;
    if (value instanceof Date date) {
      millis = date.getTime();
    } else if (value instanceof Long || value instanceof Integer) {
      millis = ((Number) value).longValue();
    } else if (value instanceof String text) {
      try {
        millis = OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new DataException(what(what, path) + " holds text that is not an ISO-8601 timestamp with a zone offset "
            + "(e.g. 2026-11-21T10:15:30Z)");
      }
    } else {
      throw new DataException(what(what, path) + " holds " + ValueTypes.withArticle(ValueTypes.describe(value))
          + "; a time must be a Timestamp, epoch milliseconds (int64) or ISO-8601 text");
    }
    if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
      throw new DataException(what(what, path) + " is outside the years 0000 to 9999");
    }
    return millis;
  }

  private static String what(String what, FieldPath path) {
    return what != null ? what : "the time field '" + path + "'";
  }
}
