package io.streametl.stack.cli;

import io.streametl.stack.rest.ConnectorOffset;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads "events generated" from a source connector's committed offsets: per source partition, the
 * named numeric field (the generator's {@code position}: the next position, so the number of
 * events it has produced), or, if the offset has no such field, its only numeric value. Offsets
 * are committed with each transaction (exactly-once sources), so this counts what the generator
 * has durably produced, not what it has merely created in memory.
 */
final class SourceOffsetTotals {

  private SourceOffsetTotals() {}

  static OptionalLong total(List<ConnectorOffset> offsets, String field) {
    long total = 0;
    boolean any = false;
    for (ConnectorOffset offset : offsets) {
      OptionalLong value = offset.offset().containsKey(field)
          ? numeric(offset.offset().get(field))
          : onlyNumber(offset);
      if (value.isPresent()) {
        total += value.getAsLong();
        any = true;
      }
    }
    return any ? OptionalLong.of(total) : OptionalLong.empty();
  }

  private static OptionalLong onlyNumber(ConnectorOffset offset) {
    List<Number> numbers = offset.offset().values().stream()
        .filter(Number.class::isInstance).map(Number.class::cast).toList();
    return numbers.size() == 1 ? OptionalLong.of(numbers.get(0).longValue()) : OptionalLong.empty();
  }

  private static OptionalLong numeric(Object value) {
    return value instanceof Number number ? OptionalLong.of(number.longValue()) : OptionalLong.empty();
  }
}
