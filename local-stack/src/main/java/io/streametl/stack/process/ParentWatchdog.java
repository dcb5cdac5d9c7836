package io.streametl.stack.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of every child JVM of the local stack: {@code ParentWatchdog <real main> [args]}.
 * It ties the child's life to its parent and then runs the real main (kafka.Kafka or
 * ConnectDistributed) unchanged, so the broker and the workers stay vanilla.
 *
 * <p>The parent owns the lifecycle, and the child's stdin is the line between them:
 *
 * <ul>
 *   <li>The parent stops the child by writing to that pipe ({@link #STOP_ORDER}): the child exits
 *       with its shutdown hooks (Kafka's and Connect's own), as on SIGTERM.
 *   <li>When the parent dies, even by SIGKILL, the kernel closes the pipe. The watchdog sees
 *       end-of-file, exits, and halts if that takes longer than {@link #EXIT_DEADLINE_MILLIS}: no
 *       orphaned broker keeps a port.
 *   <li>Signals to the whole process group do not stop the child on their own. Ctrl-C in a
 *       terminal (SIGINT), {@code timeout}, a closed terminal (SIGHUP) and process managers such
 *       as systemd (SIGTERM) signal every process of the group. Had the broker stopped at once with
 *       the workers, every task's graceful stop would time out on a broker that is already gone.
 *       SIGINT is ignored. SIGTERM and SIGHUP wait up to {@link #TERMINATION_GRACE_MILLIS} for the
 *       parent, which got the signal too and stops the workers first, then the brokers; after
 *       that the child exits by itself, so a signal sent to the child alone still stops it.
 * </ul>
 *
 * <p>This class is copied alone into a one-class jar on the child's class path, so it must not
 * use other classes of this project or have nested classes.
 */
public final class ParentWatchdog {

  static final long EXIT_DEADLINE_MILLIS = 10_000;
  /** The line the parent writes to the child's stdin to stop it in order. */
  public static final String STOP_ORDER = "stop\n";
  static final long TERMINATION_GRACE_MILLIS = 30_000;
  /** Overrides {@link #TERMINATION_GRACE_MILLIS} (tests). */
  static final String TERMINATION_GRACE_PROPERTY = "streametl.watchdog.termination.grace.ms";
  /** The exit code after SIGTERM, as the JVM's own handler would give (128 + 15). */
  static final int TERMINATED_EXIT_CODE = 143;

  /** Released when the parent ordered the stop or is gone: a pending signal need not wait. */
  private static final CountDownLatch PARENT_DECIDED = new CountDownLatch(1);

  private ParentWatchdog() {}

  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      System.err.println("Usage: ParentWatchdog <main class> [arguments...]");
      System.exit(2);
    }
    ignoreInterruptSignal();
    deferToParent("TERM");
    deferToParent("HUP");
    Thread watcher = new Thread(ParentWatchdog::watchParent, "streametl-parent-watchdog");
    watcher.setDaemon(true);
    watcher.start();

    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Exits on the parent's stop order, or when the parent is gone (end of stdin). */
  private static void watchParent() {
    byte[] buffer = new byte[256];
    try (InputStream in = System.in) {
      // The parent writes nothing but the stop order: any byte is that order.
      if (in.read(buffer) > 0) {
        PARENT_DECIDED.countDown();
        System.exit(0);
        return;
      }
    } catch (IOException e) {
      // A broken pipe means the same as end-of-file: the parent is gone.
    }
    PARENT_DECIDED.countDown();
    System.err.println("StreamETL local stack: parent process is gone (stdin closed); shutting down.");
    Thread halter = new Thread(ParentWatchdog::haltAfterDeadline, "streametl-watchdog-halt");
    halter.setDaemon(true);
    halter.start();
    System.exit(3);
  }

  /** On the signal, waits for the parent's order (see the class comment), then exits anyway. */
  private static void onTerminationSignal(String signal) {
    long graceMillis = Long.getLong(TERMINATION_GRACE_PROPERTY, TERMINATION_GRACE_MILLIS);
    System.err.println("StreamETL local stack: SIG" + signal + " received; waiting up to "
        + graceMillis / 1000 + " s for the streametl command to stop this process in order.");
    try {
      if (PARENT_DECIDED.await(graceMillis, TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.err.println("StreamETL local stack: no stop order within " + graceMillis / 1000
        + " s after SIG" + signal + "; shutting down.");
    System.exit(TERMINATED_EXIT_CODE);
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
   * Ignores SIGINT ({@code SignalHandler.SIG_IGN}). If that fails, the child simply keeps the
   * default Ctrl-C behaviour.
   */
  private static void ignoreInterruptSignal() {
    try {
      handle("INT", handlerClass().getField("SIG_IGN").get(null));
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("StreamETL local stack: could not ignore SIGINT (" + e + "); Ctrl-C will"
          + " stop this process directly.");
    }
  }

  /**
   * Handles {@code signal} with {@link #onTerminationSignal} on a thread of its own (the JVM's
   * signal thread must not block). If that fails, the signal keeps the JVM's default: an immediate
   * shutdown.
   */
  private static void deferToParent(String signal) {
    try {
      Class<?> handlerClass = handlerClass();
      Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(),
          new Class<?>[] {handlerClass}, (proxy, method, args) -> {
            switch (method.getName()) {
              case "handle":
                Thread waiter = new Thread(() -> onTerminationSignal(signal),
                    "streametl-watchdog-sig" + signal.toLowerCase(Locale.ROOT));
                waiter.setDaemon(true);
                waiter.start();
                return null;
              case "equals":
                return proxy == args[0];
              case "hashCode":
                return System.identityHashCode(proxy);
              default:
                return "SIG" + signal + " handler of the StreamETL watchdog";
            }
          });
      handle(signal, handler);
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("StreamETL local stack: could not defer SIG" + signal + " to the parent ("
          + e + "); the signal stops this process directly.");
    }
  }

  /**
   * Calls {@code sun.misc.Signal.handle(new Signal(signal), handler)} reflectively: the class
   * lives in jdk.unsupported and a direct reference makes javac warn on every build.
   */
  private static void handle(String signal, Object handler) throws ReflectiveOperationException {
    Class<?> signalClass = Class.forName("sun.misc.Signal");
    Object toHandle = signalClass.getConstructor(String.class).newInstance(signal);
    signalClass.getMethod("handle", signalClass, handlerClass()).invoke(null, toHandle, handler);
  }

  private static Class<?> handlerClass() throws ClassNotFoundException {
    return Class.forName("sun.misc.SignalHandler");
  }
}
