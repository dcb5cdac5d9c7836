package io.streametl.stack.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP server that answers canned Connect REST responses, to test the client's side of the
 * wire contract (paths, bodies, status handling) without a worker. The real API is covered by
 * the end-to-end tests against real workers.
 */
final class FakeConnectRestServer implements AutoCloseable {

  record Response(int status, String body) {}

  record Request(String method, String path, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Response>> responses = new ConcurrentHashMap<>();
  private final List<Request> requests = new ArrayList<>();

  FakeConnectRestServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues answers for "METHOD /path?query"; the last one repeats. */
  FakeConnectRestServer on(String methodAndPath, Response... answers) {
    responses.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).addAll(List.of(answers));
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? ""
            : "?" + exchange.getRequestURI().getRawQuery());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (this) {
      requests.add(new Request(exchange.getRequestMethod(), path, body));
    }
    Deque<Response> queue = responses.get(exchange.getRequestMethod() + " " + path);
    Response response = queue == null ? new Response(404,
        "{\"error_code\":404,\"message\":\"Unknown path\"}")
        : queue.size() > 1 ? queue.poll() : queue.peek();
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
