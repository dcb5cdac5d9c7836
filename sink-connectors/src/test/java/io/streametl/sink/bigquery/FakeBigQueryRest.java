package io.streametl.sink.bigquery;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.DatasetReference;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streametl.sink.bigquery.FakeBigQueryState.FakeTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The REST API (v2) of {@link FakeBigQuery}, on the JDK's HTTP server, as far as the sink uses it:
 * datasets get/insert, tables get/insert/patch (with BigQuery's schema update rules: columns are
 * only added, NULLABLE or REPEATED, or relaxed to NULLABLE) and tabledata.list, with BigQuery's JSON
 * shapes and error bodies (the official Java client reads them).
 */
final class FakeBigQueryRest {

  private static final GsonFactory JSON = GsonFactory.getDefaultInstance();
  private static final Pattern DATASETS = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/?");
  private static final Pattern DATASET = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)");
  private static final Pattern TABLES = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/?");
  private static final Pattern TABLE = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)");
  private static final Pattern DATA = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/data");

  private final FakeBigQuery fake;
  private final HttpServer server;

  FakeBigQueryRest(FakeBigQuery fake) throws IOException {
    this.fake = fake;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "fake-bigquery-rest");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
      if (override != null) {
        method = override;
      }
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String body = body(exchange);
      Integer injected = fake.takeRestFailure(method, path);
      if (injected != null) {
        error(exchange, injected, injected >= 500 ? "backendError" : "invalid",
            "injected by FakeBigQuery: " + method + " " + path);
        return;
      }
      Matcher m;
      synchronized (fake) {
        if ((m = DATA.matcher(path)).matches() && method.equals("GET")) {
          listData(exchange, m, query);
        } else if ((m = TABLE.matcher(path)).matches()) {
          table(exchange, method, m, body);
        } else if ((m = TABLES.matcher(path)).matches() && method.equals("POST")) {
          insertTable(exchange, m, body);
        } else if ((m = DATASET.matcher(path)).matches() && method.equals("GET")) {
          getDataset(exchange, m);
        } else if ((m = DATASETS.matcher(path)).matches() && method.equals("POST")) {
          insertDataset(exchange, m, body);
        } else {
          error(exchange, 404, "notFound", "FakeBigQuery does not implement " + method + " " + path);
        }
      }
    } catch (RuntimeException e) {
      error(exchange, 500, "internalError", String.valueOf(e));
    } finally {
      exchange.close();
    }
  }

  private void getDataset(HttpExchange exchange, Matcher m) throws IOException {
    Dataset dataset = fake.state().datasets.get(FakeBigQueryState.datasetKey(m.group(1), m.group(2)));
    if (dataset == null) {
      error(exchange, 404, "notFound", "Not found: Dataset " + m.group(1) + ":" + m.group(2));
    } else {
      send(exchange, 200, dataset);
    }
  }

  private void insertDataset(HttpExchange exchange, Matcher m, String body) throws IOException {
    Dataset dataset = JSON.fromString(body, Dataset.class);
    DatasetReference ref = dataset.getDatasetReference();
    String key = FakeBigQueryState.datasetKey(m.group(1), ref.getDatasetId());
    if (fake.state().datasets.containsKey(key)) {
      error(exchange, 409, "duplicate", "Already Exists: Dataset " + key);
      return;
    }
    ref.setProjectId(m.group(1));
    dataset.setId(key);
    dataset.setKind("bigquery#dataset");
    if (dataset.getLocation() == null) {
      dataset.setLocation("US");
    }
    fake.state().datasets.put(key, dataset);
    send(exchange, 200, dataset);
  }

  private void insertTable(HttpExchange exchange, Matcher m, String body) throws IOException {
    String project = m.group(1);
    String datasetId = m.group(2);
    if (!fake.state().datasets.containsKey(FakeBigQueryState.datasetKey(project, datasetId))) {
      error(exchange, 404, "notFound", "Not found: Dataset " + project + ":" + datasetId);
      return;
    }
    Table table = JSON.fromString(body, Table.class);
    TableReference ref = table.getTableReference();
    String key = FakeBigQueryState.tableKey(project, datasetId, ref.getTableId());
    if (fake.state().tables.containsKey(key)) {
      error(exchange, 409, "duplicate", "Already Exists: Table " + key);
      return;
    }
    ref.setProjectId(project).setDatasetId(datasetId);
    table.setId(key).setKind("bigquery#table").setType(table.getView() != null ? "VIEW" : "TABLE")
        .setCreationTime(System.currentTimeMillis()).setEtag("1");
    if (table.getTimePartitioning() != null && table.getTimePartitioning().getField() != null) {
      TableFieldSchema field = FakeBigQueryState.find(table.getSchema().getFields(), table.getTimePartitioning().getField());
      String type = field == null ? "(missing)" : FakeBigQueryState.canonicalType(field.getType());
      if (!List.of("TIMESTAMP", "DATE", "DATETIME").contains(type)) {
        error(exchange, 400, "invalid", "The field specified for time partitioning can only be of type TIMESTAMP, "
            + "DATE or DATETIME. The type found is: " + type);
        return;
      }
    }
    FakeTable created = new FakeTable();
    created.resource = table;
    fake.state().tables.put(key, created);
    send(exchange, 200, table);
  }

  private void table(HttpExchange exchange, String method, Matcher m, String body) throws IOException {
    String key = FakeBigQueryState.tableKey(m.group(1), m.group(2), m.group(3));
    FakeTable table = fake.state().tables.get(key);
    if (table == null) {
      error(exchange, 404, "notFound", "Not found: Table " + key);
      return;
    }
    switch (method) {
      case "GET" -> send(exchange, 200, withRowCount(table));
      case "PATCH", "PUT" -> {
        Table update = JSON.fromString(body, Table.class);
        if (update.getSchema() != null && table.resource.getView() == null) {
          List<TableFieldSchema> before = table.schema();
          String problem = FakeBigQueryState.checkUpdate(before, update.getSchema().getFields(), "");
          if (problem != null) {
            error(exchange, 400, "invalid", "Provided Schema does not match Table " + key + ". " + problem + ".");
            return;
          }
          table.previousSchema = before;
          table.resource.setSchema(update.getSchema());
          fake.schemaChanged(table);
        }
        if (update.getTimePartitioning() != null) {
          // BigQuery lets an update change a partitioned table's expiration, never how it is partitioned.
          com.google.api.services.bigquery.model.TimePartitioning now = table.resource.getTimePartitioning();
          com.google.api.services.bigquery.model.TimePartitioning wanted = update.getTimePartitioning();
          if (now == null || !java.util.Objects.equals(now.getType(), wanted.getType())
              || !java.util.Objects.equals(now.getField(), wanted.getField())) {
            error(exchange, 400, "invalid", "Cannot change partitioning/clustering spec for " + key);
            return;
          }
          now.setExpirationMs(wanted.getExpirationMs());
        }
        if (update.getView() != null) {
          table.resource.setView(update.getView());
        }
        if (update.getDescription() != null) {
          table.resource.setDescription(update.getDescription());
        }
        table.resource.setEtag(String.valueOf(Long.parseLong(table.resource.getEtag()) + 1));
        send(exchange, 200, withRowCount(table));
      }
      case "DELETE" -> {
        fake.state().tables.remove(key);
        exchange.sendResponseHeaders(204, -1);
      }
      default -> error(exchange, 405, "invalid", method + " is not supported on tables");
    }
  }

  private static Table withRowCount(FakeTable table) {
    return table.resource.clone().setNumRows(java.math.BigInteger.valueOf(table.rows.size()));
  }

  private void listData(HttpExchange exchange, Matcher m, Map<String, String> query) throws IOException {
    String key = FakeBigQueryState.tableKey(m.group(1), m.group(2), m.group(3));
    FakeTable table = fake.state().tables.get(key);
    if (table == null) {
      error(exchange, 404, "notFound", "Not found: Table " + key);
      return;
    }
    int start = Integer.parseInt(query.getOrDefault("pageToken", query.getOrDefault("startIndex", "0")));
    int max = Integer.parseInt(query.getOrDefault("maxResults", "100000"));
    boolean int64Timestamps = "true".equals(query.get("formatOptions.useInt64Timestamp"));
    List<Object> rows = new ArrayList<>();
    int end = Math.min(table.rows.size(), start + max);
    for (int i = start; i < end; i++) {
      rows.add(record(table.rows.get(i), table.schema(), int64Timestamps));
    }
    GenericJson page = new GenericJson();
    page.put("kind", "bigquery#tableDataList");
    page.put("totalRows", String.valueOf(table.rows.size()));
    page.put("rows", rows);
    if (end < table.rows.size()) {
      page.put("pageToken", String.valueOf(end));
    }
    send(exchange, 200, page);
  }

  private static Map<String, Object> record(Map<String, Object> row, List<TableFieldSchema> schema, boolean int64Ts) {
    List<Object> cells = new ArrayList<>();
    for (TableFieldSchema column : schema) {
      Object value = row.get(column.getName());
      Map<String, Object> cell = new HashMap<>();
      if (value instanceof List<?> list) {
        List<Object> items = new ArrayList<>();
        list.forEach(item -> items.add(Map.of("v", cellValue(item, column, int64Ts))));
        cell.put("v", items);
      } else {
        // JSON null (a plain null would be dropped by the serializer, and a cell without "v" is malformed)
        cell.put("v", value == null ? com.google.api.client.util.Data.nullOf(Object.class) : cellValue(value, column, int64Ts));
      }
      cells.add(cell);
    }
    return Map.of("f", cells);
  }

  @SuppressWarnings("unchecked")
  private static Object cellValue(Object value, TableFieldSchema column, boolean int64Ts) {
    return switch (FakeBigQueryState.canonicalType(column.getType())) {
      case "STRUCT" -> record((Map<String, Object>) value, column.getFields(), int64Ts);
      case "BYTES" -> Base64.getEncoder().encodeToString((byte[]) value);
      case "TIMESTAMP" -> int64Ts ? String.valueOf(value)
          : new BigDecimal((Long) value).movePointLeft(6).stripTrailingZeros().toPlainString();
      case "DATE" -> java.time.LocalDate.ofEpochDay(((Number) value).longValue()).toString();
      case "NUMERIC", "BIGNUMERIC" -> ((BigDecimal) value).toPlainString();
      default -> String.valueOf(value);
    };
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static String body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, Object json) throws IOException {
    byte[] bytes = JSON.toString(json).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
    GenericJson error = new GenericJson();
    error.put("code", status);
    error.put("message", message);
    error.put("errors", List.of(Map.of("message", message, "domain", "global", "reason", reason)));
    GenericJson body = new GenericJson();
    body.put("error", error);
    send(exchange, status, body);
  }
}
