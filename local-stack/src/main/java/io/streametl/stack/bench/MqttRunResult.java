package io.streametl.stack.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * What one consumer of the broker received: how many of the published messages, and over which
 * span from the first to the last arrival; for the source also the longest pause in that span.
 */
record MqttRunResult(String consumer, int qos, long published, long received, Duration span,
    ArrivalPause longestPause) {

  MqttRunResult(String consumer, int qos, long published, long received, Duration span) {
    this(consumer, qos, published, received, span, null);
  }

  double perSecond() {
    return span.isZero() ? 0 : received / (span.toNanos() / 1e9);
  }

  String describe() {
    String line = String.format(Locale.ROOT, "%-24s QoS %d: %,9.0f msg/s (%,d of %,d in %.2f s)",
        consumer, qos, perSecond(), received, published, span.toNanos() / 1e9);
    return longestPause == null ? line : line + "; " + longestPause.describe();
  }
}
