package io.streametl.sink.state.aggregate;

/** The aggregate functions, each with how partial results fold into the exact one. */
public enum MetricKind {
  /** Records ({@code count}) or non-null values ({@code count(f)}); partials fold by SUM. */
  COUNT("count", "SUM"),
  /** Exact sum of non-null values; partials fold by SUM. */
  SUM("sum", "SUM"),
  /** Smallest non-null value; partials fold by MIN. */
  MIN("min", "MIN"),
  /** Largest non-null value; partials fold by MAX. */
  MAX("max", "MAX"),
  /**
   * A HyperLogLog of the non-null values; partials fold by merging the sketches (Trino's
   * {@code merge}, BigQuery's {@code HLL_COUNT.MERGE}: see {@link SketchFormat}).
   */
  APPROX_DISTINCT("approx_distinct", null);

  private final String function;
  private final String fold;

  MetricKind(String function, String fold) {
    this.function = function;
    this.fold = fold;
  }

  public String function() {
    return function;
  }

  /** The SQL aggregate that folds partial values of this kind, or null for sketches. */
  public String foldFunction() {
    return fold;
  }

  static MetricKind ofFunction(String name) {
    for (MetricKind kind : values()) {
      if (kind.function.equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
