package io.streametl.source.http.client;

/** How the task waits (for a rate limit, a retry, the next sync); tests advance a fake clock. */
public interface Sleeper {

  /** Waits up to {@code millis}, returning early once {@link #wakeUp()} has been called. */
  void sleep(long millis) throws InterruptedException;

  /** Ends the current and every later wait at once; called when the task stops. */
  void wakeUp();
}
