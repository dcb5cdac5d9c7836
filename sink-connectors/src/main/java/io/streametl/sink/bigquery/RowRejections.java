package io.streametl.sink.bigquery;

/** Where rows BigQuery rejected (AppendRowsResponse row errors) are reported, with the reason. */
interface RowRejections {

  void rejected(BufferedRow row, String reason);
}
