package io.streametl.sink.state.aggregate;

/** The running value of one metric for one window and group within a commit cycle. */
interface MetricAccumulator {

  /** Adds an input read by {@link MetricInputs#read} (never null). */
  void add(Object input);

  /** The partial value for the cycle's row. */
  Object result();

  /** An accumulator for the metric; approx_distinct sketches in the destination's format. */
  static MetricAccumulator create(MetricSpec metric, SketchFormat sketches) {
    return switch (metric.kind()) {
      case COUNT -> new CountAccumulator();
      case SUM -> new SumAccumulator(metric);
      case MIN -> new ExtremeAccumulator(false);
      case MAX -> new ExtremeAccumulator(true);
      case APPROX_DISTINCT -> new DistinctAccumulator(DistinctSketch.create(sketches, metric.type()));
    };
  }
}
