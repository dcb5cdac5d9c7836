package io.streametl.source.http.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A fake REST API over a {@link Dataset}, on 127.0.0.1, serving the same items in every
 * pagination style real APIs use, with authentication and scripted faults. Only the JDK's HTTP
 * server and Jackson: it can move to the local stack as the demo API.
 *
 * <table>
 *   <caption>Routes (GET unless noted); all take updated_since (ISO-8601, inclusive) and since_id</caption>
 *   <tr><td>/items/all</td><td>a plain array of every item</td></tr>
 *   <tr><td>/items/page?page=1&amp;per_page=20</td><td>a plain array, page by number</td></tr>
 *   <tr><td>/items/offset?offset=0&amp;limit=20</td><td>{"results": [...], "total": n}</td></tr>
 *   <tr><td>/items/cursor?cursor=&amp;limit=20</td><td>{"data": [...], "meta": {"next_cursor", "has_more"}}</td></tr>
 *   <tr><td>/items/next?after=&amp;limit=20</td><td>{"items": [...], "links": {"next": relative URL or null}}</td></tr>
 *   <tr><td>/items/link?after=&amp;limit=20</td><td>a plain array; RFC 8288 Link rel="next"</td></tr>
 *   <tr><td>/items/nested?page=&amp;per_page=</td><td>{"data": {"groups": [{"name", "items": [...]}]}}</td></tr>
 *   <tr><td>/items/desc?page=&amp;per_page=</td><td>pages of a plain array, newest first</td></tr>
 *   <tr><td>POST /items/search?page=&amp;per_page=</td><td>body {"updated_since": ...}; a plain array</td></tr>
 *   <tr><td>POST /oauth/token</td><td>client credentials grant</td></tr>
 * </table>
 */
public final class FakeApiServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  public static final int DEFAULT_PAGE_SIZE = 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Dataset dataset;
  private final Map<String, Deque<Fault>> faults = new LinkedHashMap<>();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final FakeAuth auth = new FakeAuth();

  private FakeApiServer(HttpServer server, Dataset dataset) {
    this.server = server;
    this.dataset = dataset;
    this.executor = Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "fake-api");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeApiServer start(Dataset dataset) throws IOException {
    return new FakeApiServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), dataset);
  }

  /** An HTTPS server; with {@code needClientAuth}, clients must present a trusted certificate. */
  public static FakeApiServer startHttps(Dataset dataset, SSLContext context, boolean needClientAuth)
      throws IOException {
    HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters ssl = context.getDefaultSSLParameters();
        ssl.setNeedClientAuth(needClientAuth);
        params.setSSLParameters(ssl);
      }
    });
    return new FakeApiServer(https, dataset);
  }

  public String baseUrl() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  public String url(String pathAndQuery) {
    return baseUrl() + pathAndQuery;
  }

  public Dataset dataset() {
    return dataset;
  }

  public FakeAuth auth() {
    return auth;
  }

  /** Queues faults for the next requests whose path starts with {@code pathPrefix}, in order. */
  public synchronized FakeApiServer fault(String pathPrefix, Fault... scripted) {
    Deque<Fault> queue = faults.computeIfAbsent(pathPrefix, p -> new ArrayDeque<>());
    Collections.addAll(queue, scripted);
    return this;
  }

  private synchronized Fault nextFault(String path) {
    for (Map.Entry<String, Deque<Fault>> entry : faults.entrySet()) {
      if (path.startsWith(entry.getKey()) && !entry.getValue().isEmpty()) {
        return entry.getValue().poll();
      }
    }
    return null;
  }

  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
    return requests().stream().filter(filter).toList();
  }

  public List<RecordedRequest> requestsTo(String pathPrefix) {
    return requests(r -> r.path().startsWith(pathPrefix));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      RecordedRequest request = record(exchange);
      Fault fault = nextFault(request.path());
      if (fault != null && fault.replacesResponse()) {
        if (fault.retryAfter != null) {
          exchange.getResponseHeaders().set("Retry-After", fault.retryAfter);
        }
        send(exchange, fault.status, fault.contentType, fault.body.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (fault != null && fault.holdUntil != null) {
        try {
          fault.holdUntil.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (request.path().equals("/oauth/token")) {
        FakeAuth.Reply reply = auth.token(request);
        send(exchange, reply.status(), "application/json", json(reply.body()));
        return;
      }
      if (!auth.allows(request)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        send(exchange, 401, "application/json", json(JsonNodeFactory.instance.objectNode()
            .put("error", "unauthorized")));
        return;
      }
      route(exchange, request);
    } catch (RuntimeException e) {
      send(exchange, 500, "text/plain", ("fake API bug: " + e).getBytes(StandardCharsets.UTF_8));
    }
  }

  private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
    List<Dataset.Item> items = filter(dataset.items(), request);
    Map<String, String> q = request.query();
    switch (request.path()) {
      case "/items/all":
        send(exchange, 200, "application/json", json(array(items)));
        break;
      case "/items/page":
      case "/items/search":
        send(exchange, 200, "application/json", json(array(pageOf(items, q, "page", "per_page"))));
        break;
      case "/items/desc": {
        List<Dataset.Item> newestFirst = new ArrayList<>(items);
        Collections.reverse(newestFirst);
        send(exchange, 200, "application/json", json(array(pageOf(newestFirst, q, "page", "per_page"))));
        break;
      }
      case "/items/offset": {
        int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(q.getOrDefault("limit", Integer.toString(DEFAULT_PAGE_SIZE)));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("results", array(items.subList(Math.min(offset, items.size()),
            Math.min(offset + limit, items.size()))));
        body.put("total", items.size());
        send(exchange, 200, "application/json", json(body));
        break;
      }
      case "/items/cursor": {
        List<Dataset.Item> page = afterKey(items, q.get("cursor"), limit(q));
        boolean more = !page.isEmpty() && items.indexOf(page.get(page.size() - 1)) < items.size() - 1;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("data", array(page));
        ObjectNode meta = body.putObject("meta");
        meta.put("has_more", more);
        if (more) {
          meta.put("next_cursor", key(page.get(page.size() - 1)));
        } else {
          meta.putNull("next_cursor");
        }
        send(exchange, 200, "application/json", json(body));
        break;
      }
      case "/items/next": {
        List<Dataset.Item> page = afterKey(items, q.get("after"), limit(q));
        boolean more = !page.isEmpty() && items.indexOf(page.get(page.size() - 1)) < items.size() - 1;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("items", array(page));
        ObjectNode links = body.putObject("links");
        if (more) {
          links.put("next", "/items/next?" + nextQuery(q, "after", key(page.get(page.size() - 1))));
        } else {
          links.putNull("next");
        }
        send(exchange, 200, "application/json", json(body));
        break;
      }
      case "/items/link": {
        List<Dataset.Item> page = afterKey(items, q.get("after"), limit(q));
        boolean more = !page.isEmpty() && items.indexOf(page.get(page.size() - 1)) < items.size() - 1;
        StringBuilder link = new StringBuilder("<" + baseUrl() + "/items/link?"
            + nextQuery(q, "after", "") + ">; rel=\"first\"");
        if (more) {
          link.append(", <").append(baseUrl()).append("/items/link?")
              .append(nextQuery(q, "after", key(page.get(page.size() - 1))))
              .append(">; rel=\"next\"; title=\"next, page\"");
        }
        exchange.getResponseHeaders().set("Link", link.toString());
        send(exchange, 200, "application/json", json(array(page)));
        break;
      }
      case "/items/nested": {
        List<Dataset.Item> page = pageOf(items, q, "page", "per_page");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode groups = body.putObject("data").putArray("groups");
        groups.addObject().put("name", "even").set("items",
            array(page.stream().filter(i -> i.id() % 2 == 0).toList()));
        groups.addObject().put("name", "odd").set("items",
            array(page.stream().filter(i -> i.id() % 2 == 1).toList()));
        groups.addObject().put("name", "empty").putNull("items");
        send(exchange, 200, "application/json", json(body));
        break;
      }
      default:
        send(exchange, 404, "application/json", json(JsonNodeFactory.instance.objectNode()
            .put("error", "no route " + request.path())));
    }
  }

  private static List<Dataset.Item> filter(List<Dataset.Item> items, RecordedRequest request) {
    String since = request.query().get("updated_since");
    if (since == null && request.method().equals("POST") && !request.body().isBlank()) {
      try {
        JsonNode body = JSON.readTree(request.body());
        since = body.path("updated_since").isTextual() ? body.get("updated_since").textValue() : null;
      } catch (IOException e) {
        throw new IllegalArgumentException("search body is not JSON", e);
      }
    }
    Instant from = since == null || since.isEmpty() ? null : Instant.parse(since);
    String sinceId = request.query().get("since_id");
    long afterId = sinceId == null || sinceId.isEmpty() ? Long.MIN_VALUE : Long.parseLong(sinceId);
    return items.stream()
        .filter(i -> from == null || !i.updatedAt().isBefore(from))
        .filter(i -> i.id() > afterId)
        .toList();
  }

  private static List<Dataset.Item> pageOf(List<Dataset.Item> items, Map<String, String> q,
      String pageParam, String sizeParam) {
    int page = Integer.parseInt(q.getOrDefault(pageParam, "1"));
    int size = Integer.parseInt(q.getOrDefault(sizeParam, Integer.toString(DEFAULT_PAGE_SIZE)));
    int from = Math.min((page - 1) * size, items.size());
    return items.subList(from, Math.min(from + size, items.size()));
  }

  private static int limit(Map<String, String> q) {
    return Integer.parseInt(q.getOrDefault("limit", Integer.toString(DEFAULT_PAGE_SIZE)));
  }

  /** Keyset pagination: the items after the (updated_at, id) key, stable under inserts. */
  private static List<Dataset.Item> afterKey(List<Dataset.Item> items, String key, int limit) {
    int start = 0;
    if (key != null && !key.isEmpty()) {
      String[] parts = new String(Base64.getUrlDecoder().decode(key), StandardCharsets.UTF_8).split(":");
      Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
      long id = Long.parseLong(parts[1]);
      while (start < items.size() && (items.get(start).updatedAt().isBefore(at)
          || items.get(start).updatedAt().equals(at) && items.get(start).id() <= id)) {
        start++;
      }
    }
    return items.subList(start, Math.min(start + limit, items.size()));
  }

  private static String key(Dataset.Item item) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        (item.updatedAt().toEpochMilli() + ":" + item.id()).getBytes(StandardCharsets.UTF_8));
  }

  /** The request's query with {@code name} set, for next links (keeps filters and credentials). */
  private static String nextQuery(Map<String, String> q, String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(q);
    next.put(name, value);
    StringBuilder out = new StringBuilder();
    next.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(encode(k)).append('=')
        .append(encode(v)));
    return out.toString();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static ArrayNode array(List<Dataset.Item> items) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    items.forEach(item -> array.add(item.toJson()));
    return array;
  }

  private static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private RecordedRequest record(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    Map<String, String> query = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        query.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), uri.getPath(), query,
        headers, body);
    requests.add(request);
    return request;
  }
}
