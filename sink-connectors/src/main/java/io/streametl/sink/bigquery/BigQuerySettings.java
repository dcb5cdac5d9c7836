package io.streametl.sink.bigquery;

import java.util.List;
import java.util.Map;

/**
 * The BigQuery destination's settings, read by {@link BigQueryConfig#settings}.
 *
 * @param aggregateTables the partial-rows table of each aggregation, by aggregation name
 * @param partitionBy e.g. {@code DAY(event_time)}, {@code ingestion-day}, or empty
 * @param maxRequestBytes the largest AppendRows request to send
 * @param retention the partition expiration of the ledger and state tables; zero: none
 */
public record BigQuerySettings(
    String project,
    String dataset,
    String location,
    TableRef eventsTable,
    Map<String, TableRef> aggregateTables,
    TableRef ledgerTable,
    TableRef stateTable,
    boolean autoCreate,
    String partitionBy,
    List<String> clusterBy,
    boolean evolveSchema,
    boolean foldViews,
    Connection connection,
    int maxRequestBytes,
    RetryPolicy retry,
    java.time.Duration retention) {

  public BigQuerySettings {
    aggregateTables = Map.copyOf(aggregateTables);
    clusterBy = List.copyOf(clusterBy);
  }

  /**
   * How to reach BigQuery. {@code toString} hides the key.
   *
   * @param keyFile a service-account key file, or empty
   * @param keyJson a service-account key as JSON text, or empty
   * @param restEndpoint e.g. {@code http://localhost:9050}, or empty for Google's
   * @param grpcEndpoint e.g. {@code localhost:9060}, or empty for Google's
   * @param plaintext no TLS and no credentials (emulators, fakes)
   */
  public record Connection(String keyFile, String keyJson, String restEndpoint, String grpcEndpoint,
      boolean plaintext) {

    @Override
    public String toString() {
      return "Connection[keyFile=" + keyFile + ", keyJson=" + (keyJson.isEmpty() ? "" : "[hidden]")
          + ", restEndpoint=" + restEndpoint + ", grpcEndpoint=" + grpcEndpoint + ", plaintext=" + plaintext + "]";
    }
  }
}
