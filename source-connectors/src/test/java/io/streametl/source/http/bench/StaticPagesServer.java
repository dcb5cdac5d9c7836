package io.streametl.source.http.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local API whose pages are rendered once up front, so serving costs next to nothing and the
 * benchmark measures the client side: /{endpoint}?cursor=N returns page N as
 * {"data": [...], "meta": {"next_cursor": "N+1" or null}}.
 */
final class StaticPagesServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<byte[]> pages = new ArrayList<>();
  private final long bytes;

  private final long latencyMs;

  /** @param latencyMs how long each page takes to come, as from an API over a network */
  StaticPagesServer(int records, int pageSize, long latencyMs) throws IOException {
    this.latencyMs = latencyMs;
    ObjectMapper json = new ObjectMapper();
    Instant start = Instant.parse("2026-11-21T10:00:00Z");
    long total = 0;
    int pageCount = (records + pageSize - 1) / pageSize;
    for (int page = 0; page < pageCount; page++) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      ArrayNode data = body.putArray("data");
      for (int i = page * pageSize; i < Math.min(records, (page + 1) * pageSize); i++) {
        ObjectNode item = data.addObject();
        item.put("id", i + 1);
        item.put("name", "item-" + (i + 1));
        item.put("updated_at", start.plusSeconds(i).toString());
        item.put("amount", (i + 1) * 1.25);
        item.put("currency", "EUR");
        item.put("status", i % 3 == 0 ? "paid" : "open");
        item.putArray("tags").add("t" + i % 3).add("all");
        item.putObject("customer").put("id", "c-" + i % 1000).put("region", i % 2 == 0 ? "eu" : "us");
      }
      body.putObject("meta").put("next_cursor", page + 1 < pageCount ? Integer.toString(page + 1) : null);
      byte[] rendered = json.writeValueAsBytes(body);
      total += rendered.length;
      pages.add(rendered);
    }
    this.bytes = total;
    executor = Executors.newFixedThreadPool(16, r -> {
      Thread thread = new Thread(r, "static-pages");
      thread.setDaemon(true);
      return thread;
    });
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String endpoint) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + endpoint;
  }

  long bytes() {
    return bytes;
  }

  int pages() {
    return pages.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      int page = 0;
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.startsWith("cursor=")) {
            page = Integer.parseInt(pair.substring("cursor=".length()));
          }
        }
      }
      byte[] body = pages.get(page);
      if (latencyMs > 0) {
        try {
          Thread.sleep(latencyMs); // the simulated API's own time per page, not synchronisation
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
