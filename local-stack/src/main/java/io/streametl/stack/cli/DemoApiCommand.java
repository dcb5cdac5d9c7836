package io.streametl.stack.cli;

import io.streametl.stack.demoapi.DemoApiServer;
import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code streametl demo-api}: the demo API on its own, for the compose stack (and anyone who
 * wants to point an HTTP source at it), growing as in the demo until stopped.
 *
 * <p>In a container it listens on {@code --bind 0.0.0.0}; its Link headers name the host the
 * client called, so other containers can page through every endpoint.
 */
final class DemoApiCommand {

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
    try (DemoApi api = DemoApi.start(options.token(), options.bind(), options.port(),
        "choose another with --port")) {
      out.println("Demo API on http://" + options.bind() + ":" + options.port() + "/api ("
          + String.join(", ", DemoApiServer.ENDPOINTS) + "), bearer token required; "
          + DemoApi.NEW_ITEMS_PER_TICK + " new items and " + DemoApi.UPDATES_PER_TICK
          + " updates per collection every " + DemoApi.GROWTH_INTERVAL.toSeconds()
          + " s. Ctrl-C stops.");
      while (!shutdown.awaitStop(STATUS_INTERVAL)) {
        out.println("demo-api: " + api.server().totalVersions() + " item versions");
      }
      out.println("Stopped.");
      return StreamEtlCli.OK;
    }
  }
}
