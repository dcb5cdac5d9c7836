package io.streametl.stack.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into an orderly stop: the shutdown hook asks the command to stop and then waits
 * (bounded) until the command has shut the stack down, because the JVM halts as soon as its
 * hooks return.
 */
final class ShutdownSignal {

  private static final Duration MAX_WAIT_FOR_COMMAND = Duration.ofSeconds(120);

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch commandFinished = new CountDownLatch(1);

  static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(signal::onShutdown, "streametl-cli-shutdown"));
    return signal;
  }

  /** Waits up to {@code timeout}; true once a stop was requested. */
  boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isStopRequested() {
    return stopRequested.getCount() == 0;
  }

  /** The command has cleaned up; the JVM may halt. */
  void finished() {
    commandFinished.countDown();
  }

  private void onShutdown() {
    stopRequested.countDown();
    try {
      commandFinished.await(MAX_WAIT_FOR_COMMAND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
