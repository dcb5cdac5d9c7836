package io.streametl.stack.cli;

import io.streametl.stack.LocalStackException;
import io.streametl.stack.demoapi.DemoApiServer;
import java.io.IOException;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's API for the HTTP source: the demo API server behind a random bearer token (handed to
 * the workers as ${env:STREAMETL_API_TOKEN}), seeded with items, gaining new items and new
 * versions of old ones every few seconds so the source's incremental sync has work.
 */
final class DemoApi implements AutoCloseable {

  static final String TOKEN_ENV = "STREAMETL_API_TOKEN";
  static final Duration GROWTH_INTERVAL = Duration.ofSeconds(2);
  static final int SEED_ITEMS = 500;
  static final int NEW_ITEMS_PER_TICK = 10;
  static final int UPDATES_PER_TICK = 3;

  private final DemoApiServer server;
  private final String token;
  private final ScheduledExecutorService growth;

  private DemoApi(DemoApiServer server, String token) {
    this.server = server;
    this.token = token;
    this.growth = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "streametl-demo-api-growth");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** For the demo: on loopback, behind a random token. */
  static DemoApi start(int port) {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    return start("demo-" + HexFormat.of().formatHex(secret), "127.0.0.1", port, "it is the port"
        + " connect-configs/http-api-source.json calls; stop what uses it and try again");
  }

  /**
   * Seeded and growing every {@link #GROWTH_INTERVAL}.
   *
   * @param whenInUse what to do about a port in use, for the message
   */
  static DemoApi start(String token, String bindAddress, int port, String whenInUse) {
    DemoApiServer server;
    try {
      server = new DemoApiServer(token, bindAddress, port);
    } catch (BindException e) {
      throw new LocalStackException("Port " + port + " on " + bindAddress + " for the demo API is"
          + " in use: " + whenInUse + ".", e);
    } catch (IOException e) {
      throw new LocalStackException("Could not start the demo API on " + bindAddress + ":" + port
          + ": " + e.getMessage(), e);
    }
    server.add(SEED_ITEMS);
    DemoApi api = new DemoApi(server, token);
    api.growth.scheduleAtFixedRate(() -> {
      server.add(NEW_ITEMS_PER_TICK);
      server.updateFirst(UPDATES_PER_TICK);
    }, GROWTH_INTERVAL.toMillis(), GROWTH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return api;
  }

  DemoApiServer server() {
    return server;
  }

  String token() {
    return token;
  }

  @Override
  public void close() {
    growth.shutdownNow();
    server.close();
  }
}
