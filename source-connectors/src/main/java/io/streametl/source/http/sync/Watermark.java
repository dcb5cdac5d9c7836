package io.streametl.source.http.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.streametl.source.http.config.WatermarkType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A value of an endpoint's watermark field: a point in time for the time types, a number for
 * {@code number}. It keeps the text it was read from, which is what the offsets store and what a
 * sync without overlap sends back, so the API gets exactly the format it produced.
 */
public final class Watermark implements Comparable<Watermark> {


  private final WatermarkType type;
  private final String text;
  private final Instant instant;
  private final BigDecimal number;

  private Watermark(WatermarkType type, String text, Instant instant, BigDecimal number) {
    this.type = type;
    this.text = text;
    this.instant = instant;
    this.number = number;
  }

  /**
   * @throws IllegalArgumentException saying what the type expects (never quoting the value, which
   *     may be record data)
   */
  public static Watermark parse(WatermarkType type, String text) {
    String trimmed = text.trim();
    switch (type) {
      case TIMESTAMP:
        return new Watermark(type, trimmed, parseTimestamp(trimmed), null);
      case EPOCH_MILLIS:
        return new Watermark(type, trimmed, Instant.ofEpochMilli(decimal(trimmed, type)
            .setScale(0, RoundingMode.FLOOR).longValueExact()), null);
      case EPOCH_SECONDS: {
        BigDecimal seconds = decimal(trimmed, type);
        long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return new Watermark(type, trimmed, Instant.ofEpochSecond(whole, nanos), null);
      }
      case NUMBER:
        return new Watermark(type, trimmed, null, decimal(trimmed, type));
      default:
        throw new IllegalStateException("unknown watermark type " + type);
    }
  }

  /** Reads a watermark from a JSON value: a string, or a number for the numeric types. */
  public static Watermark fromJson(WatermarkType type, JsonNode node) {
    if (node.isTextual()) {
      return parse(type, node.textValue());
    }
    if (node.isNumber() && type != WatermarkType.TIMESTAMP) {
      return parse(type, node.asText());
    }
    throw new IllegalArgumentException("the watermark field holds " + node.getNodeType()
        .name().toLowerCase(java.util.Locale.ROOT) + ", not " + expected(type));
  }

  private static Instant parseTimestamp(String text) {
    try {
      return IsoInstants.parse(text);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("the watermark is not " + expected(WatermarkType.TIMESTAMP));
    }
  }

  private static BigDecimal decimal(String text, WatermarkType type) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the watermark is not " + expected(type));
    }
  }

  private static String expected(WatermarkType type) {
    switch (type) {
      case TIMESTAMP:
        return "an ISO-8601 timestamp with a zone or offset, like 2026-11-21T10:15:30Z";
      case EPOCH_MILLIS:
        return "a number of milliseconds since the epoch";
      case EPOCH_SECONDS:
        return "a number of seconds since the epoch";
      default:
        return "a number";
    }
  }

  /** The point in time, for the time types. */
  public java.util.Optional<Instant> instant() {
    return java.util.Optional.ofNullable(instant);
  }

  public WatermarkType type() {
    return type;
  }

  /** The text the value was read from. */
  public String text() {
    return text;
  }

  /**
   * The watermark {@code overlap} before this one (milliseconds for the time types, units for
   * number), in the type's canonical format; this one itself when {@code overlap} is 0.
   */
  public Watermark minus(long overlap) {
    if (overlap == 0) {
      return this;
    }
    switch (type) {
      case TIMESTAMP: {
        Instant earlier = instant.minusMillis(overlap);
        return new Watermark(type, earlier.toString(), earlier, null);
      }
      case EPOCH_MILLIS: {
        Instant earlier = instant.minusMillis(overlap);
        return new Watermark(type, Long.toString(earlier.toEpochMilli()), earlier, null);
      }
      case EPOCH_SECONDS: {
        Instant earlier = instant.minusMillis(overlap);
        return new Watermark(type, Long.toString(earlier.getEpochSecond()),
            Instant.ofEpochSecond(earlier.getEpochSecond()), null);
      }
      default: {
        BigDecimal lower = number.subtract(BigDecimal.valueOf(overlap));
        return new Watermark(type, lower.toPlainString(), null, lower);
      }
    }
  }

  @Override
  public int compareTo(Watermark other) {
    return instant != null ? instant.compareTo(other.instant) : number.compareTo(other.number);
  }

  /** Equal when they stand for the same time or number, whatever their text. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Watermark && ((Watermark) o).type == type && compareTo((Watermark) o) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, instant, number == null ? null : number.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return text;
  }
}
