package io.streametl.sink.bigquery;

import com.google.api.services.bigquery.model.TableFieldSchema;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.streametl.sink.bigquery.FakeBigQueryState.FakeTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A FAKE of Google BigQuery for tests, running in the test JVM: the Storage Write and Read APIs
 * (gRPC, on the official generated service bases; reads in Avro with row restrictions) and the REST
 * table API (the JDK's HTTP server), both on localhost
 * ports, plaintext. It follows the public contract the sink relies on (stream types, offset checks,
 * finalize and batch commit, schema checks, row errors, additive schema updates) and lets tests inject
 * failures, lose responses and delay schema propagation. Partition expiration runs when a test calls
 * {@link #expirePartitions} (BigQuery runs it in the background). It is not BigQuery: no SQL, no query
 * jobs, no quotas unless injected. Point a sink at it with {@link #connectorConfig}.
 */
public final class FakeBigQuery implements AutoCloseable {

  private final FakeBigQueryState state = new FakeBigQueryState();
  private final FakeFaults faults = new FakeFaults();
  private final Server grpc;
  private final FakeBigQueryRest rest;
  private final java.util.Set<String> countOnlyTables = new java.util.HashSet<>();
  private long rowsCounted;
  private int staleSchemaStreams;
  private long appendRequests;
  private long largestAppendRequest;

  private FakeBigQuery() throws IOException {
    this.grpc = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
        .addService(new FakeStorageWriteService(this))
        .addService(new FakeStorageReadService(this))
        .maxInboundMessageSize(20 * 1024 * 1024)
        .build()
        .start();
    this.rest = new FakeBigQueryRest(this);
  }

  public static FakeBigQuery start() {
    try {
      return new FakeBigQuery();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start FakeBigQuery", e);
    }
  }

  /** host:port of the Storage Write API. */
  public String grpcEndpoint() {
    return "localhost:" + grpc.getPort();
  }

  /** Base URL of the REST API. */
  public String restEndpoint() {
    return "http://localhost:" + rest.port();
  }

  /** The sink settings that point a connector at this fake. */
  public Map<String, String> connectorConfig(String project, String dataset) {
    Map<String, String> config = new HashMap<>();
    config.put("destination", "bigquery");
    config.put(BigQueryConfig.PROJECT, project);
    config.put(BigQueryConfig.DATASET, dataset);
    config.put(BigQueryConfig.REST_ENDPOINT, restEndpoint());
    config.put(BigQueryConfig.GRPC_ENDPOINT, grpcEndpoint());
    config.put(BigQueryConfig.PLAINTEXT, "true");
    return config;
  }

  FakeBigQueryState state() {
    return state;
  }

  FakeFaults faults() {
    return faults;
  }

  // ---- failures -------------------------------------------------------------------------------

  /**
   * The next {@code times} calls of a Storage Write method ("CreateWriteStream", "AppendRows",
   * "FinalizeWriteStream", "BatchCommitWriteStreams") on a table named {@code table}
   * fail with {@code code} before doing anything.
   */
  public void failNext(String method, String table, Status.Code code, int times) {
    faults.add(method, table, code, FakeFaults.When.BEFORE, times);
  }

  /** Like {@link #failNext}, but the call takes effect and then its response is lost (UNAVAILABLE). */
  public void loseResponseOfNext(String method, String table, int times) {
    faults.add(method, table, Status.Code.UNAVAILABLE, FakeFaults.When.AFTER, times);
  }

  /** After the next schema update, this many new streams still see the old schema (propagation delay). */
  public synchronized void delaySchemaPropagation(int streams) {
    staleSchemaStreams = streams;
  }

  private record RestFailure(String method, String path, int status, int[] remaining) {}

  private final List<RestFailure> restFailures = new ArrayList<>();

  /** The next {@code times} REST calls with this HTTP method on a path containing {@code path} fail with {@code status}. */
  public synchronized void failNextRest(String method, String path, int status, int times) {
    restFailures.add(new RestFailure(method, path, status, new int[] {times}));
  }

  synchronized Integer takeRestFailure(String method, String path) {
    for (RestFailure failure : restFailures) {
      if (failure.remaining()[0] > 0 && failure.method().equals(method) && path.contains(failure.path())) {
        failure.remaining()[0]--;
        return failure.status();
      }
    }
    return null;
  }

  /**
   * Committed rows of tables with this name are counted, not kept (for benchmarks, whose tables
   * would otherwise fill the heap).
   */
  public synchronized void countRowsOnly(String table) {
    countOnlyTables.add(table);
  }

  public synchronized long rowsCounted() {
    return rowsCounted;
  }

  synchronized boolean keepsRows(String tableKey) {
    boolean keep = countOnlyTables.stream().noneMatch(t -> tableKey.endsWith("." + t));
    return keep;
  }

  synchronized void counted(long rows) {
    rowsCounted += rows;
  }

  public int injectedFailures() {
    return faults.injected();
  }

  public void clearFailures() {
    faults.clear();
  }

  synchronized boolean takeStaleSchema(FakeTable table) {
    if (table.previousSchema != null && staleSchemaStreams > 0) {
      staleSchemaStreams--;
      return true;
    }
    return false;
  }

  synchronized void schemaChanged(FakeTable table) {
    // nothing beyond keeping previousSchema: streams created now may see it (delaySchemaPropagation)
  }

  private long rowsRead;

  synchronized void countRead(long rows) {
    rowsRead += rows;
  }

  /** Rows returned by Storage Read API sessions so far (what reads cost the reader). */
  public synchronized long rowsRead() {
    return rowsRead;
  }

  synchronized void countAppend(int bytes) {
    appendRequests++;
    largestAppendRequest = Math.max(largestAppendRequest, bytes);
  }

  // ---- time ------------------------------------------------------------------------------------

  /**
   * Runs partition expiration as of {@code now}, which BigQuery does in the background: in a table
   * time-partitioned by a column with {@code timePartitioning.expirationMs}, a partition expires at
   * its partition time (the start of its day, hour, month or year, UTC) plus expirationMs, and its rows
   * are deleted. Rows with a null partitioning value (the __NULL__ partition) never expire.
   *
   * @return how many rows were deleted
   */
  public synchronized int expirePartitions(java.time.Instant now) {
    int deleted = 0;
    for (FakeTable table : state.tables.values()) {
      com.google.api.services.bigquery.model.TimePartitioning partitioning = table.resource.getTimePartitioning();
      if (partitioning == null || partitioning.getExpirationMs() == null || partitioning.getField() == null) {
        continue;
      }
      String field = partitioning.getField();
      long expirationMicros = partitioning.getExpirationMs() * 1000;
      long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
      int before = table.rows.size();
      table.rows.removeIf(row -> row.get(field) instanceof Long micros
          && partitionStart(micros, partitioning.getType()) + expirationMicros <= nowMicros);
      deleted += before - table.rows.size();
    }
    return deleted;
  }

  private static long partitionStart(long micros, String type) {
    java.time.ZonedDateTime time = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L))
        .atZone(java.time.ZoneOffset.UTC);
    java.time.ZonedDateTime start = switch (type) {
      case "HOUR" -> time.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
      case "MONTH" -> time.truncatedTo(java.time.temporal.ChronoUnit.DAYS).withDayOfMonth(1);
      case "YEAR" -> time.truncatedTo(java.time.temporal.ChronoUnit.DAYS).withDayOfYear(1);
      default -> time.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    };
    return start.toEpochSecond() * 1_000_000L;
  }

  // ---- inspection -----------------------------------------------------------------------------

  /** The committed rows of a table (column name to value; TIMESTAMP as Long micros). */
  public synchronized List<Map<String, Object>> rows(String project, String dataset, String table) {
    FakeTable found = state.tables.get(FakeBigQueryState.tableKey(project, dataset, table));
    return found == null ? List.of() : new ArrayList<>(found.rows);
  }

  public synchronized boolean exists(String project, String dataset, String table) {
    return state.tables.containsKey(FakeBigQueryState.tableKey(project, dataset, table));
  }

  public synchronized List<TableFieldSchema> schema(String project, String dataset, String table) {
    FakeTable found = state.tables.get(FakeBigQueryState.tableKey(project, dataset, table));
    return found == null ? null : found.schema();
  }

  /** The REST resource of a table (partitioning, clustering, view query), as JSON. */
  public synchronized com.google.api.services.bigquery.model.Table resource(String project, String dataset,
      String table) {
    FakeTable found = state.tables.get(FakeBigQueryState.tableKey(project, dataset, table));
    return found == null ? null : found.resource.clone();
  }

  /** Streams created and never committed (PENDING streams of abandoned or crashed cycles). */
  public synchronized long uncommittedPendingStreams() {
    return state.streams.values().stream().filter(s -> s.type.equals("PENDING") && !s.committed).count();
  }

  public synchronized long appendRequests() {
    return appendRequests;
  }

  public synchronized long largestAppendRequestBytes() {
    return largestAppendRequest;
  }

  @Override
  public void close() {
    rest.stop();
    grpc.shutdownNow();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
