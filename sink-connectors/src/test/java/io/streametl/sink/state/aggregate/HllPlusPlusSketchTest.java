package io.streametl.sink.state.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zetasketch.HyperLogLogPlusPlus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The BigQuery destination's sketches: partial rows' sketches, merged as HLL_COUNT.MERGE merges them
 * (zetasketch's merge of the serialized protos: the algorithm and format BigQuery uses), estimate the
 * distinct count of all rows within the documented error, and hash values as HLL_COUNT.INIT does for
 * the matching BigQuery type.
 */
class HllPlusPlusSketchTest {

  /** 1.04 / sqrt(4096): the standard error at precision 12. */
  private static final double STANDARD_ERROR = 1.04 / Math.sqrt(1 << HllPlusPlusSketch.NORMAL_PRECISION);

  /** Folds serialized sketches as HLL_COUNT.MERGE: zetasketch's merge of the protos, then its estimate. */
  static long hllCountMerge(List<byte[]> sketches) {
    HyperLogLogPlusPlus<?> merged = HyperLogLogPlusPlus.forProto(sketches.get(0));
    for (byte[] sketch : sketches.subList(1, sketches.size())) {
      merged.merge(sketch);
    }
    return merged.longResult();
  }

  /** Each value lands in one of several partial rows (cycles), and every row also repeats a few values. */
  private static List<byte[]> partialRows(int distinct, int rows, ValueType type) {
    List<DistinctSketch> sketches = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      sketches.add(DistinctSketch.create(SketchFormat.BIGQUERY_HLL_PLUS_PLUS, type));
    }
    for (int v = 0; v < distinct; v++) {
      Object input = type == ValueType.LONG ? (Object) (long) v : "user-" + v;
      sketches.get(v % rows).add(input);
      sketches.get((v * 7 + 3) % rows).add(input); // the same value in another cycle: counted once
    }
    return sketches.stream().map(DistinctSketch::serialize).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 1_000, 100_000})
  void mergedPartialRowsEstimateTheDistinctCountWithinTheDocumentedError(int distinct) {
    for (ValueType type : List.of(ValueType.NUMBER, ValueType.STRING, ValueType.LONG)) {
      long estimate = hllCountMerge(partialRows(distinct, 5, type));

      // Small counts stay in the sparse form (precision 17), which is all but exact; large ones are
      // within three standard errors (deterministic inputs, so this never flakes).
      double tolerance = distinct <= 1_000 ? 0.01 : 3 * STANDARD_ERROR;
      assertThat((double) estimate).as("%s distinct %s values", distinct, type)
          .isCloseTo(distinct, org.assertj.core.data.Offset.offset(Math.max(1.0, distinct * tolerance)));
    }
  }

  @Test
  void stringSketchesHashAsBigQueryDoesForStringColumns() {
    DistinctSketch ours = DistinctSketch.create(SketchFormat.BIGQUERY_HLL_PLUS_PLUS, ValueType.STRING);
    HyperLogLogPlusPlus<String> users = new HyperLogLogPlusPlus.Builder().buildForStrings(); // HLL_COUNT.INIT(s), precision 15
    for (int v = 0; v < 2_000; v++) {
      ours.add("user-" + v);
      users.add("user-" + (v + 1_000)); // 1,000 values in common
    }

    // A user's sketch of another precision and the same type merges with ours (at the lower precision).
    HyperLogLogPlusPlus<?> merged = HyperLogLogPlusPlus.forProto(ours.serialize());
    merged.merge(users.serializeToByteArray());
    assertThat((double) merged.longResult()).isCloseTo(3_000, org.assertj.core.data.Offset.offset(3_000 * 3 * STANDARD_ERROR));
  }

  @Test
  void longSketchesMergeWithSketchesOfInt64Columns() {
    DistinctSketch ours = DistinctSketch.create(SketchFormat.BIGQUERY_HLL_PLUS_PLUS, ValueType.LONG);
    HyperLogLogPlusPlus<Long> users = new HyperLogLogPlusPlus.Builder().normalPrecision(12).buildForLongs();
    for (long v = 0; v < 100; v++) {
      ours.add(v);
      users.add(v); // the same values: the union is still 100 only if both hash alike
    }
    HyperLogLogPlusPlus<?> merged = HyperLogLogPlusPlus.forProto(ours.serialize());
    merged.merge(users.serializeToByteArray());

    assertThat(merged.longResult()).isEqualTo(100);
  }

  @Test
  void undeclaredTypesMakeBytesSketchesOfTextAsItsUtf8Bytes() {
    DistinctSketch ours = DistinctSketch.create(SketchFormat.BIGQUERY_HLL_PLUS_PLUS, ValueType.NUMBER);
    HyperLogLogPlusPlus<?> users = new HyperLogLogPlusPlus.Builder().normalPrecision(12).buildForBytes();
    for (int v = 0; v < 100; v++) {
      ours.add("user-" + v);
      users.add(("user-" + v).getBytes(StandardCharsets.UTF_8)); // HLL_COUNT.INIT(CAST(s AS BYTES))
    }
    HyperLogLogPlusPlus<?> merged = HyperLogLogPlusPlus.forProto(ours.serialize());
    merged.merge(users.serializeToByteArray());

    assertThat(merged.longResult()).isEqualTo(100);
  }

  @Test
  void sketchesOfDifferentTypesDoNotMergeSoEveryRowOfAColumnHasTheDeclaredOne() {
    byte[] strings = partialRows(10, 1, ValueType.STRING).get(0);
    byte[] longs = partialRows(10, 1, ValueType.LONG).get(0);

    assertThatThrownBy(() -> hllCountMerge(List.of(strings, longs))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everySketchStartsWithThePrefixTheFoldViewChecksAndTrinoSketchesDoNot() {
    byte[] empty = DistinctSketch.create(SketchFormat.BIGQUERY_HLL_PLUS_PLUS, ValueType.NUMBER).serialize();
    byte[] dense = partialRows(100_000, 1, ValueType.STRING).get(0);
    byte[] trino = DistinctSketch.create(SketchFormat.TRINO_HLL, ValueType.NUMBER).serialize();

    for (byte[] sketch : List.of(empty, dense)) {
      assertThat(sketch[0]).isEqualTo((byte) 0x08);
      assertThat(sketch[1]).isEqualTo((byte) 0x70);
    }
    assertThat(trino[0]).isNotEqualTo((byte) 0x08);
    assertThat(hllCountMerge(List.of(empty))).isZero();
  }

  @Test
  void theDestinationPicksTheFormat() {
    AggregationSpec spec = Specs.spec("tumbling:1m", List.of(), List.of("approx_distinct(user_id)"),
        java.time.Duration.ZERO, java.time.Duration.ZERO);
    WindowAggregator bigQuery = new WindowAggregator(spec, WindowAggregator.NO_TIME, SketchFormat.BIGQUERY_HLL_PLUS_PLUS);
    WindowAggregator iceberg = new WindowAggregator(spec, WindowAggregator.NO_TIME);
    java.util.Map<String, Object> event = Specs.event(60_000L, "user_id", "u1");
    bigQuery.add(event, null);
    iceberg.add(event, null);

    byte[] hll = (byte[]) bigQuery.partialRows().get(0).metricValues().get(0);
    byte[] trino = (byte[]) iceberg.partialRows().get(0).metricValues().get(0);
    assertThat(hllCountMerge(List.of(hll))).isEqualTo(1);
    assertThat(Sketches.estimate(List.of(trino))).isEqualTo(1);
  }
}
