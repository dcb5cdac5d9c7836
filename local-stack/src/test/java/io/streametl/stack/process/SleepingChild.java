package io.streametl.stack.process;

/** A child JVM's main for process tests: waits until it is stopped. */
public final class SleepingChild {

  private SleepingChild() {}

  public static void main(String[] args) throws InterruptedException {
    Thread.sleep(Long.MAX_VALUE);
  }
}
