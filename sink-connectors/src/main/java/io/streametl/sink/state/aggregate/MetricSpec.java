package io.streametl.sink.state.aggregate;

import io.streametl.common.fieldpath.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One metric of an aggregation: {@code count}, {@code count(f)}, {@code sum(f)}, {@code min(f)},
 * {@code max(f)}, {@code approx_distinct(f)}; sums, mins and maxes may declare a {@link
 * ValueType} ({@code sum(amount):decimal}), approx_distinct {@code :string} or {@code :long} (the type
 * of its BigQuery sketches); any metric may name its column ({@code ... as revenue}).
 * Default columns: {@code record_count}, {@code count_f}, {@code sum_f}, {@code min_f}, {@code
 * max_f}, {@code approx_distinct_f}, with a nested path's names joined by '_'.
 */
public record MetricSpec(MetricKind kind, Optional<FieldPath> field, ValueType type, String column) {

  static final String SYNTAX = "count, count(field), sum(field), min(field), max(field) or approx_distinct(field); "
      + "sum, min and max may add a type (:number, :long, :double, :decimal; min and max also :string, :timestamp), "
      + "approx_distinct :string or :long; "
      + "any may end with 'as column_name'";
  private static final Pattern ALIASED = Pattern.compile("(?i)^(.+?)\\s+as\\s+(\\S+)$");
  private static final Pattern CALL = Pattern.compile("^([a-z_]+)\\s*(?:\\((.*)\\))?\\s*(?::\\s*([a-z]+))?$");

  /** Parses each entry of the {@code metrics} list; see {@link #parse}. */
  public static List<MetricSpec> parseAll(List<String> entries) {
    List<MetricSpec> metrics = new ArrayList<>(entries.size());
    for (String entry : entries) {
      metrics.add(parse(entry));
    }
    return List.copyOf(metrics);
  }

  /**
   * Parses one metric.
   *
   * @throws IllegalArgumentException naming the metric and what to write instead
   */
  public static MetricSpec parse(String text) {
    String body = text.trim();
    String alias = null;
    Matcher aliased = ALIASED.matcher(body);
    if (aliased.matches()) {
      body = aliased.group(1).trim();
      alias = aliased.group(2);
      if (!ColumnNames.isIdentifier(alias)) {
        throw new IllegalArgumentException("'" + alias + "' is not a column name: use letters, digits and '_', "
            + "starting with a letter or '_'");
      }
    }
    Matcher call = CALL.matcher(body.toLowerCase(Locale.ROOT));
    MetricKind kind = call.matches() ? MetricKind.ofFunction(call.group(1)) : null;
    if (kind == null) {
      throw new IllegalArgumentException("'" + text + "' is not a metric: write " + SYNTAX);
    }
    // Re-read the argument from the original text: field names are case-sensitive.
    String argument = call.group(2) == null ? null : body.substring(body.indexOf('(') + 1, body.lastIndexOf(')')).trim();
    if (kind != MetricKind.COUNT && (argument == null || argument.isEmpty())) {
      throw new IllegalArgumentException("'" + text + "': " + kind.function() + " needs a field, e.g. "
          + kind.function() + "(amount)");
    }
    Optional<FieldPath> field = argument == null || argument.isEmpty() ? Optional.empty()
        : Optional.of(FieldPath.parse(argument));
    ValueType type = typeOf(kind, call.group(3), text);
    String column = alias != null ? alias : defaultColumn(kind, field);
    return new MetricSpec(kind, field, type, column);
  }

  private static ValueType typeOf(MetricKind kind, String declared, String text) {
    if (declared == null) {
      return ValueType.NUMBER;
    }
    ValueType type = ValueType.parse(declared);
    boolean allowed = switch (kind) {
      case SUM -> type.isNumeric();
      case MIN, MAX -> true;
      case APPROX_DISTINCT -> type == ValueType.STRING || type == ValueType.LONG;
      default -> false;
    };
    if (!allowed) {
      throw new IllegalArgumentException("'" + text + "': " + kind.function() + " takes no :" + type
          + (kind == MetricKind.SUM ? "; sums are numeric (:number, :long, :double, :decimal)"
              : kind == MetricKind.APPROX_DISTINCT ? "; approx_distinct takes :string or :long" : " type"));
    }
    return type;
  }

  private static String defaultColumn(MetricKind kind, Optional<FieldPath> field) {
    return field.map(path -> kind.function() + "_" + ColumnNames.of(path)).orElse("record_count");
  }

  /** The text {@link #parse} reads back to this metric. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind.function());
    field.ifPresent(path -> text.append('(').append(path).append(')'));
    if (type != ValueType.NUMBER) {
      text.append(':').append(type);
    }
    if (!column.equals(defaultColumn(kind, field))) {
      text.append(" as ").append(column);
    }
    return text.toString();
  }
}
