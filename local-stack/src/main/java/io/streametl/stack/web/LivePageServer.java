package io.streametl.stack.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's live page on localhost: a static page ({@code /}, {@code /live.js},
 * {@code /live.css}) that polls {@code /api/status} every 2 s and draws the figures. The page is
 * plain HTML, CSS and JavaScript with hand-drawn SVG charts: nothing to build, nothing fetched
 * from the internet, so it works offline and on any browser.
 */
public final class LivePageServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LivePageServer.class);
  private static final String RESOURCES = "/io/streametl/stack/web/";
  private static final Map<String, String> STATIC = Map.of(
      "/", "index.html",
      "/index.html", "index.html",
      "/live.js", "live.js",
      "/live.css", "live.css");
  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8");

  private static final String TEXT = "text/plain; charset=utf-8";

  private final ObjectMapper json = new ObjectMapper();
  private final Supplier<LiveStatus> status;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "streametl-live-page");
    thread.setDaemon(true);
    return thread;
  });

  private LivePageServer(int port, Supplier<LiveStatus> status) throws IOException {
    this.status = status;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Serves the page on {@code port} of the loopback interface (0: any free port).
   *
   * @param status the figures to serve; called once per request, so it should return what was
   *     last sampled rather than sample itself
   */
  public static LivePageServer start(int port, Supplier<LiveStatus> status) {
    try {
      LivePageServer page = new LivePageServer(port, status);
      page.server.start();
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serve the live page on port " + port
          + " (choose another with --web-port)", e);
    }
  }

  public URI url() {
    return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, TEXT, "Only GET is served here.\n".getBytes(StandardCharsets.UTF_8));
      } else if ("/api/status".equals(path)) {
        byte[] body;
        try {
          body = json.writeValueAsBytes(status.get());
        } catch (RuntimeException e) {
          // The page shows the error and polls again; the demo goes on.
          LOG.warn("The live page could not read the demo's status", e);
          send(exchange, 500, TEXT, ("No status: " + e + "\n").getBytes(StandardCharsets.UTF_8));
          return;
        }
        send(exchange, 200, "application/json", body);
      } else if (STATIC.containsKey(path)) {
        String file = STATIC.get(path);
        send(exchange, 200, CONTENT_TYPES.get(file.substring(file.lastIndexOf('.') + 1)),
            resource(file));
      } else {
        send(exchange, 404, TEXT, ("No " + path + " here; the live page is at /\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static byte[] resource(String file) throws IOException {
    try (InputStream in = LivePageServer.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new IOException("The live page's " + file + " is missing from the classpath");
      }
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange exchange, int code, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    // Every poll must see the latest figures, never a cached answer.
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
