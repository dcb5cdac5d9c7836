package io.streametl.source.http;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Records for the error topic: the raw payload as bytes, keyed by the endpoint name, with the
 * reason and where it came from in headers. They go through Connect like every other record, so
 * with exactly-once support they commit in the same transaction as the records and offsets.
 */
final class ErrorRecords {

  static final String HEADER_PREFIX = "streametl.http.error.";
  static final String REASON = HEADER_PREFIX + "reason";
  static final String ENDPOINT = HEADER_PREFIX + "endpoint";
  static final String URL = HEADER_PREFIX + "url";
  static final String STATUS = HEADER_PREFIX + "status";
  static final String CONTENT_TYPE = HEADER_PREFIX + "content.type";

  private final String topic;
  private final String endpoint;

  ErrorRecords(String topic, String endpoint) {
    this.topic = topic;
    this.endpoint = endpoint;
  }

  /**
   * @param url where the payload came from, already without its query
   */
  SourceRecord build(Map<String, ?> partition, Map<String, ?> offset, String reason,
      byte[] payload, String url, int status, String contentType) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(REASON, reason);
    headers.addString(ENDPOINT, endpoint);
    headers.addString(URL, url);
    headers.addInt(STATUS, status);
    headers.addString(CONTENT_TYPE, contentType);
    return new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA, endpoint,
        Schema.OPTIONAL_BYTES_SCHEMA, payload, null, headers);
  }
}
