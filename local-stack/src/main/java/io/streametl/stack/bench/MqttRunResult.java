package io.streametl.stack.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * What one consumer of the broker received: how many of the published messages, and over which
 * span from the first to the last arrival.
 */
record MqttRunResult(String consumer, int qos, long published, long received, Duration span) {

  double perSecond() {
    return span.isZero() ? 0 : received / (span.toNanos() / 1e9);
  }

  String describe() {
    return String.format(Locale.ROOT, "%-24s QoS %d: %,9.0f msg/s (%,d of %,d in %.2f s)", consumer,
        qos, perSecond(), received, published, span.toNanos() / 1e9);
  }
}
