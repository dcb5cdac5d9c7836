package io.streametl.source.http.client;

import java.io.IOException;

/** Sends requests; the JDK client in production, fakes in unit tests. */
public interface Transport {

  /**
   * @throws IOException on timeouts and connection errors (retriable)
   * @throws InterruptedException when the task stops while waiting
   */
  ApiResponse send(HttpRequestSpec request) throws IOException, InterruptedException;

  /** Ends the request in flight (if any) and every later one: the task is stopping. */
  void abort();
}
