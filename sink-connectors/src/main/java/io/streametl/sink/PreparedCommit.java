package io.streametl.sink;

/**
 * A commit cycle that the destination has sealed on the task thread: its rows are in files and
 * its offsets and state fixed, so the task can take the next cycle's records while this one is
 * published on another thread (a commit to a catalog takes tens to hundreds of milliseconds, and
 * the task thread would otherwise wait for it every cycle).
 */
public interface PreparedCommit {

  /** A cycle that {@link EventDestination#prepare} already committed on the task thread. */
  PreparedCommit DONE = new PreparedCommit() {
    @Override
    public void publish() {}

    @Override
    public void published() {}

    @Override
    public RuntimeException failed(RuntimeException error) {
      return error;
    }
  };

  /**
   * Makes the cycle's rows visible with its offsets, atomically as the destination defines it.
   * Runs on any thread and touches nothing the task thread uses.
   *
   * @throws ConcurrentCommitException if another writer moved the destination's offsets
   */
  void publish();

  /** On the task thread, after {@link #publish()} returned: the destination takes note of what it now holds. */
  void published();

  /**
   * On the task thread, after {@link #publish()} threw: brings the destination back to what it
   * holds and returns the error for the task to handle (for a {@link ConcurrentCommitException},
   * one that carries the offsets to resume from).
   */
  RuntimeException failed(RuntimeException error);
}
