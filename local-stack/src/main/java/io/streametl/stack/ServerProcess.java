package io.streametl.stack;

import io.streametl.stack.process.JavaProcess;
import java.time.Duration;

/**
 * A server of the stack in its own JVM (the Kafka broker, the MQTT broker): start and wait until
 * it serves, stop gracefully, kill hard, restart. Subclasses say how to prepare a launch and how
 * to tell that the server is ready.
 */
abstract class ServerProcess {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  protected final JavaProcess process;

  protected ServerProcess(JavaProcess process) {
    this.process = process;
  }

  /** The operating system's process id of the server's JVM, for CPU accounting. */
  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Starts the server and waits until it serves. */
  public synchronized void start() {
    launch();
    awaitReady();
  }

  /** Graceful stop (its shutdown hooks run; SIGKILL after 30 s): the server shuts down in order. */
  public synchronized void stop() {
    process.stop(STOP_GRACE);
  }

  /** Hard stop (SIGKILL): the next start recovers as after a crash. */
  public synchronized void kill() {
    process.kill();
  }

  public synchronized void restart() {
    stop();
    start();
  }

  /** Starts the process without waiting for it to serve. */
  synchronized void launch() {
    beforeLaunch();
    process.start();
  }

  /** Work before every launch (e.g. formatting storage on first start); nothing by default. */
  protected void beforeLaunch() {}

  abstract void awaitReady();

  void requestStop() {
    process.requestStop();
  }

  void awaitExit(Duration grace) {
    process.awaitExit(grace);
  }
}
