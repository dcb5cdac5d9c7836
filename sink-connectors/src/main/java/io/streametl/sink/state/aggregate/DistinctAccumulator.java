package io.streametl.sink.state.aggregate;

final class DistinctAccumulator implements MetricAccumulator {

  private final DistinctSketch sketch;

  DistinctAccumulator(DistinctSketch sketch) {
    this.sketch = sketch;
  }

  @Override
  public void add(Object input) {
    sketch.add(input);
  }

  @Override
  public Object result() {
    return sketch.serialize();
  }
}
