package io.streametl.source.http.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.source.http.paging.BadPageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordLocatorTest {

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  private static List<String> ids(List<JsonNode> records) {
    return records.stream().map(r -> r.path("id").asText()).toList();
  }

  @Test
  void theRootOrAPointerToAnArray() throws Exception {
    assertThat(ids(new RecordLocator("").locate(json("[{\"id\":1},{\"id\":2}]")))).containsExactly("1", "2");
    assertThat(ids(new RecordLocator("/data/items").locate(json("{\"data\":{\"items\":[{\"id\":3}]}}"))))
        .containsExactly("3");
    assertThat(ids(new RecordLocator("/pages/1").locate(json("{\"pages\":[[{\"id\":1}],[{\"id\":2}]]}"))))
        .containsExactly("2");
    assertThat(new RecordLocator("/data").locate(json("{\"data\": null}"))).isEmpty();
  }

  @Test
  void wildcardsCollectArraysNestedInEveryElement() throws Exception {
    JsonNode body = json("{\"data\":{\"groups\":[{\"items\":[{\"id\":1},{\"id\":2}]},"
        + "{\"name\":\"no items\"},{\"items\":null},{\"items\":[{\"id\":3}]}],"
        + "\"byRegion\":{\"eu\":{\"items\":[{\"id\":4}]},\"us\":{\"items\":[{\"id\":5}]}}}}");

    assertThat(ids(new RecordLocator("/data/groups/*/items").locate(body))).containsExactly("1", "2", "3");
    assertThat(ids(new RecordLocator("/data/byRegion/*/items").locate(body))).containsExactly("4", "5");
  }

  @Test
  void aPointerThatMissesIsABadPageNotAnEmptyOne() throws Exception {
    assertThatThrownBy(() -> new RecordLocator("/data/items").locate(json("{\"data\":{\"rows\":[]}}")))
        .isInstanceOf(BadPageException.class).hasMessage("records.pointer /data/items: nothing at /data/items");
    assertThatThrownBy(() -> new RecordLocator("/data").locate(json("{\"data\":{\"id\":1}}")))
        .hasMessage("records.pointer /data leads to an object, not an array of records");
    assertThatThrownBy(() -> new RecordLocator("/a/*").locate(json("{\"a\": 5}")))
        .hasMessageContaining("found a number at /a, where * needs an array or object");
  }
}
