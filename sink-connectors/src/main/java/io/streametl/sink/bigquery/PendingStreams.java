package io.streametl.sink.bigquery;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.BidiStream;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.StorageError;
import com.google.cloud.bigquery.storage.v1.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.Int64Value;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The Storage Write API calls of a commit: rows go into a new PENDING stream of a table at
 * explicit offsets, split into requests under the size cap, and the stream is finalized; later,
 * after the ledger records it, the stream is committed. Each step can be repeated safely: an
 * append repeated after a lost response meets ALREADY_EXISTS at its offset (the rows are in), and
 * committing a stream twice meets STREAM_ALREADY_COMMITTED.
 */
final class PendingStreams {

  /** Per-row overhead of the request framing, on top of the row bytes, when sizing requests. */
  private static final int ROW_FRAMING_BYTES = 8;

  private final BigQueryWriteClient client;
  private final Retrier retrier;
  private final int maxRequestBytes;

  PendingStreams(BigQueryWriteClient client, Retrier retrier, int maxRequestBytes) {
    this.client = client;
    this.retrier = retrier;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The largest encoded row that fits one request with this writer schema. */
  int maxRowBytes(RowEncoder encoder) {
    return maxRequestBytes - encoder.descriptorProto().getSerializedSize() - 1024;
  }

  /**
   * Writes rows into a new PENDING stream of the table and finalizes it. Rows BigQuery rejects
   * are given to {@code rejections} and left out.
   *
   * @return the stream's name
   */
  String writeFinalized(TableRef table, RowEncoder encoder, List<BufferedRow> rows, RowRejections rejections) {
    String stream = createStream(table, encoder);
    ProtoSchema writerSchema = ProtoSchema.newBuilder().setProtoDescriptor(encoder.descriptorProto()).build();
    long offset = 0;
    for (List<BufferedRow> request : split(rows, encoder)) {
      offset += append(table, stream, writerSchema, offset, new ArrayList<>(request), rejections);
    }
    retrier.call("finalizing the write stream of " + table, () ->
        client.finalizeWriteStream(FinalizeWriteStreamRequest.newBuilder().setName(stream).build()));
    return stream;
  }

  List<List<BufferedRow>> split(List<BufferedRow> rows, RowEncoder encoder) {
    int budget = maxRequestBytes - encoder.descriptorProto().getSerializedSize() - 512;
    List<List<BufferedRow>> requests = new ArrayList<>();
    List<BufferedRow> current = new ArrayList<>();
    long size = 0;
    for (BufferedRow row : rows) {
      int rowSize = row.bytes().size() + ROW_FRAMING_BYTES;
      if (!current.isEmpty() && size + rowSize > budget) {
        requests.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(row);
      size += rowSize;
    }
    if (!current.isEmpty()) {
      requests.add(current);
    }
    return requests;
  }

  private String createStream(TableRef table, RowEncoder encoder) {
    return retrier.call("creating a write stream on " + table, () -> {
      WriteStream stream = client.createWriteStream(CreateWriteStreamRequest.newBuilder()
          .setParent(table.writeParent())
          .setWriteStream(WriteStream.newBuilder().setType(WriteStream.Type.PENDING))
          .build());
      // Right after a table update the service may still hand out streams with the old schema;
      // such a stream would reject the new columns, so wait until it shows them (the empty stream
      // left behind is never committed, and so never visible).
      if (stream.hasTableSchema() && !covers(stream.getTableSchema().getFieldsList(), encoder.schema().getFields())) {
        throw new AppendFailure(Status.Code.UNAVAILABLE, "the write stream does not show the table's new columns yet");
      }
      return stream.getName();
    });
  }

  private static boolean covers(List<TableFieldSchema> streamFields, FieldList columns) {
    for (Field column : columns) {
      TableFieldSchema match = streamFields.stream().filter(f -> f.getName().equalsIgnoreCase(column.getName()))
          .findFirst().orElse(null);
      if (match == null || column.getSubFields() != null && !covers(match.getFieldsList(), column.getSubFields())) {
        return false;
      }
    }
    return true;
  }

  /** Appends one request's rows at an offset; returns how many rows were written. */
  private long append(TableRef table, String stream, ProtoSchema writerSchema, long offset, List<BufferedRow> rows,
      RowRejections rejections) {
    return retrier.call("appending rows to " + table, () -> {
      while (!rows.isEmpty()) {
        ProtoRows.Builder data = ProtoRows.newBuilder();
        rows.forEach(r -> data.addSerializedRows(r.bytes()));
        AppendRowsRequest request = AppendRowsRequest.newBuilder()
            .setWriteStream(stream)
            .setOffset(Int64Value.of(offset))
            .setProtoRows(AppendRowsRequest.ProtoData.newBuilder().setWriterSchema(writerSchema).setRows(data))
            .build();
        AppendRowsResponse response = send(stream, request);
        if (!response.hasError()) {
          return (long) rows.size();
        }
        Status.Code code = Status.fromCodeValue(response.getError().getCode()).getCode();
        if (code == Status.Code.ALREADY_EXISTS) {
          return (long) rows.size(); // an earlier attempt's response was lost, but its rows are in
        }
        if (response.getRowErrorsCount() == 0) {
          if (code == Status.Code.OUT_OF_RANGE) {
            throw new IllegalStateException("the write stream of " + table + " is missing rows before offset "
                + offset + "; the cycle is discarded and written again");
          }
          throw new AppendFailure(code, "appending to " + table + ": " + response.getError().getMessage());
        }
        // The request was rejected as a whole because of these rows: report them, send the rest.
        Set<Integer> bad = new HashSet<>();
        for (RowError error : response.getRowErrorsList()) {
          int index = (int) error.getIndex();
          if (index >= 0 && index < rows.size() && bad.add(index)) {
            rejections.rejected(rows.get(index), "BigQuery rejected the row for " + table + ": " + error.getMessage());
          }
        }
        if (bad.isEmpty()) {
          throw new AppendFailure(code, "appending to " + table + ": row errors without valid row indexes");
        }
        List<BufferedRow> remaining = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          if (!bad.contains(i)) {
            remaining.add(rows.get(i));
          }
        }
        rows.clear();
        rows.addAll(remaining);
      }
      return 0L;
    });
  }

  private AppendRowsResponse send(String stream, AppendRowsRequest request) {
    GrpcCallContext context = GrpcCallContext.createDefault()
        .withExtraHeaders(Map.of("x-goog-request-params", List.of("write_stream=" + stream)));
    BidiStream<AppendRowsRequest, AppendRowsResponse> call = client.appendRowsCallable().call(context);
    try {
      call.send(request);
      Iterator<AppendRowsResponse> responses = call.iterator();
      if (!responses.hasNext()) {
        throw new AppendFailure(Status.Code.UNAVAILABLE, "the append stream closed without a response");
      }
      return responses.next();
    } finally {
      call.cancel();
    }
  }

  /**
   * Commits a finalized stream into its table; a stream committed before (by this task before a
   * lost response, or by another task completing a ledger entry) counts as committed.
   *
   * @return true if this call made the rows visible, false if they already were
   * @throws ConnectException if the stream cannot be committed (it expired, or was never finalized)
   */
  boolean commit(TableRef table, String stream) {
    BatchCommitWriteStreamsResponse response = retrier.call("committing a write stream of " + table, () ->
        client.batchCommitWriteStreams(BatchCommitWriteStreamsRequest.newBuilder()
            .setParent(table.writeParent()).addWriteStreams(stream).build()));
    if (response.hasCommitTime()) {
      return true;
    }
    for (StorageError error : response.getStreamErrorsList()) {
      if (error.getCode() != StorageError.StorageErrorCode.STREAM_ALREADY_COMMITTED) {
        throw new ConnectException("cannot commit write stream " + stream + " of " + table + ": " + error.getCode()
            + " " + error.getErrorMessage() + (error.getCode() == StorageError.StorageErrorCode.STREAM_NOT_FOUND
                ? "; the ledger records this stream's rows as committed but BigQuery no longer has the stream "
                    + "(it expired): the rows of that cycle must be restored from Kafka by hand (see docs/bigquery.md)"
                : ""));
      }
    }
    return false;
  }
}
