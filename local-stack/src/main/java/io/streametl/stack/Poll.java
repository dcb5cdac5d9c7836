package io.streametl.stack;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits for a condition by checking it repeatedly. Used for every readiness wait of the stack so
 * that nothing depends on a fixed sleep; a check may throw to fail fast (a process that died).
 */
public final class Poll {

  private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

  private Poll() {}

  /** One attempt at the condition: a value when it holds, empty when it does not hold yet. */
  @FunctionalInterface
  public interface Check<T> {
    Optional<T> attempt() throws Exception;
  }

  /** Thrown by a check to stop waiting at once: the condition can no longer become true. */
  public static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Abort(RuntimeException cause) {
      super(cause);
    }

    RuntimeException reason() {
      return (RuntimeException) getCause();
    }
  }

  public static <T> T until(String what, Duration timeout, Check<T> check) {
    return until(what, timeout, DEFAULT_INTERVAL, check);
  }

  /**
   * Returns the first value the check yields. Exceptions other than {@link Abort} count as "not
   * yet" (the service may still be starting) and the last one is reported on timeout.
   */
  public static <T> T until(String what, Duration timeout, Duration interval, Check<T> check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastProblem = "the condition never held";
    while (true) {
      try {
        Optional<T> value = check.attempt();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (Abort abort) {
        throw abort.reason();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalStackException("Interrupted while waiting for " + what, e);
      } catch (Exception e) {
        lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new LocalStackException("Timed out after " + timeout.toSeconds() + " s waiting for "
            + what + " (last: " + lastProblem + ")");
      }
      pause(interval, what);
    }
  }

  private static void pause(Duration interval, String what) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalStackException("Interrupted while waiting for " + what, e);
    }
  }
}
