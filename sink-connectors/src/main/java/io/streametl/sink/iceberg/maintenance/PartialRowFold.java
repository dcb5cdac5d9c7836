package io.streametl.sink.iceberg.maintenance;

import io.streametl.sink.state.aggregate.AggregationSpec;
import io.streametl.sink.state.aggregate.MetricKind;
import io.streametl.sink.state.aggregate.MetricSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Folds partial aggregate rows of the same window and group into one row, as the fold SQL of
 * docs/aggregates.md would: counts and sums add, minimums and maximums keep the extreme value
 * (text by Unicode code point, as SQL engines order UTF-8). Because the fold is associative, the
 * view over the folded rows gives exactly what it gave over the original ones, however the rows
 * are grouped into files. Only tables whose every column the aggregation explains are folded;
 * approximate-distinct sketches are not merged here, so tables with them are only rewritten.
 */
final class PartialRowFold {

  /** A sum left the column's type (a long overflow, a decimal beyond its precision): do not fold. */
  static final class FoldOverflowException extends RuntimeException {
    FoldOverflowException(String message) {
      super(message);
    }
  }

  private record Metric(int position, MetricKind kind, Type type) {}

  private final List<Integer> keyPositions;
  private final List<Metric> metrics;
  private final Map<List<Object>, Record> folded = new LinkedHashMap<>();

  private PartialRowFold(List<Integer> keyPositions, List<Metric> metrics) {
    this.keyPositions = keyPositions;
    this.metrics = metrics;
  }

  /** A fold for a table of the aggregation's partial rows, or empty when its rows cannot be folded safely. */
  static Optional<PartialRowFold> forTable(AggregationSpec spec, Schema schema) {
    Map<String, MetricSpec> metricsByColumn = new HashMap<>();
    for (MetricSpec metric : spec.metrics()) {
      if (metric.kind() == MetricKind.APPROX_DISTINCT) {
        return Optional.empty();
      }
      metricsByColumn.put(metric.column(), metric);
    }
    Set<String> keyColumns = new HashSet<>(spec.groupColumns());
    keyColumns.addAll(spec.columns().subList(0, 2)); // window_start, window_end
    List<Integer> keys = new ArrayList<>();
    List<Metric> metrics = new ArrayList<>();
    List<Types.NestedField> columns = schema.columns();
    for (int i = 0; i < columns.size(); i++) {
      Types.NestedField column = columns.get(i);
      if (keyColumns.contains(column.name()) && column.type().isPrimitiveType()) {
        keys.add(i);
      } else if (metricsByColumn.containsKey(column.name()) && foldable(metricsByColumn.get(column.name()).kind(), column.type())) {
        metrics.add(new Metric(i, metricsByColumn.get(column.name()).kind(), column.type()));
      } else {
        return Optional.empty(); // a column the aggregation does not explain (any more): leave the rows alone
      }
    }
    return Optional.of(new PartialRowFold(List.copyOf(keys), List.copyOf(metrics)));
  }

  private static boolean foldable(MetricKind kind, Type type) {
    return switch (type.typeId()) {
      case LONG, INTEGER, DECIMAL, DOUBLE -> true;
      case STRING, TIMESTAMP, TIMESTAMP_NANO, DATE -> kind == MetricKind.MIN || kind == MetricKind.MAX;
      default -> false;
    };
  }

  /** Takes one row into the fold. @throws FoldOverflowException if a sum leaves the column's type */
  void add(Record row) {
    List<Object> key = new ArrayList<>(keyPositions.size());
    keyPositions.forEach(position -> key.add(row.get(position, Object.class)));
    Record into = folded.get(key);
    if (into == null) {
      folded.put(key, row.copy());
      return;
    }
    for (Metric metric : metrics) {
      Object a = into.get(metric.position(), Object.class);
      Object b = row.get(metric.position(), Object.class);
      into.set(metric.position(), combine(metric, a, b));
    }
  }

  /** Rows held (one per window and group seen since the last drain). */
  int size() {
    return folded.size();
  }

  /** The folded rows, and an empty fold. */
  List<Record> drain() {
    List<Record> rows = new ArrayList<>(folded.values());
    folded.clear();
    return rows;
  }

  private static Object combine(Metric metric, Object a, Object b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return switch (metric.kind()) {
      case COUNT, SUM -> add(metric.type(), a, b);
      case MIN -> compare(a, b) <= 0 ? a : b;
      case MAX -> compare(a, b) >= 0 ? a : b;
      default -> throw new IllegalStateException("not foldable: " + metric.kind());
    };
  }

  private static Object add(Type type, Object a, Object b) {
    try {
      if (a instanceof Long x && b instanceof Long y) {
        return Math.addExact(x, y);
      }
      if (a instanceof Integer x && b instanceof Integer y) {
        return Math.addExact(x, y);
      }
    } catch (ArithmeticException e) {
      throw new FoldOverflowException("a sum overflows its " + type + " column");
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      BigDecimal sum = x.add(y);
      if (sum.precision() > ((Types.DecimalType) type).precision()) {
        throw new FoldOverflowException("a sum exceeds the precision of its " + type + " column");
      }
      return sum;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x + y;
    }
    throw new IllegalStateException("cannot add values of " + type);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    return ((Comparable) a).compareTo(b);
  }

  /** Unicode code point order, as SQL engines order UTF-8 text (String.compareTo differs above U+FFFF). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
