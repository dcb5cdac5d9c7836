package io.streametl.source.mqtt;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * What one task counted since it started, for the log summary and the JMX metrics
 * ({@link MqttSourceMetrics}): messages
 * received, acknowledged after Kafka had them, bad payloads, retained messages skipped, times the
 * in-flight bound held up the network, shared subscriptions renewed after a quiet spell, and the
 * messages in flight now.
 */
public final class MqttSourceCounters {

  final AtomicLong received = new AtomicLong();
  final AtomicLong acknowledged = new AtomicLong();
  final AtomicLong badPayloads = new AtomicLong();
  final AtomicLong retainedSkipped = new AtomicLong();
  final AtomicLong backpressureWaits = new AtomicLong();
  final AtomicLong sharedResubscribes = new AtomicLong();
  final AtomicLong pollLatencyMs = new AtomicLong();
  private final IntSupplier inflight;

  MqttSourceCounters(IntSupplier inflight) {
    this.inflight = inflight;
  }

  public long received() {
    return received.get();
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  public long badPayloads() {
    return badPayloads.get();
  }

  public long retainedSkipped() {
    return retainedSkipped.get();
  }

  public long backpressureWaits() {
    return backpressureWaits.get();
  }

  /** Times the task subscribed again to its shared subscriptions after a quiet spell. */
  public long sharedResubscribes() {
    return sharedResubscribes.get();
  }

  /** The longest wait of a message in the task before the last poll that returned records. */
  public long pollLatencyMs() {
    return pollLatencyMs.get();
  }

  public int inflight() {
    return inflight.getAsInt();
  }

  String summary() {
    return "received " + received() + ", acknowledged " + acknowledged() + ", bad payloads "
        + badPayloads() + ", retained skipped " + retainedSkipped() + ", in flight " + inflight()
        + ", backpressure waits " + backpressureWaits() + ", shared resubscribes "
        + sharedResubscribes();
  }
}
