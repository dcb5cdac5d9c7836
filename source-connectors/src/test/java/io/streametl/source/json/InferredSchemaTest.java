package io.streametl.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class InferredSchemaTest {

  private static List<JsonNode> json(String... texts) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String text : texts) {
      nodes.add(mapper.readTree(text));
    }
    return nodes;
  }

  @Test
  void everyFieldIsOptionalSortedByNameAndNestedStructsAndArraysAreTyped() throws Exception {
    Schema schema = new InferredSchema(null).accommodate(json(
        "{\"id\": 1, \"name\": \"a\", \"price\": 2.5, \"ok\": true, \"tags\": [\"x\"],"
            + " \"dims\": {\"w\": 3}, \"nothing\": null, \"empty\": []}"));

    assertThat(schema.fields()).extracting(f -> f.name())
        .containsExactly("dims", "id", "name", "ok", "price", "tags");
    assertThat(schema.fields()).allSatisfy(f -> assertThat(f.schema().isOptional()).isTrue());
    assertThat(schema.field("id").schema().type()).isEqualTo(Schema.Type.INT64);
    assertThat(schema.field("price").schema().type()).isEqualTo(Schema.Type.FLOAT64);
    assertThat(schema.field("tags").schema().valueSchema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(schema.field("dims").schema().field("w").schema().type()).isEqualTo(Schema.Type.INT64);
  }

  @Test
  void aPageWithNothingNewKeepsTheSameSchemaInstance() throws Exception {
    InferredSchema inferred = new InferredSchema(null);
    Schema first = inferred.accommodate(json("{\"id\": 1, \"name\": \"a\"}"));

    Schema second = inferred.accommodate(json("{\"id\": 2}", "{\"name\": \"b\", \"id\": 3}"));

    assertThat(second).isSameAs(first);
  }

  @Test
  void newFieldsAreAddedAsOptionalAndOldOnesStay() throws Exception {
    InferredSchema inferred = new InferredSchema(null);
    Schema first = inferred.accommodate(json("{\"id\": 1, \"name\": \"a\"}"));

    Schema second = inferred.accommodate(json("{\"id\": 2, \"note\": \"n\"}"));

    assertThat(second.fields()).extracting(f -> f.name()).containsExactly("id", "name", "note");
    assertThat(second.field("note").schema().isOptional()).isTrue();
    Struct old = (Struct) JsonValues.toConnect(json("{\"id\": 1, \"name\": \"a\"}").get(0), second);
    old.validate();
    assertThat(old.get("note")).isNull();
    assertThat(first.fields()).hasSize(2);
  }

  @Test
  void typesWidenIntToFloatAndClashesBecomeJsonText() throws Exception {
    Schema schema = new InferredSchema(null).accommodate(json(
        "{\"n\": 1, \"x\": 1, \"o\": {\"a\": 1}}", "{\"n\": 1.5, \"x\": \"one\", \"o\": [1]}"));

    assertThat(schema.field("n").schema().type()).isEqualTo(Schema.Type.FLOAT64);
    assertThat(schema.field("x").schema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(schema.field("o").schema().type()).isEqualTo(Schema.Type.STRING);
    Struct value = (Struct) JsonValues.toConnect(json("{\"n\": 2, \"x\": 3, \"o\": {\"a\": 1}}").get(0), schema);
    assertThat(value.get("n")).isEqualTo(2.0);
    assertThat(value.get("x")).isEqualTo("3");
    assertThat(value.get("o")).isEqualTo("{\"a\":1}");
  }

  @Test
  void schemalessValuesArePlainJavaValues() throws Exception {
    Object value = JsonValues.toSchemaless(json(
        "{\"id\": 1, \"big\": 123456789012345678901234567890, \"p\": 2.5, \"t\": [true, null], \"o\": {}}").get(0));

    assertThat(value).isEqualTo(Map.of("id", 1L, "big", "123456789012345678901234567890", "p", 2.5,
        "t", java.util.Arrays.asList(true, null), "o", Map.of()));
  }
}
