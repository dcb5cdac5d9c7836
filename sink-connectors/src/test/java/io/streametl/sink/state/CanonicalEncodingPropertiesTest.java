package io.streametl.sink.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The encoding is injective on canonical values: two tuples encode to the same bytes exactly when
 * a plain model of their meaning says they are equal. Values come from tiny domains, so equal
 * tuples, and near misses such as ("ab", "c") against ("a", "bc"), are common.
 */
class CanonicalEncodingPropertiesTest {

  @Property(tries = 3000)
  void equalBytesExactlyForEqualValues(@ForAll("tuples") List<Object> a, @ForAll("tuples") List<Object> b) {
    boolean sameBytes = Arrays.equals(encode(a), encode(b));

    assertThat(sameBytes).isEqualTo(model(a).equals(model(b)));
  }

  @Property(tries = 1000)
  void equalValuesGiveEqualHashesAndDistinctOnesDistinctHashes(
      @ForAll("tuples") List<Object> a, @ForAll("tuples") List<Object> b) {
    boolean sameHash = hash(a).equals(hash(b));

    assertThat(sameHash).isEqualTo(model(a).equals(model(b)));
  }

  @Provide
  Arbitrary<List<Object>> tuples() {
    return value(2).list().ofMinSize(1).ofMaxSize(3);
  }

  private Arbitrary<Object> value(int depth) {
    Arbitrary<Object> scalars = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab").ofMaxLength(3).map(s -> (Object) s),
        Arbitraries.integers().between(0, 2).map(i -> (Object) i),
        Arbitraries.longs().between(0, 2).map(l -> (Object) l),
        Arbitraries.of(new BigDecimal("1"), new BigDecimal("1.0"), new BigDecimal("1.50"), new BigDecimal("1.5"))
            .map(d -> (Object) d),
        Arbitraries.of(0.0, -0.0, 1.0, 1.5, Double.NaN).map(d -> (Object) d),
        Arbitraries.of(1.5f).map(f -> (Object) f),
        Arbitraries.of(true, false).map(x -> (Object) x),
        Arbitraries.longs().between(0, 1).map(l -> (Object) new Date(l)),
        Arbitraries.bytes().between((byte) 'a', (byte) 'b').array(byte[].class).ofMaxSize(2).map(x -> (Object) x),
        Arbitraries.just(null));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<Object> lists = value(depth - 1).list().ofMaxSize(2).map(l -> (Object) l);
    Arbitrary<Object> maps = Arbitraries.maps(Arbitraries.strings().withChars("ab").ofMaxLength(2), value(depth - 1))
        .ofMaxSize(2).map(m -> (Object) new HashMap<>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, scalars), net.jqwik.api.Tuple.of(1, lists), net.jqwik.api.Tuple.of(1, maps));
  }

  private static byte[] encode(List<Object> tuple) {
    CanonicalEncoder encoder = new CanonicalEncoder().tuple(tuple.size());
    tuple.forEach(v -> encoder.value(v, "v"));
    return encoder.toByteArray();
  }

  private static KeyHash hash(List<Object> tuple) {
    CanonicalEncoder encoder = new CanonicalEncoder().tuple(tuple.size());
    tuple.forEach(v -> encoder.value(v, "v"));
    return encoder.hash();
  }

  /** What a value means, as plain comparable Java objects tagged by family. */
  private static Object model(Object v) {
    if (v == null) {
      return List.of("null");
    } else if (v instanceof String s) {
      return List.of("string", s);
    } else if (v instanceof Integer || v instanceof Long) {
      return List.of("integer", BigInteger.valueOf(((Number) v).longValue()));
    } else if (v instanceof BigDecimal d) {
      return List.of("decimal", d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return List.of("double", Double.isNaN(d) ? "NaN" : Double.toString(d == 0.0 ? 0.0 : d));
    } else if (v instanceof Boolean b) {
      return List.of("boolean", b);
    } else if (v instanceof Date d) {
      return List.of("timestamp", d.getTime());
    } else if (v instanceof byte[] bytes) {
      List<Byte> content = new ArrayList<>();
      for (byte x : bytes) {
        content.add(x);
      }
      return List.of("bytes", content);
    } else if (v instanceof List<?> list) {
      List<Object> elements = new ArrayList<>();
      list.forEach(e -> elements.add(model(e)));
      return List.of("list", elements);
    } else if (v instanceof Map<?, ?> map) {
      Map<String, Object> entries = new TreeMap<>();
      map.forEach((k, x) -> entries.put((String) k, model(x)));
      return List.of("map", entries);
    }
    throw new AssertionError("unexpected " + v.getClass());
  }

  private static Object model(List<Object> tuple) {
    List<Object> result = new ArrayList<>();
    tuple.forEach(v -> result.add(model(v)));
    return result;
  }
}
