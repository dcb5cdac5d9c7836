package io.streametl.sink.state.aggregate;

/**
 * The serialized form of {@code approx_distinct} sketches, chosen by the destination: each one
 * writes the sketches its own SQL engine can merge (docs/aggregates.md, docs/bigquery.md).
 */
public enum SketchFormat {
  /** Trino's HyperLogLog type (Airlift's format): the Iceberg destination, folded with Trino. */
  TRINO_HLL,
  /** BigQuery's HLL++ sketch (zetasketch's format): the BigQuery destination, folded with HLL_COUNT.MERGE. */
  BIGQUERY_HLL_PLUS_PLUS
}
