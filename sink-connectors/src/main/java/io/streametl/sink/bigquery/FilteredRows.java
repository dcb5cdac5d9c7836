package io.streametl.sink.bigquery;

import com.google.api.gax.rpc.ServerStream;
import com.google.cloud.bigquery.storage.v1.BigQueryReadClient;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.google.cloud.bigquery.storage.v1.DataFormat;
import com.google.cloud.bigquery.storage.v1.ReadRowsRequest;
import com.google.cloud.bigquery.storage.v1.ReadRowsResponse;
import com.google.cloud.bigquery.storage.v1.ReadSession;
import com.google.cloud.bigquery.storage.v1.ReadStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Reads the rows of a table that match a row restriction, through the Storage Read API (Avro):
 * BigQuery filters server-side (pruning by the table's clustering), so the ledger and state reads
 * cost what they return, not the table's whole history. Values come back as String, Long, Double,
 * Boolean or byte[].
 */
final class FilteredRows {

  private final BigQueryReadClient client;
  private final Retrier retrier;

  FilteredRows(BigQueryReadClient client, Retrier retrier) {
    this.client = client;
    this.retrier = retrier;
  }

  List<Map<String, Object>> read(TableRef table, List<String> columns, String restriction) {
    return retrier.call("reading " + table, () -> readOnce(table, columns, restriction));
  }

  private List<Map<String, Object>> readOnce(TableRef table, List<String> columns, String restriction) {
    ReadSession session = client.createReadSession(CreateReadSessionRequest.newBuilder()
        .setParent("projects/" + table.project())
        .setReadSession(ReadSession.newBuilder()
            .setTable(table.writeParent())
            .setDataFormat(DataFormat.AVRO)
            .setReadOptions(ReadSession.TableReadOptions.newBuilder()
                .addAllSelectedFields(columns)
                .setRowRestriction(restriction)))
        .setMaxStreamCount(1)
        .build());
    List<Map<String, Object>> rows = new ArrayList<>();
    if (session.getStreamsCount() == 0) {
      return rows; // nothing matches
    }
    Schema schema = new Schema.Parser().parse(session.getAvroSchema().getSchema());
    GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
    for (ReadStream stream : session.getStreamsList()) {
      ServerStream<ReadRowsResponse> responses = client.readRowsCallable()
          .call(ReadRowsRequest.newBuilder().setReadStream(stream.getName()).build());
      BinaryDecoder decoder = null;
      for (ReadRowsResponse response : responses) {
        decoder = DecoderFactory.get().binaryDecoder(
            response.getAvroRows().getSerializedBinaryRows().toByteArray(), decoder);
        try {
          while (!decoder.isEnd()) {
            rows.add(values(reader.read(null, decoder), columns));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot decode the rows of " + table, e);
        }
      }
    }
    return rows;
  }

  private static Map<String, Object> values(GenericRecord record, List<String> columns) {
    Map<String, Object> row = new HashMap<>();
    for (String column : columns) {
      Object value = record.get(column);
      if (value instanceof Utf8 || value instanceof CharSequence) {
        value = value.toString();
      } else if (value instanceof ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        value = bytes;
      }
      row.put(column, value);
    }
    return row;
  }
}
