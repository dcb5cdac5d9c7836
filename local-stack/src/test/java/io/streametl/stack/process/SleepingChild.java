package io.streametl.stack.process;

/**
 * A child JVM's main for process tests: says it started, then waits until it is stopped. Its
 * shutdown hook prints a line, so a test can tell an orderly exit from a halt or a kill.
 */
public final class SleepingChild {

  static final String STARTED = "sleeping child started";
  static final String HOOK_RAN = "sleeping child shutdown hook ran";

  private SleepingChild() {}

  public static void main(String[] args) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(HOOK_RAN)));
    System.out.println(STARTED);
    Thread.sleep(Long.MAX_VALUE);
  }
}
