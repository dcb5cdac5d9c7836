package io.streametl.stack.cli;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Formats a {@link ProgressSnapshot} as the one line the demo prints every 2 s. */
final class ProgressLine {

  private ProgressLine() {}

  static String format(ProgressSnapshot snapshot, String topic, String table, String dlqTopic) {
    String connectors = snapshot.connectors().stream()
        .map(c -> c.name() + " " + c.summary())
        .collect(Collectors.joining("; "));
    return String.format(Locale.ROOT, "[%5ds] generated %s | %s %s | iceberg %s %s | %s %s | %s",
        snapshot.elapsed().toSeconds(),
        number(snapshot.generated()),
        topic, number(snapshot.topicRecords()),
        table, number(snapshot.icebergRows()),
        dlqTopic, number(snapshot.dlqRecords()),
        connectors);
  }

  private static String number(OptionalLong value) {
    return value.isPresent() ? number(value.getAsLong()) : "-";
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
