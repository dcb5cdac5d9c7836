package io.streametl.sink.bigquery;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteGrpc;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamResponse;
import com.google.cloud.bigquery.storage.v1.GetWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.StorageError;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.streametl.sink.bigquery.FakeBigQueryState.FakeStream;
import io.streametl.sink.bigquery.FakeBigQueryState.FakeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Storage Write API (v1) of {@link FakeBigQuery}, on the official generated service base:
 * PENDING, COMMITTED and BUFFERED application streams and the {@code _default} stream; appends with
 * offset checks (ALREADY_EXISTS below the stream's end, OUT_OF_RANGE beyond it), writer-schema checks
 * and row errors; finalize; and batch commit of finalized PENDING streams of one table, all or none,
 * with STREAM_ALREADY_COMMITTED for a stream committed before.
 */
final class FakeStorageWriteService extends BigQueryWriteGrpc.BigQueryWriteImplBase {

  private final FakeBigQuery fake;

  FakeStorageWriteService(FakeBigQuery fake) {
    this.fake = fake;
  }

  private static String tableKey(String parent) {
    TableName name = TableName.parse(parent);
    return FakeBigQueryState.tableKey(name.getProject(), name.getDataset(), name.getTable());
  }

  private static String tableOfStream(String stream) {
    return tableKey(stream.substring(0, stream.indexOf("/streams/")));
  }

  private boolean failed(String method, String table, FakeFaults.When when, StreamObserver<?> out) {
    Status.Code code = fake.faults().take(method, table, when);
    if (code == null) {
      return false;
    }
    out.onError(Status.fromCode(code).withDescription("injected by FakeBigQuery: " + method + " on " + table)
        .asRuntimeException());
    return true;
  }

  @Override
  public void createWriteStream(CreateWriteStreamRequest request, StreamObserver<WriteStream> out) {
    String table = tableKey(request.getParent());
    if (failed("CreateWriteStream", table, FakeFaults.When.BEFORE, out)) {
      return;
    }
    WriteStream created;
    synchronized (fake) {
      FakeTable fakeTable = fake.state().tables.get(table);
      if (fakeTable == null || fakeTable.resource.getView() != null) {
        out.onError(Status.NOT_FOUND.withDescription("Requested entity was not found: table " + table).asRuntimeException());
        return;
      }
      WriteStream.Type type = request.getWriteStream().getType();
      if (type == WriteStream.Type.TYPE_UNSPECIFIED) {
        out.onError(Status.INVALID_ARGUMENT.withDescription("WriteStream type must be set").asRuntimeException());
        return;
      }
      List<TableFieldSchema> schema = fake.takeStaleSchema(fakeTable) ? fakeTable.previousSchema : fakeTable.schema();
      String name = request.getParent() + "/streams/" + UUID.randomUUID();
      fake.state().streams.put(name, new FakeStream(name, table, type.name(), schema));
      created = WriteStream.newBuilder().setName(name).setType(type).setCreateTime(now())
          .setTableSchema(storageSchema(schema)).build();
    }
    out.onNext(created);
    out.onCompleted();
  }

  @Override
  public StreamObserver<AppendRowsRequest> appendRows(StreamObserver<AppendRowsResponse> out) {
    return new StreamObserver<>() {
      private String streamName;
      private FakeRowDecoder decoder;

      @Override
      public void onNext(AppendRowsRequest request) {
        if (!request.getWriteStream().isEmpty()) {
          streamName = request.getWriteStream();
        }
        if (streamName == null) {
          out.onError(Status.INVALID_ARGUMENT.withDescription("the first request must name the write stream")
              .asRuntimeException());
          return;
        }
        String table = streamName.endsWith("/_default") ? tableKey(streamName.substring(0, streamName.length() - 9))
            : tableOfStream(streamName);
        if (failed("AppendRows", table, FakeFaults.When.BEFORE, out)) {
          return;
        }
        AppendRowsResponse response;
        synchronized (fake) {
          response = append(request, table);
        }
        if (response == null) {
          return; // an error was sent
        }
        if (failed("AppendRows", table, FakeFaults.When.AFTER, out)) {
          return;
        }
        out.onNext(response);
      }

      private AppendRowsResponse append(AppendRowsRequest request, String table) {
        FakeTable fakeTable = fake.state().tables.get(table);
        if (fakeTable == null) {
          out.onError(Status.NOT_FOUND.withDescription("Table not found: " + table).asRuntimeException());
          return null;
        }
        boolean defaultStream = streamName.endsWith("/_default");
        FakeStream stream = defaultStream ? null : fake.state().streams.get(streamName);
        if (!defaultStream && stream == null) {
          out.onError(Status.NOT_FOUND.withDescription("Stream not found: " + streamName).asRuntimeException());
          return null;
        }
        if (stream != null && (stream.finalized || stream.committed)) {
          return error(Status.Code.INVALID_ARGUMENT, "Stream is finalized: " + streamName, List.of());
        }
        List<TableFieldSchema> schema = stream != null ? stream.schema : fakeTable.schema();
        if (request.getProtoRows().hasWriterSchema()) {
          try {
            decoder = FakeRowDecoder.of(request.getProtoRows().getWriterSchema().getProtoDescriptor(), schema);
          } catch (IllegalArgumentException e) {
            return error(Status.Code.INVALID_ARGUMENT, e.getMessage(), List.of());
          }
        }
        if (decoder == null) {
          return error(Status.Code.INVALID_ARGUMENT, "the first request of a connection must carry the writer schema",
              List.of());
        }
        if (request.hasOffset()) {
          if (stream == null) {
            return error(Status.Code.INVALID_ARGUMENT, "the _default stream takes no offsets", List.of());
          }
          long offset = request.getOffset().getValue();
          if (offset < stream.rows.size()) {
            return error(Status.Code.ALREADY_EXISTS, "The offset is within stream, expected offset "
                + stream.rows.size() + ", received " + offset, List.of());
          }
          if (offset > stream.rows.size()) {
            return error(Status.Code.OUT_OF_RANGE, "The offset is beyond stream, expected offset "
                + stream.rows.size() + ", received " + offset, List.of());
          }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<RowError> rowErrors = new ArrayList<>();
        List<ByteString> serialized = request.getProtoRows().getRows().getSerializedRowsList();
        for (int i = 0; i < serialized.size(); i++) {
          try {
            rows.add(decoder.decode(serialized.get(i)));
          } catch (FakeRowDecoder.RowProblem e) {
            rowErrors.add(RowError.newBuilder().setIndex(i).setCode(RowError.RowErrorCode.FIELDS_ERROR)
                .setMessage(e.getMessage()).build());
          }
        }
        if (!rowErrors.isEmpty()) {
          return error(Status.Code.INVALID_ARGUMENT, "Errors found while processing rows. Please refer to the row_errors "
              + "field for details. The list may not be complete because of the size limitations.", rowErrors);
        }
        long at;
        if (stream == null || stream.type.equals("COMMITTED")) {
          at = stream == null ? -1 : stream.rows.size();
          fakeTable.rows.addAll(rows);
          if (stream != null) {
            stream.rows.addAll(rows);
          }
        } else {
          at = stream.rows.size();
          stream.rows.addAll(rows);
        }
        fake.countAppend(request.getSerializedSize());
        AppendRowsResponse.Builder ok = AppendRowsResponse.newBuilder().setWriteStream(streamName);
        AppendRowsResponse.AppendResult.Builder result = AppendRowsResponse.AppendResult.newBuilder();
        if (at >= 0) {
          result.setOffset(Int64Value.of(at));
        }
        return ok.setAppendResult(result).build();
      }

      private AppendRowsResponse error(Status.Code code, String message, List<RowError> rowErrors) {
        return AppendRowsResponse.newBuilder().setWriteStream(streamName)
            .setError(com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message))
            .addAllRowErrors(rowErrors).build();
      }

      @Override
      public void onError(Throwable t) {
        // the client went away
      }

      @Override
      public void onCompleted() {
        out.onCompleted();
      }
    };
  }

  @Override
  public void finalizeWriteStream(FinalizeWriteStreamRequest request, StreamObserver<FinalizeWriteStreamResponse> out) {
    String table = request.getName().contains("/streams/") ? tableOfStream(request.getName()) : "";
    if (failed("FinalizeWriteStream", table, FakeFaults.When.BEFORE, out)) {
      return;
    }
    long rows;
    synchronized (fake) {
      FakeStream stream = fake.state().streams.get(request.getName());
      if (stream == null) {
        out.onError(Status.NOT_FOUND.withDescription("Stream not found: " + request.getName()).asRuntimeException());
        return;
      }
      stream.finalized = true;
      rows = stream.rows.size();
    }
    if (failed("FinalizeWriteStream", table, FakeFaults.When.AFTER, out)) {
      return;
    }
    out.onNext(FinalizeWriteStreamResponse.newBuilder().setRowCount(rows).build());
    out.onCompleted();
  }

  @Override
  public void batchCommitWriteStreams(BatchCommitWriteStreamsRequest request,
      StreamObserver<BatchCommitWriteStreamsResponse> out) {
    String table = tableKey(request.getParent());
    if (failed("BatchCommitWriteStreams", table, FakeFaults.When.BEFORE, out)) {
      return;
    }
    BatchCommitWriteStreamsResponse response;
    synchronized (fake) {
      List<StorageError> errors = new ArrayList<>();
      List<FakeStream> streams = new ArrayList<>();
      for (String name : request.getWriteStreamsList()) {
        FakeStream stream = fake.state().streams.get(name);
        if (stream == null) {
          errors.add(storageError(StorageError.StorageErrorCode.STREAM_NOT_FOUND, name, "Stream not found"));
        } else if (!stream.tableKey.equals(table)) {
          errors.add(storageError(StorageError.StorageErrorCode.INVALID_STREAM_STATE, name,
              "Stream belongs to another table than the parent"));
        } else if (stream.committed) {
          errors.add(storageError(StorageError.StorageErrorCode.STREAM_ALREADY_COMMITTED, name, "Stream already committed"));
        } else if (!stream.type.equals("PENDING")) {
          errors.add(storageError(StorageError.StorageErrorCode.INVALID_STREAM_TYPE, name, "Only PENDING streams are committed"));
        } else if (!stream.finalized) {
          errors.add(storageError(StorageError.StorageErrorCode.INVALID_STREAM_STATE, name, "Stream is not finalized"));
        } else {
          streams.add(stream);
        }
      }
      if (!errors.isEmpty()) {
        response = BatchCommitWriteStreamsResponse.newBuilder().addAllStreamErrors(errors).build();
      } else {
        FakeTable fakeTable = fake.state().tables.get(table);
        for (FakeStream stream : streams) {
          if (fake.keepsRows(table)) {
            fakeTable.rows.addAll(stream.rows);
          }
          fake.counted(stream.rows.size());
          stream.rows.clear(); // committed: the table has them now
          stream.committed = true;
        }
        response = BatchCommitWriteStreamsResponse.newBuilder().setCommitTime(now()).build();
      }
    }
    if (failed("BatchCommitWriteStreams", table, FakeFaults.When.AFTER, out)) {
      return;
    }
    out.onNext(response);
    out.onCompleted();
  }

  @Override
  public void getWriteStream(GetWriteStreamRequest request, StreamObserver<WriteStream> out) {
    synchronized (fake) {
      FakeStream stream = fake.state().streams.get(request.getName());
      if (stream == null) {
        out.onError(Status.NOT_FOUND.withDescription("Stream not found: " + request.getName()).asRuntimeException());
        return;
      }
      out.onNext(WriteStream.newBuilder().setName(stream.name).setType(WriteStream.Type.valueOf(stream.type))
          .setTableSchema(storageSchema(stream.schema)).build());
    }
    out.onCompleted();
  }

  private static StorageError storageError(StorageError.StorageErrorCode code, String entity, String message) {
    return StorageError.newBuilder().setCode(code).setEntity(entity).setErrorMessage(message).build();
  }

  private static Timestamp now() {
    java.time.Instant now = java.time.Instant.now();
    return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
  }

  static TableSchema storageSchema(List<TableFieldSchema> fields) {
    TableSchema.Builder schema = TableSchema.newBuilder();
    fields.forEach(f -> schema.addFields(storageField(f)));
    return schema.build();
  }

  private static com.google.cloud.bigquery.storage.v1.TableFieldSchema storageField(TableFieldSchema field) {
    String type = FakeBigQueryState.canonicalType(field.getType());
    com.google.cloud.bigquery.storage.v1.TableFieldSchema.Builder out =
        com.google.cloud.bigquery.storage.v1.TableFieldSchema.newBuilder()
            .setName(field.getName())
            .setType(com.google.cloud.bigquery.storage.v1.TableFieldSchema.Type.valueOf(
                type.equals("FLOAT64") ? "DOUBLE" : type))
            .setMode(com.google.cloud.bigquery.storage.v1.TableFieldSchema.Mode.valueOf(
                FakeBigQueryState.mode(field).toUpperCase(Locale.ROOT)));
    if (field.getFields() != null) {
      field.getFields().forEach(f -> out.addFields(storageField(f)));
    }
    return out.build();
  }
}
