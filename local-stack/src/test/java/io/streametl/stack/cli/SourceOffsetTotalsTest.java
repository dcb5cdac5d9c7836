package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.rest.ConnectorOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceOffsetTotalsTest {

  @Test
  void sumsTheNamedFieldOverSourcePartitions() {
    List<ConnectorOffset> offsets = List.of(
        new ConnectorOffset(Map.of("stream", 0), Map.of("position", 10, "start_ms", 99L)),
        new ConnectorOffset(Map.of("stream", 1), Map.of("position", 32L, "start_ms", 99L)));

    assertThat(SourceOffsetTotals.total(offsets, "position")).hasValue(42);
  }

  @Test
  void withoutTheFieldTakesTheOffsetsOnlyNumber() {
    List<ConnectorOffset> offsets = List.of(
        new ConnectorOffset(Map.of("file", "a"), Map.of("line", 7, "name", "a")));

    assertThat(SourceOffsetTotals.total(offsets, "position")).hasValue(7);
  }

  @Test
  void unknownWhenNoOffsetSaysHowMany() {
    List<ConnectorOffset> offsets = List.of(
        new ConnectorOffset(Map.of("stream", 0), Map.of()),
        new ConnectorOffset(Map.of("stream", 1), Map.of("a", 1, "b", 2)));

    assertThat(SourceOffsetTotals.total(offsets, "position")).isEmpty();
  }
}
