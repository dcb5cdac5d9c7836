package io.streametl.sink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task's prepared commits, one at a time, off the task thread: while the catalog commit of
 * one cycle is under way, the task thread converts and writes the next cycle's records.
 */
final class CommitPublisher implements AutoCloseable {

  private final ExecutorService executor;   // null: publish on the calling thread

  private CommitPublisher(ExecutorService executor) {
    this.executor = executor;
  }

  /** Publishes on a thread of its own, named for the task (shows in thread dumps and profiles). */
  static CommitPublisher background(String threadName) {
    return new CommitPublisher(Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    }));
  }

  /** Publishes before {@link #submit} returns: every cycle waits for its commit. */
  static CommitPublisher onCallingThread() {
    return new CommitPublisher(null);
  }

  CompletableFuture<Void> submit(PreparedCommit prepared) {
    if (executor == null) {
      try {
        prepared.publish();
        return CompletableFuture.completedFuture(null);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return CompletableFuture.runAsync(prepared::publish, executor);
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
