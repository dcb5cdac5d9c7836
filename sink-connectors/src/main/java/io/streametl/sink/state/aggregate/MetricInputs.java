package io.streametl.sink.state.aggregate;

import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.ValueTypes;
import io.streametl.sink.state.EventTimes;
import io.streametl.sink.state.RecordFields;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads a metric's input from a record value and converts it to the metric's {@link ValueType},
 * before anything is added anywhere: a record is either taken whole or rejected whole. Every
 * check looks at the record's own value only, so a record is accepted or rejected the same way
 * whichever commit cycle it lands in (replays decide alike).
 */
final class MetricInputs {

  /** The input of {@code count} without a field: every record counts. */
  static final Object EVERY_RECORD = Boolean.TRUE;

  private MetricInputs() {}

  /**
   * A metric's description for error messages. Building it runs MetricSpec.toString (a regex),
   * which per record cost about 8% of a sink task's time; the few specs are described once, and
   * only when a message needs it (even the cached lookup hashes the whole spec).
   */
  private static final java.util.Map<MetricSpec, String> DESCRIPTIONS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String describe(MetricSpec metric) {
    return DESCRIPTIONS.computeIfAbsent(metric,
        m -> m + " (field '" + m.field().map(Object::toString).orElse("") + "')");
  }

  /** The converted input, or null when the field is missing or null (the metric skips the record). */
  static Object read(MetricSpec metric, Object recordValue) {
    if (metric.field().isEmpty()) {
      return EVERY_RECORD;
    }
    FieldValue found = RecordFields.lookup(recordValue, metric.field().get());
    if (!found.isPresent() || found.isNull()) {
      return null;
    }
    return switch (metric.kind()) {
      case COUNT -> found.value();
      // A declared type (:string, :long) is checked as for min and max, so every sketch of the column
      // holds values of that one type (BigQuery merges HLL++ sketches of one type only).
      case APPROX_DISTINCT -> {
        Object input = metric.type() == ValueType.NUMBER ? found.value() : convert(found.value(), metric.type(), metric);
        // Text, the usual input, is taken as it is: no description needed for a message.
        yield input instanceof String ? input : DistinctSketch.input(input, describe(metric));
      }
      case SUM, MIN, MAX -> convert(found.value(), metric.type(), metric);
    };
  }

  static Object convert(Object value, ValueType type, MetricSpec metric) {
    return switch (type) {
      case NUMBER -> number(value, metric);
      case LONG -> toLong(number(value, metric), metric);
      case DOUBLE -> number(value, metric).doubleValue();
      case DECIMAL -> toDecimal(number(value, metric));
      case STRING -> {
        if (!(value instanceof String s)) {
          throw wrongType(metric, value, "text");
        }
        yield s;
      }
      case TIMESTAMP -> Instant.ofEpochMilli(EventTimes.toEpochMillis(value, describe(metric)));
    };
  }

  /** Any number as Long (integers), BigDecimal (decimals, big integers) or Double (finite floating point). */
  private static Number number(Object value, MetricSpec metric) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new DataException(describe(metric) + " holds a NaN or infinite number, which has no place in a sum, min or max");
      }
      return d;
    }
    throw wrongType(metric, value, "a number (declare :string or :timestamp for min and max of other values)");
  }

  private static Long toLong(Number n, MetricSpec metric) {
    if (n instanceof Long l) {
      return l;
    }
    try {
      return toDecimal(n).longValueExact();
    } catch (ArithmeticException e) {
      throw new DataException(describe(metric) + " holds a number with a fraction or beyond int64; declare :decimal or :double");
    }
  }

  private static BigDecimal toDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return BigDecimal.valueOf(n.doubleValue()); // the double's shortest decimal text, as a user would write it
  }

  private static DataException wrongType(MetricSpec metric, Object value, String expected) {
    return new DataException(describe(metric) + " holds " + ValueTypes.withArticle(ValueTypes.describe(value))
        + ", but needs " + expected);
  }
}
