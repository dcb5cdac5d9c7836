package io.streametl.sink.bigquery;

import com.google.protobuf.ByteString;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One encoded row waiting for the cycle's commit, with the record it came from (null for the
 * aggregations' partial rows), so that a row BigQuery rejects can go to the dead-letter queue.
 */
record BufferedRow(ByteString bytes, SinkRecord record) {}
