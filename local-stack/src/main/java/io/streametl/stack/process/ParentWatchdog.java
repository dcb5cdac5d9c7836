package io.streametl.stack.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM of the local stack: {@code ParentWatchdog <real main> [args]}.
 * It ties the child's life to its parent and then runs the real main (kafka.Kafka or
 * ConnectDistributed) unchanged, so the broker and the workers stay vanilla.
 *
 * <p>Two things it does, both because the parent owns the lifecycle:
 *
 * <ul>
 *   <li>When the parent dies, even by SIGKILL, the kernel closes the pipe on the child's stdin. The
 *       watchdog sees end-of-file, exits (running Kafka's own shutdown hooks) and halts if that
 *       takes longer than {@link #EXIT_DEADLINE_MILLIS}: no orphaned broker keeps a port.
 *   <li>It ignores SIGINT. Ctrl-C in a terminal reaches the whole process group; if the broker
 *       stopped on its own at the same time as the workers, the workers would hang on a broker
 *       that is already gone. The parent stops the workers first, then the broker, with SIGTERM.
 * </ul>
 *
 * <p>This class is copied alone into a one-class jar on the child's class path, so it must not
 * use other classes of this project or have nested classes.
 */
public final class ParentWatchdog {

  static final long EXIT_DEADLINE_MILLIS = 10_000;

  private ParentWatchdog() {}

  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      System.err.println("Usage: ParentWatchdog <main class> [arguments...]");
      System.exit(2);
    }
    ignoreInterruptSignal();
    Thread watcher = new Thread(ParentWatchdog::exitWhenParentIsGone, "streametl-parent-watchdog");
    watcher.setDaemon(true);
    watcher.start();

    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void exitWhenParentIsGone() {
    byte[] buffer = new byte[256];
    try (InputStream in = System.in) {
      while (in.read(buffer) != -1) {
        // The parent never writes; anything read is ignored. Only end-of-file matters.
      }
    } catch (IOException e) {
      // A broken pipe means the same as end-of-file: the parent is gone.
    }
    System.err.println("StreamETL local stack: parent process is gone (stdin closed); shutting down.");
    Thread halter = new Thread(ParentWatchdog::haltAfterDeadline, "streametl-watchdog-halt");
    halter.setDaemon(true);
    halter.start();
    System.exit(3);
  }

  private static void haltAfterDeadline() {
    try {
      Thread.sleep(EXIT_DEADLINE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(4);
  }

  /**
   * Calls {@code sun.misc.Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN)} reflectively:
   * the class lives in jdk.unsupported and a direct reference makes javac warn on every build. If
   * it is missing, the child simply keeps the default Ctrl-C behaviour.
   */
  private static void ignoreInterruptSignal() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object ignore = handlerClass.getField("SIG_IGN").get(null);
      Object interrupt = signalClass.getConstructor(String.class).newInstance("INT");
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, interrupt, ignore);
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("StreamETL local stack: could not ignore SIGINT (" + e + "); Ctrl-C will"
          + " stop this process directly.");
    }
  }
}
