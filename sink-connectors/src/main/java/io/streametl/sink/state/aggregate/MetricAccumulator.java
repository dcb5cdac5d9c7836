package io.streametl.sink.state.aggregate;

/** The running value of one metric for one window and group within a commit cycle. */
interface MetricAccumulator {

  /** Adds an input read by {@link MetricInputs#read} (never null). */
  void add(Object input);

  /** The partial value for the cycle's row. */
  Object result();

  static MetricAccumulator create(MetricSpec metric) {
    return switch (metric.kind()) {
      case COUNT -> new CountAccumulator();
      case SUM -> new SumAccumulator(metric);
      case MIN -> new ExtremeAccumulator(false);
      case MAX -> new ExtremeAccumulator(true);
      case APPROX_DISTINCT -> new DistinctAccumulator();
    };
  }
}
