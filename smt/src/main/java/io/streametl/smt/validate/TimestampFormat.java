package io.streametl.smt.validate;

import com.ethlo.time.ITU;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigException;

/**
 * One way a timestamp may be written: ISO-8601, RFC 1123, a date-time pattern, or a count of
 * seconds, milliseconds or microseconds since the epoch. Texts without an offset or zone are read
 * in the configured time zone.
 */
abstract class TimestampFormat {

  static final String ISO8601 = "iso8601";
  static final String RFC1123 = "rfc1123";
  static final String EPOCH_SECONDS = "epoch.seconds";
  static final String EPOCH_MILLIS = "epoch.millis";
  static final String EPOCH_MICROS = "epoch.micros";

  private final String name;

  private TimestampFormat(String name) {
    this.name = name;
  }

  /** The name or pattern as configured, for messages. */
  String name() {
    return name;
  }

  boolean isEpoch() {
    return false;
  }

  /** The instant {@code text} stands for, or {@code null} if it is not in this format. */
  abstract Instant parse(String text, ZoneId zone);

  /** The instant a number stands for, or {@code null} for formats that are not epoch counts. */
  Instant parse(Number number) {
    return null;
  }

  /**
   * The format named by a {@code formats} entry: a name above, or else a
   * {@link DateTimeFormatter} pattern.
   *
   * @throws ConfigException if the entry is neither a name nor a valid pattern
   */
  static TimestampFormat parse(String entry) {
    String trimmed = entry.trim();
    switch (trimmed.toLowerCase(Locale.ROOT)) {
      case ISO8601:
        return new Iso8601();
      case RFC1123:
        return new Formatted(RFC1123, DateTimeFormatter.RFC_1123_DATE_TIME);
      case EPOCH_SECONDS:
        return new Epoch(EPOCH_SECONDS, 1000, 1);
      case EPOCH_MILLIS:
        return new Epoch(EPOCH_MILLIS, 1, 1);
      case EPOCH_MICROS:
        return new Epoch(EPOCH_MICROS, 1, 1000);
      default:
        break;
    }
    if (trimmed.isEmpty()) {
      throw new ConfigException("Invalid timestamp format '': give a name or a pattern");
    }
    try {
      return new Formatted(trimmed, DateTimeFormatter.ofPattern(trimmed, Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "Invalid timestamp format '" + trimmed + "': neither one of " + names()
              + " nor a valid java.time pattern (" + e.getMessage() + ")");
    }
  }

  static String names() {
    return String.join(", ", ISO8601, RFC1123, EPOCH_SECONDS, EPOCH_MILLIS, EPOCH_MICROS);
  }

  /**
   * ISO-8601. The common shape, an RFC 3339 date-time with an offset or Z, is read by a fast
   * dedicated parser (ethlo ITU, which the JSON Schema validator uses as well), about five times
   * faster than java.time; anything else (no offset, a zone id) by java.time's ISO_DATE_TIME.
   */
  private static final class Iso8601 extends TimestampFormat {
    private final Formatted general = new Formatted(ISO8601, DateTimeFormatter.ISO_DATE_TIME);

    Iso8601() {
      super(ISO8601);
    }

    @Override
    Instant parse(String text, ZoneId zone) {
      if (hasOffset(text)) {
        try {
          return ITU.parseDateTime(text).toInstant();
        } catch (DateTimeException e) {
          // Not RFC 3339 after all (e.g. a zone id after the offset): java.time decides.
        }
      }
      return general.parse(text, zone);
    }

    /** Whether the text ends like an RFC 3339 date-time: Z, or +hh:mm / -hh:mm. */
    private static boolean hasOffset(String text) {
      int length = text.length();
      if (length < 20) {
        return false;
      }
      char last = text.charAt(length - 1);
      if (last == 'Z' || last == 'z') {
        return true;
      }
      char sign = text.charAt(length - 6);
      return (sign == '+' || sign == '-') && text.charAt(length - 3) == ':';
    }
  }

  /** Text read by a {@link DateTimeFormatter}; without an offset, in the configured zone. */
  private static final class Formatted extends TimestampFormat {
    private final DateTimeFormatter formatter;
    // The formatter with the override zone, built once: a transform keeps one zone.
    private volatile DateTimeFormatter zoned;

    Formatted(String name, DateTimeFormatter formatter) {
      super(name);
      this.formatter = formatter;
      this.zoned = formatter;
    }

    @Override
    Instant parse(String text, ZoneId zone) {
      DateTimeFormatter withZone = zoned;
      if (!zone.equals(withZone.getZone())) {
        // The override zone applies only where the text has no offset or zone of its own.
        withZone = formatter.withZone(zone);
        zoned = withZone;
      }
      TemporalAccessor parsed;
      try {
        parsed = withZone.parse(text);
      } catch (DateTimeException e) {
        return null;
      }
      try {
        return ZonedDateTime.from(parsed).toInstant();
      } catch (DateTimeException noTime) {
        try {
          return LocalDate.from(parsed).atStartOfDay(zone).toInstant();
        } catch (DateTimeException noDate) {
          return null;
        }
      }
    }
  }

  /** A count since the epoch, as digits (seconds may have a fraction) or as a number. */
  private static final class Epoch extends TimestampFormat {
    private final long millisPerUnit;
    private final long unitsPerMilli;

    Epoch(String name, long millisPerUnit, long unitsPerMilli) {
      super(name);
      this.millisPerUnit = millisPerUnit;
      this.unitsPerMilli = unitsPerMilli;
    }

    @Override
    boolean isEpoch() {
      return true;
    }

    @Override
    Instant parse(String text, ZoneId zone) {
      if (!looksNumeric(text)) {
        return null;
      }
      try {
        return parse(new BigDecimal(text));
      } catch (NumberFormatException e) {
        return null;
      }
    }

    @Override
    Instant parse(Number number) {
      BigDecimal units;
      if (number instanceof BigDecimal) {
        units = (BigDecimal) number;
      } else if (number instanceof BigInteger) {
        units = new BigDecimal((BigInteger) number);
      } else if (number instanceof Double || number instanceof Float) {
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          return null;
        }
        units = BigDecimal.valueOf(d);
      } else {
        try {
          return Instant.ofEpochMilli(
              Math.floorDiv(Math.multiplyExact(number.longValue(), millisPerUnit), unitsPerMilli));
        } catch (ArithmeticException e) {
          return null;
        }
      }
      // Connect's Timestamp holds milliseconds: finer digits are cut off, towards the past.
      BigDecimal millis = units.multiply(BigDecimal.valueOf(millisPerUnit))
          .divide(BigDecimal.valueOf(unitsPerMilli), 0, RoundingMode.FLOOR);
      try {
        return Instant.ofEpochMilli(millis.longValueExact());
      } catch (ArithmeticException | DateTimeException e) {
        return null;
      }
    }

    private static boolean looksNumeric(String text) {
      if (text.isEmpty()) {
        return false;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && c == '-')) {
          return false;
        }
      }
      return true;
    }
  }
}
