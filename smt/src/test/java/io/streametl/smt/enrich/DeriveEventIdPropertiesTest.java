package io.streametl.smt.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.fieldpath.FieldValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.connect.sink.SinkRecord;

/** The stability and injectivity of derived ids. */
class DeriveEventIdPropertiesTest {

  private static List<FieldValue> present(List<?> values) {
    List<FieldValue> fields = new ArrayList<>();
    for (Object value : values) {
      fields.add(FieldValue.present(value));
    }
    return fields;
  }

  @Property(tries = 2000)
  void differentStringListsNeverShareAnEncoding(
      @ForAll @Size(max = 4) List<String> a, @ForAll @Size(max = 4) List<String> b) {
    Assume.that(!a.equals(b));

    assertThat(CanonicalEncoding.encode(present(a))).isNotEqualTo(CanonicalEncoding.encode(present(b)));
  }

  @Property(tries = 1000)
  void splittingAStringDifferentlyChangesTheEncoding(@ForAll("text") String text, @ForAll int cut) {
    Assume.that(text.length() >= 2);
    int at = 1 + Math.floorMod(cut, text.length() - 1);
    List<String> split = List.of(text.substring(0, at), text.substring(at));

    assertThat(CanonicalEncoding.encode(present(split)))
        .isNotEqualTo(CanonicalEncoding.encode(present(List.of(text, ""))))
        .isNotEqualTo(CanonicalEncoding.encode(present(List.of(text))));
  }

  @Property(tries = 500)
  void theIdDoesNotDependOnMapOrderOrOnTheTransformInstance(
      @ForAll("flatMaps") Map<String, Object> values) {
    List<String> keys = new ArrayList<>(values.keySet());
    Map<String, Object> forward = new LinkedHashMap<>();
    keys.forEach(k -> forward.put(k, values.get(k)));
    Collections.reverse(keys);
    Map<String, Object> backward = new LinkedHashMap<>();
    keys.forEach(k -> backward.put(k, values.get(k)));

    String first = idOf(Map.of("nested", forward));
    String second = idOf(Map.of("nested", backward));

    assertThat(second).isEqualTo(first).hasSize(32).matches("[0-9a-f]{32}");
  }

  @Property(tries = 500)
  void numbersGiveTheSameIdWhateverTheirJavaType(@ForAll int number) {
    String asInt = idOf(Map.of("nested", Map.of("n", number)));

    assertThat(idOf(Map.of("nested", Map.of("n", (long) number)))).isEqualTo(asInt);
    assertThat(idOf(Map.of("nested", Map.of("n", new BigDecimal(number).setScale(2))))).isEqualTo(asInt);
    assertThat(idOf(Map.of("nested", Map.of("n", (double) number)))).isEqualTo(asInt);
  }

  private static String idOf(Map<String, Object> value) {
    DeriveEventId<SinkRecord> transform = new DeriveEventId.Value<>();
    transform.configure(Map.of("fields", "nested"));
    SinkRecord record = new SinkRecord("t", 0, null, null, null, new HashMap<>(value), 0L);
    return (String) ((Map<?, ?>) transform.apply(record).value()).get("_event_id");
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().ofMaxLength(12);
  }

  @Provide
  Arbitrary<Map<String, Object>> flatMaps() {
    Arbitrary<Object> values = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.of(true, false).map(b -> (Object) b));
    return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), values)
        .ofMaxSize(6);
  }
}
