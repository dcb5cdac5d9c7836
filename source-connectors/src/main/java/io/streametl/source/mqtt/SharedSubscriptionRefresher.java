package io.streametl.source.mqtt;

/**
 * Decides when a task sends the SUBSCRIBE of its shared subscriptions again: after a quiet spell
 * in which it received nothing and held nothing in flight.
 *
 * <p>Why: a broker serves a member of a shared subscription by polling the group queue for it,
 * when the member's last messages are acknowledged or when a message lands in an empty queue. A
 * lost poll leaves the member idle under a steady stream, with no error, until it reconnects:
 * HiveMQ CE has open reports of this (issue #558), and our CI saw it once on 2025.5 (one task of
 * two received 1 message of 200, then nothing for a minute). A SUBSCRIBE makes HiveMQ CE poll for
 * the member again, and subscribing again to an existing subscription changes nothing in MQTT
 * (an equal subscription replaces it; a shared subscription gets no retained messages).
 *
 * <p>Activity is read from the received counter, so the message path takes no clock reading.
 * Used by the task thread only.
 */
final class SharedSubscriptionRefresher {

  private final long quietMs;
  private long lastReceived;
  private long quietSinceMs;

  /** @param quietMs the quiet spell before subscribing again; 0 never does */
  SharedSubscriptionRefresher(long quietMs, long nowMs) {
    this.quietMs = quietMs;
    this.quietSinceMs = nowMs;
  }

  /**
   * True when the task should subscribe again now: nothing received and nothing in flight for the
   * quiet spell. The spell then starts over, so a quiet task subscribes once per spell.
   *
   * @param received the task's received counter (it only grows)
   * @param inflight messages received and not yet acknowledged: while there are any, the broker
   *     rightly waits for their acknowledgements, so the task is not quiet
   */
  boolean due(long nowMs, long received, int inflight) {
    if (received != lastReceived || inflight > 0) {
      lastReceived = received;
      quietSinceMs = nowMs;
      return false;
    }
    if (quietMs <= 0 || nowMs - quietSinceMs < quietMs) {
      return false;
    }
    quietSinceMs = nowMs;
    return true;
  }
}
