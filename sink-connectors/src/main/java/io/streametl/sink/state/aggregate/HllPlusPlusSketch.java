package io.streametl.sink.state.aggregate;

import com.google.zetasketch.HyperLogLogPlusPlus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An HLL++ sketch in BigQuery's format (Google's zetasketch library, the implementation behind
 * BigQuery's {@code HLL_COUNT} functions), so the fold view merges partial rows with
 * {@code HLL_COUNT.MERGE}.
 *
 * <p><b>Precision.</b> 2^12 buckets (standard error 1.04 / sqrt(4096), about 1.6%, as the Trino
 * sketch), sparse precision 17 (zetasketch's and BigQuery's default of normal + 5): a row takes a
 * few bytes per distinct value while small and about 3 KB at most, where BigQuery's default
 * precision 15 would take 32 KB. BigQuery merges sketches of different precisions at the lower one.
 *
 * <p><b>Types.</b> An HLL++ sketch records the type of its values, and BigQuery merges only sketches
 * of one type; the metric's declared type picks it, so every row of a column has the same one:
 * {@code approx_distinct(f):string} makes STRING sketches (as {@code HLL_COUNT.INIT} of a STRING
 * column), {@code :long} INT64 sketches (as of an INT64 column), and no declared type BYTES sketches
 * over text's UTF-8 bytes (as {@code HLL_COUNT.INIT(CAST(s AS BYTES))}), an integer's 8
 * little-endian bytes, and other values' canonical encoding.
 */
final class HllPlusPlusSketch implements DistinctSketch {

  static final int NORMAL_PRECISION = 12;
  static final int SPARSE_PRECISION = NORMAL_PRECISION + 5;

  private final ValueType type;
  private final HyperLogLogPlusPlus<String> strings;
  private final HyperLogLogPlusPlus<Long> longs;
  private final HyperLogLogPlusPlus<?> bytes;

  HllPlusPlusSketch(ValueType type) {
    this.type = type;
    HyperLogLogPlusPlus.Builder builder =
        new HyperLogLogPlusPlus.Builder().normalPrecision(NORMAL_PRECISION).sparsePrecision(SPARSE_PRECISION);
    this.strings = type == ValueType.STRING ? builder.buildForStrings() : null;
    this.longs = type == ValueType.LONG ? builder.buildForLongs() : null;
    this.bytes = strings == null && longs == null ? builder.buildForBytes() : null;
  }

  @Override
  public void add(Object input) {
    if (strings != null) {
      strings.add((String) input); // MetricInputs converted the value to the declared type
    } else if (longs != null) {
      longs.add((long) (Long) input);
    } else if (input instanceof String s) {
      bytes.add(s.getBytes(StandardCharsets.UTF_8));
    } else if (input instanceof Long l) {
      bytes.add(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(l).array());
    } else {
      bytes.add(((Encoded) input).bytes());
    }
  }

  @Override
  public byte[] serialize() {
    return (strings != null ? strings : longs != null ? longs : bytes).serializeToByteArray();
  }

  ValueType type() {
    return type;
  }
}
