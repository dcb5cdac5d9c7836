package io.streametl.source.http.fakeapi;

import java.util.concurrent.CountDownLatch;

/**
 * A scripted misbehaviour for one request: a status with optional Retry-After, a bad body, or a
 * response held back until the test releases it (a slow server, for client timeouts).
 */
public final class Fault {

  final int status;
  final String retryAfter;
  final String body;
  final String contentType;
  final CountDownLatch holdUntil;

  private Fault(int status, String retryAfter, String body, String contentType,
      CountDownLatch holdUntil) {
    this.status = status;
    this.retryAfter = retryAfter;
    this.body = body;
    this.contentType = contentType;
    this.holdUntil = holdUntil;
  }

  public static Fault status(int status) {
    return new Fault(status, null, "{\"error\":\"scripted\"}", "application/json", null);
  }

  /** A status with {@code Retry-After: <value>} (delay-seconds or an HTTP date). */
  public static Fault status(int status, String retryAfter) {
    return new Fault(status, retryAfter, "{\"error\":\"slow down\"}", "application/json", null);
  }

  /** A 200 with this body instead of the page. */
  public static Fault body(String body, String contentType) {
    return new Fault(200, null, body, contentType, null);
  }

  /** The normal response: lets one request through, so the faults after it hit later requests. */
  public static Fault pass() {
    return new Fault(0, null, null, null, null);
  }

  /** The normal response, sent only once {@code release} counts down (or after 30 s). */
  public static Fault holdUntil(CountDownLatch release) {
    return new Fault(0, null, null, null, release);
  }

  boolean replacesResponse() {
    return status != 0;
  }
}
