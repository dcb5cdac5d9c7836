package io.streametl.stack.devices;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes telemetry for a fleet of devices, round after round (every device once per round), at
 * a given rate. Message number k is sent by device {@code k % devices} with sequence
 * {@code k / devices}, so which ids were published is known from the count alone
 * ({@link PublishedMessages}). At QoS 1 and 2 a message counts as published once the broker
 * acknowledged it; a publish that fails (the broker restarting) is sent again until it is, so a
 * broker may see a message twice but the simulator never skips one.
 */
public final class DeviceSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceSimulator.class);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

  private final SimulatorSettings settings;
  private final List<Device> fleet;
  private final Mqtt5AsyncClient client;
  private final Clock clock;
  private final Semaphore inFlight;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong resent = new AtomicLong();
  private long next;
  private volatile boolean stopped;

  public DeviceSimulator(SimulatorSettings settings) {
    this(settings, Clock.systemUTC());
  }

  DeviceSimulator(SimulatorSettings settings, Clock clock) {
    this.settings = settings;
    this.fleet = DeviceFleet.of(settings.devices());
    this.clock = clock;
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.client = MqttClient.builder()
        .useMqttVersion5()
        .identifier("streametl-device-simulator-" + UUID.randomUUID())
        .serverHost(settings.serverHost())
        .serverPort(settings.serverPort())
        .automaticReconnect()
          .initialDelay(100, TimeUnit.MILLISECONDS)
          .maxDelay(2, TimeUnit.SECONDS)
          .applyAutomaticReconnect()
        .buildAsync();
    client.connectWith().cleanStart(true).send().join();
  }

  /**
   * Publishes the next {@code count} messages at the configured rate and returns once the broker
   * acknowledged every one of them (QoS >= 1), or once they were handed to the network (QoS 0).
   */
  public void publish(long count) {
    long end = next + count;
    long startNanos = System.nanoTime();
    long sent = 0;
    while (next < end && !stopped) {
      pace(startNanos, sent++);
      send(next++);
    }
    awaitAcknowledged();
  }

  /** Publishes until {@link #stop()}; for the demo's background thread. */
  public void runUntilStopped() {
    long startNanos = System.nanoTime();
    long sent = 0;
    while (!stopped) {
      pace(startNanos, sent++);
      send(next++);
    }
    awaitAcknowledged();
  }

  public void stop() {
    stopped = true;
  }

  /** Messages the broker acknowledged (QoS >= 1) or that were sent (QoS 0), malformed ones included. */
  public long published() {
    return published.get();
  }

  public long malformed() {
    return malformed.get();
  }

  /** Publishes that failed (the broker was away) and were sent again. */
  public long resent() {
    return resent.get();
  }

  /** What was published so far, as message ids. */
  public PublishedMessages publishedMessages() {
    return new PublishedMessages(fleet, settings.malformedEvery(), published.get());
  }

  @Override
  public void close() {
    stop();
    try {
      client.disconnect().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("The device simulator's disconnect did not complete", e);
    }
  }

  private void send(long k) {
    Device device = fleet.get((int) (k % fleet.size()));
    long seq = k / fleet.size();
    Instant now = clock.instant();
    boolean broken = PublishedMessages.isMalformed(k, settings.malformedEvery());
    byte[] payload = broken ? TelemetryPayloads.malformed(device, seq, now)
        : TelemetryPayloads.valid(device, seq, now);
    inFlight.acquireUninterruptibly();
    sendUntilAcknowledged(device.telemetryTopic(), payload, broken);
  }

  private void sendUntilAcknowledged(String topic, byte[] payload, boolean broken) {
    CompletableFuture<Mqtt5PublishResult> result = client.publishWith()
        .topic(topic)
        .qos(settings.qos())
        .contentType("application/json")
        .payload(payload)
        .send();
    result.whenComplete((ack, error) -> {
      Throwable failure = error != null ? error : ack.getError().orElse(null);
      if (failure != null && !stopped) {
        resent.incrementAndGet();
        LOG.debug("Publish to {} failed ({}); sending it again", topic, failure.toString());
        CompletableFuture.delayedExecutor(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS)
            .execute(() -> sendUntilAcknowledged(topic, payload, broken));
        return;
      }
      if (failure == null) {
        published.incrementAndGet();
        if (broken) {
          malformed.incrementAndGet();
        }
      }
      inFlight.release();
    });
  }

  private void awaitAcknowledged() {
    inFlight.acquireUninterruptibly(settings.maxInFlight());
    inFlight.release(settings.maxInFlight());
  }

  private void pace(long startNanos, long sent) {
    long interval = settings.interval().toNanos();
    if (interval == 0) {
      return;
    }
    long due = startNanos + sent * interval;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
