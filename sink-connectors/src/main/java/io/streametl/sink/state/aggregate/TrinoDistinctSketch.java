package io.streametl.sink.state.aggregate;

/**
 * A {@link TrinoHyperLogLog} of 4096 buckets, as Trino's {@code approx_set} uses (standard error
 * about 1.6%). Serialized, it takes 4 bytes per distinct value while small and about 2 KB at most.
 * Text is hashed by its UTF-8 bytes and integers by value, as Trino's varchar and bigint are.
 */
final class TrinoDistinctSketch implements DistinctSketch {

  private final TrinoHyperLogLog hll = new TrinoHyperLogLog();

  @Override
  public void add(Object input) {
    if (input instanceof String s) {
      hll.addString(s);
    } else if (input instanceof Long l) {
      hll.addLong(l);
    } else {
      hll.addBytes(((Encoded) input).bytes());
    }
  }

  @Override
  public byte[] serialize() {
    return hll.serialize();
  }
}
