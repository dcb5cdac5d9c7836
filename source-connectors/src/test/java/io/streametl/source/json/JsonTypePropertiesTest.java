package io.streametl.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The allocation-free fit check agrees with merging, for any JSON. */
class JsonTypePropertiesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Property(tries = 500)
  void aValueFitsExactlyWhenMergingItsTypeChangesNothing(@ForAll("recordLists") List<JsonNode> seen,
      @ForAll("records") JsonNode next) {
    JsonType type = JsonType.struct(java.util.Map.of());
    for (JsonNode record : seen) {
      type = type.merge(JsonType.of(record));
    }

    assertThat(type.fits(next)).isEqualTo(type.merge(JsonType.of(next)).equals(type));
  }

  @Provide
  Arbitrary<List<JsonNode>> recordLists() {
    return records().list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<JsonNode> records() {
    return value(3).map(node -> node.isObject() ? node : JSON.objectNode().set("v", node));
  }

  private Arbitrary<JsonNode> value(int depth) {
    List<String> names = List.of("a", "b", "c");
    Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
        Arbitraries.just(JSON.nullNode()),
        Arbitraries.of(true, false).map(JSON::booleanNode),
        Arbitraries.longs().between(-5, 5).map(JSON::numberNode),
        Arbitraries.just(JSON.numberNode(new BigInteger("123456789012345678901234567890"))),
        Arbitraries.doubles().between(-5, 5).map(JSON::numberNode),
        Arbitraries.strings().alpha().ofMaxLength(3).map(JSON::textNode));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(3).map(items -> {
      ArrayNode node = JSON.arrayNode();
      items.forEach(node::add);
      return node;
    });
    Arbitrary<JsonNode> object = value(depth - 1).list().ofMaxSize(3).map(items -> {
      ObjectNode node = JSON.objectNode();
      for (int i = 0; i < items.size(); i++) {
        node.set(names.get(i), items.get(i));
      }
      return node;
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, array),
        net.jqwik.api.Tuple.of(2, object));
  }
}
