package io.streametl.source.mqtt.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the messages a task holds that Kafka has not acknowledged yet: a message takes a permit
 * when it arrives and gives it back when Kafka has its record (or the task drops it on purpose).
 * At the bound, {@link #offer} blocks the connection's delivery thread. QoS 1 and 2 messages
 * beyond the bound then wait in the broker (MQTT 5 receive maximum) or in the client's queue;
 * QoS 0 messages wait in the client's bounded queue, which drops the oldest with a warning
 * ("QoS 0 publish message dropped") only once it overflows: QoS 0 is at most once by nature.
 */
public final class InflightWindow<T> {

  private static final long CLOSE_CHECK_MS = 100;

  private final int capacity;
  private final Semaphore permits;
  private final LinkedBlockingQueue<T> ready = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  public InflightWindow(int capacity) {
    this.capacity = capacity;
    this.permits = new Semaphore(capacity);
  }

  /**
   * Adds a message, waiting for a free permit while the window is full.
   *
   * @return whether it was added; false once the window is closed (the message stays
   *     unacknowledged, so the broker delivers it again)
   * @param onBlocked called once if the call has to wait
   */
  public boolean offer(T message, Runnable onBlocked) {
    boolean reported = false;
    try {
      while (!closed) {
        if (permits.tryAcquire(reported ? CLOSE_CHECK_MS : 0, TimeUnit.MILLISECONDS)) {
          if (closed) {
            permits.release();
            return false;
          }
          ready.add(message);
          return true;
        }
        if (!reported) {
          onBlocked.run();
          reported = true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Up to {@code max} messages, waiting at most {@code timeoutMs} for the first one. */
  public List<T> take(int max, long timeoutMs) throws InterruptedException {
    List<T> batch = new ArrayList<>(Math.min(max, 64));
    T first = ready.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    ready.drainTo(batch, max - 1);
    return batch;
  }

  /** Gives back the permit of one message that Kafka has (or that the task dropped on purpose). */
  public void release() {
    permits.release();
  }

  /** Messages held: waiting for a poll, or polled and not yet acknowledged by Kafka. */
  public int inflight() {
    return capacity - permits.availablePermits();
  }

  /** Messages waiting for a poll. */
  public int waiting() {
    return ready.size();
  }

  /** Stops accepting and forgets waiting messages, unacknowledged (the broker resends them). */
  public void close() {
    closed = true;
    ready.clear();
  }
}
