package io.streametl.sink.state.aggregate;

final class DistinctAccumulator implements MetricAccumulator {

  private final DistinctSketch sketch = new DistinctSketch();

  @Override
  public void add(Object input) {
    sketch.add(input);
  }

  @Override
  public Object result() {
    return sketch.serialize();
  }
}
