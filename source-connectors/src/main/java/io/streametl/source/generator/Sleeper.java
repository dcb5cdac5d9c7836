package io.streametl.source.generator;

/** How the task waits for its next event to be due; tests swap in one that advances a fake clock. */
interface Sleeper {

  /** Waits up to {@code millis}, returning early once {@link #wakeUp()} has been called. */
  void sleep(long millis) throws InterruptedException;

  /** Ends the current and every later wait at once; called when the task stops. */
  void wakeUp();
}
