package io.streametl.sink.state.aggregate;

final class CountAccumulator implements MetricAccumulator {

  private long count;

  @Override
  public void add(Object input) {
    count++;
  }

  @Override
  public Object result() {
    return count;
  }
}
