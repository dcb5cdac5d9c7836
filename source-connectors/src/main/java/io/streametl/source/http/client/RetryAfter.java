package io.streametl.source.http.client;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads a {@code Retry-After} header (RFC 9110, section 10.2.3): delay-seconds, or an HTTP-date in
 * the IMF-fixdate form or either obsolete form (RFC 850, asctime) that recipients must accept.
 */
public final class RetryAfter {

  private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      // RFC 850: full day names (English: Locale.US, as ROOT's are abbreviated) and two-digit
      // years, read as 1970-2069.
      new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss zzz").toFormatter(Locale.US),
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)
          .withZone(java.time.ZoneOffset.UTC));

  private RetryAfter() {}

  /** The wait asked for, in milliseconds from {@code nowMs} (0 for dates in the past). */
  public static OptionalLong delayMs(String value, long nowMs) {
    String text = value.trim();
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      try {
        return OptionalLong.of(Math.multiplyExact(Long.parseLong(text), 1000L));
      } catch (ArithmeticException | NumberFormatException e) {
        return OptionalLong.of(Long.MAX_VALUE);
      }
    }
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        long at = ZonedDateTime.parse(text, format).toInstant().toEpochMilli();
        return OptionalLong.of(Math.max(0, at - nowMs));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return OptionalLong.empty();
  }
}
