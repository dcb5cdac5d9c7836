package io.streametl.source.http.sync;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 timestamps with a zone or offset. The common UTC form
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} is read digit by digit (several times faster than
 * {@link Instant#parse}, and it is read once per record); every other form goes to java.time.
 */
final class IsoInstants {

  private IsoInstants() {}

  /**
   * @throws DateTimeException if the text is not an ISO-8601 timestamp with a zone or offset
   */
  static Instant parse(String text) {
    Instant fast = utc(text);
    if (fast != null) {
      return fast;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  /** The instant of text in the plain UTC form, or null if it is in another form. */
  private static Instant utc(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
        || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int fraction = n - 21; // between the '.' at 19 and the 'Z'
      if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      int value = digits(t, 20, fraction);
      if (value < 0) {
        return null;
      }
      nanos = value;
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    long days;
    try {
      days = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // let java.time say what is wrong
    }
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The number written by {@code length} ASCII digits at {@code from}, or -1. */
  private static int digits(String t, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
