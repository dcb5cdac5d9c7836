package io.streametl.sink.iceberg;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink task's own executor for the manifest work Iceberg runs in parallel during a commit
 * (filtering and merging manifests), in place of Iceberg's JVM-wide worker pool.
 *
 * <p>The task owns it and shuts it down when it closes, so no JVM shutdown hook can close it
 * under a commit still under way. Its threads are daemons, named for the task, and end after a
 * minute idle: a task that commits every few minutes keeps no threads between commits.
 */
final class TaskWorkerPool {

  private static final int MAX_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());
  private static final long IDLE_SECONDS = 60;

  private TaskWorkerPool() {}

  static ExecutorService create(String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, namePrefix + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
