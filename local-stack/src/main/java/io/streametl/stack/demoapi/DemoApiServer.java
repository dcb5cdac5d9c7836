package io.streametl.stack.demoapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo API: a paginated JSON API (on 127.0.0.1 unless told otherwise) that the HTTP source
 * on the Connect workers (separate processes) calls, used by the demo (connect-configs/http-api-source.json) and by the
 * end-to-end tests: one collection per endpoint, each served in its own pagination style, filtered
 * by updated_since, behind a bearer token. Items only gain versions (an update is a new version
 * with a later updated_at), so the set of versions ever served is known exactly. Changes are one
 * second apart, so the connector's 5 s overlap window holds a handful of records.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>/api/orders</td><td>cursor: {"data": [...], "meta": {"next_cursor": ...}}</td></tr>
 *   <tr><td>/api/customers</td><td>a plain array; Link rel="next"</td></tr>
 *   <tr><td>/api/invoices</td><td>page number: a plain array, ?page=&amp;limit=</td></tr>
 *   <tr><td>/api/events</td><td>next URL: {"items": [...], "links": {"next": ...}}</td></tr>
 * </table>
 */
public final class DemoApiServer implements AutoCloseable {

  public static final List<String> ENDPOINTS = List.of("orders", "customers", "invoices", "events");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  private record Item(long id, int version, Instant updatedAt) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final String token;
  private final Map<String, Map<Long, Item>> collections = new LinkedHashMap<>();
  private final Set<String> called = new HashSet<>();
  private final Map<String, Set<String>> served = new HashMap<>();
  private long tick;

  /** On a free port. */
  public DemoApiServer(String token) throws IOException {
    this(token, 0);
  }

  /**
   * @param token the bearer token every request must carry
   * @param port the port on 127.0.0.1 (0: a free one)
   */
  public DemoApiServer(String token, int port) throws IOException {
    this(token, "127.0.0.1", port);
  }

  /**
   * @param token the bearer token every request must carry
   * @param bindAddress the address to listen on: 127.0.0.1, or 0.0.0.0 in a container that other
   *     containers call
   * @param port the port (0: a free one)
   */
  public DemoApiServer(String token, String bindAddress, int port) throws IOException {
    this.token = token;
    ENDPOINTS.forEach(name -> collections.put(name, new LinkedHashMap<>()));
    server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
    server.setExecutor(executor);
    server.createContext("/api/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  /**
   * The base URL as the client called it (its Host header), as real APIs write their Link
   * headers: a client in another container calls this server by a name the server cannot know.
   */
  private String calledBase(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    return host == null || host.isBlank() ? baseUrl() : "http://" + host + "/api";
  }

  /** Adds {@code count} items to every collection. */
  public synchronized void add(int count) {
    for (Map<Long, Item> items : collections.values()) {
      long next = items.size() + 1;
      for (int i = 0; i < count; i++) {
        items.put(next + i, new Item(next + i, 1, START.plusSeconds(tick++)));
      }
    }
  }

  /**
   * Gives items {@code 1..count} of the collections paged by keyset (all but invoices) a new
   * version. An update moves an item to the end of the updated_at order; under page numbers that
   * would shift every later page while a sync runs, and any client would skip items (see the
   * HTTP source's decision record), so invoices only grow.
   */
  public synchronized void updateFirst(int count) {
    for (Map.Entry<String, Map<Long, Item>> collection : collections.entrySet()) {
      if (collection.getKey().equals("invoices")) {
        continue;
      }
      Map<Long, Item> items = collection.getValue();
      for (long id = 1; id <= count; id++) {
        Item old = items.get(id);
        items.put(id, new Item(id, old.version() + 1, START.plusSeconds(tick++)));
      }
    }
  }

  /** How many item versions the collections hold together (what a full sync delivers). */
  public synchronized long totalVersions() {
    long total = 0;
    for (Map<Long, Item> items : collections.values()) {
      for (Item item : items.values()) {
        total += item.version();
      }
    }
    return total;
  }

  private synchronized void markServed(String endpoint, Item item) {
    served.computeIfAbsent(endpoint, e -> new HashSet<>()).add(item.id() + "@" + item.version());
  }

  /**
   * How many distinct item versions the endpoint has sent in responses so far: what a source
   * that delivers each version exactly once has written. An item updated twice between two syncs
   * is only ever served in its newest version, so this can be less than {@link #versions}.
   */
  public synchronized int servedVersions(String endpoint) {
    return served.getOrDefault(endpoint, Set.of()).size();
  }

  /** Every "id@version" ever stored in the collection. */
  public synchronized Set<String> versions(String endpoint) {
    Set<String> versions = new HashSet<>();
    for (Item item : collections.get(endpoint).values()) {
      for (int v = 1; v <= item.version(); v++) {
        versions.add(item.id() + "@" + v);
      }
    }
    return versions;
  }

  /** Whether every endpoint has been asked for at least one page. */
  public synchronized boolean everyEndpointCalled() {
    return called.containsAll(ENDPOINTS);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String endpoint = exchange.getRequestURI().getPath().substring("/api/".length());
      if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, "{\"error\":\"unauthorized\"}");
        return;
      }
      if (!collections.containsKey(endpoint)) {
        send(exchange, 404, "{\"error\":\"no such endpoint\"}");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      List<Item> items = matching(endpoint, query.get("updated_since"));
      int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
      switch (endpoint) {
        case "orders": {
          List<Item> page = after(items, query.get("cursor"), limit);
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          body.set("data", json(endpoint, page));
          String next = hasMore(items, page) ? key(page.get(page.size() - 1)) : null;
          body.putObject("meta").put("next_cursor", next);
          send(exchange, 200, JSON.writeValueAsString(body));
          break;
        }
        case "customers": {
          List<Item> page = after(items, query.get("after"), limit);
          if (hasMore(items, page)) {
            exchange.getResponseHeaders().set("Link", "<" + calledBase(exchange) + "/customers?"
                + with(query, "after", key(page.get(page.size() - 1))) + ">; rel=\"next\"");
          }
          send(exchange, 200, JSON.writeValueAsString(json(endpoint, page)));
          break;
        }
        case "invoices": {
          int number = Integer.parseInt(query.getOrDefault("page", "1"));
          int from = Math.min((number - 1) * limit, items.size());
          send(exchange, 200, JSON.writeValueAsString(json(endpoint,
              items.subList(from, Math.min(from + limit, items.size())))));
          break;
        }
        default: {
          List<Item> page = after(items, query.get("after"), limit);
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          body.set("items", json(endpoint, page));
          body.putObject("links").put("next", hasMore(items, page)
              ? "/api/events?" + with(query, "after", key(page.get(page.size() - 1))) : null);
          send(exchange, 200, JSON.writeValueAsString(body));
        }
      }
    }
  }

  private synchronized List<Item> matching(String endpoint, String since) {
    called.add(endpoint);
    Instant from = since == null || since.isEmpty() ? Instant.MIN : Instant.parse(since);
    List<Item> items = new ArrayList<>();
    for (Item item : collections.get(endpoint).values()) {
      if (!item.updatedAt().isBefore(from)) {
        items.add(item);
      }
    }
    items.sort(Comparator.comparing(Item::updatedAt).thenComparingLong(Item::id));
    return items;
  }

  private static boolean hasMore(List<Item> items, List<Item> page) {
    return !page.isEmpty() && items.indexOf(page.get(page.size() - 1)) < items.size() - 1;
  }

  /** Keyset pagination on (updated_at, id): stable while items are added and updated. */
  private static List<Item> after(List<Item> items, String key, int limit) {
    int start = 0;
    if (key != null && !key.isEmpty()) {
      String[] parts = key.split("_");
      Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
      long id = Long.parseLong(parts[1]);
      while (start < items.size() && (items.get(start).updatedAt().isBefore(at)
          || items.get(start).updatedAt().equals(at) && items.get(start).id() <= id)) {
        start++;
      }
    }
    return items.subList(start, Math.min(start + limit, items.size()));
  }

  private static String key(Item item) {
    return item.updatedAt().toEpochMilli() + "_" + item.id();
  }

  private ArrayNode json(String endpoint, List<Item> items) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Item item : items) {
      markServed(endpoint, item);
      ObjectNode node = array.addObject();
      node.put("id", item.id());
      node.put("version", item.version());
      node.put("updated_at", item.updatedAt().toString());
      node.put("name", endpoint + "-" + item.id());
      node.put("amount", item.id() * 1.5);
    }
    return array;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static String with(Map<String, String> query, String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(query);
    next.put(name, value);
    List<String> pairs = new ArrayList<>();
    next.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
