package io.streametl.stack.cli;

import io.streametl.stack.LocalStackException;
import io.streametl.stack.demoapi.DemoApiServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code streametl demo-api}: the demo API on its own, for the compose stack (and anyone who
 * wants to point an HTTP source at it), growing as in the demo until stopped.
 * In a container it listens on {@code --bind 0.0.0.0}; its Link headers name the host the
 * client called, so other containers can page through every endpoint.
 */
final class DemoApiCommand {

  static final int SEED_ITEMS = 500;
  static final int NEW_ITEMS_PER_TICK = 10;
  static final int UPDATES_PER_TICK = 3;
  private static final Duration STATUS_INTERVAL = Duration.ofSeconds(30);

  private final DemoApiOptions options;
  private final ShutdownSignal shutdown;
  private final PrintStream out;

  DemoApiCommand(DemoApiOptions options, ShutdownSignal shutdown, PrintStream out) {
    this.options = options;
    this.shutdown = shutdown;
    this.out = out;
  }

  int run() throws InterruptedException {
    ScheduledExecutorService growth = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "streametl-demo-api-growth");
      thread.setDaemon(true);
      return thread;
    });
    try (DemoApiServer server = startServer()) {
      server.add(SEED_ITEMS);
      long interval = DemoApi.GROWTH_INTERVAL.toMillis();
      growth.scheduleAtFixedRate(() -> {
        server.add(NEW_ITEMS_PER_TICK);
        server.updateFirst(UPDATES_PER_TICK);
      }, interval, interval, TimeUnit.MILLISECONDS);
      out.println("Demo API on http://" + options.bind() + ":" + options.port() + "/api ("
          + String.join(", ", DemoApiServer.ENDPOINTS) + "), bearer token required; "
          + NEW_ITEMS_PER_TICK + " new items and " + UPDATES_PER_TICK + " updates per collection"
          + " every " + DemoApi.GROWTH_INTERVAL.toSeconds() + " s. Ctrl-C stops.");
      while (!shutdown.awaitStop(STATUS_INTERVAL)) {
        out.println("demo-api: " + server.totalVersions() + " item versions");
      }
      out.println("Stopped.");
      return StreamEtlCli.OK;
    } finally {
      growth.shutdownNow();
    }
  }

  private DemoApiServer startServer() {
    try {
      return new DemoApiServer(options.token(), options.bind(), options.port());
    } catch (BindException e) {
      throw new LocalStackException("Port " + options.port() + " on " + options.bind()
          + " for the demo API is in use; choose another with --port.", e);
    } catch (IOException e) {
      throw new LocalStackException("Could not start the demo API on " + options.bind() + ":"
          + options.port() + ": " + e.getMessage(), e);
    }
  }
}
