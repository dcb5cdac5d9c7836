package io.streametl.sink.bigquery;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.AvroRows;
import com.google.cloud.bigquery.storage.v1.AvroSchema;
import com.google.cloud.bigquery.storage.v1.BigQueryReadGrpc;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.google.cloud.bigquery.storage.v1.DataFormat;
import com.google.cloud.bigquery.storage.v1.ReadRowsRequest;
import com.google.cloud.bigquery.storage.v1.ReadRowsResponse;
import com.google.cloud.bigquery.storage.v1.ReadSession;
import com.google.cloud.bigquery.storage.v1.ReadStream;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.streametl.sink.bigquery.FakeBigQueryState.FakeTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The Storage Read API (v1) of {@link FakeBigQuery}, Avro format only: a read session snapshots
 * the committed rows matching its row restriction (see {@link FakeRowRestriction}) with the selected
 * columns, in one stream; ReadRows returns them as Avro binary rows in batches.
 */
final class FakeStorageReadService extends BigQueryReadGrpc.BigQueryReadImplBase {

  private static final int ROWS_PER_RESPONSE = 1000;

  private record Snapshot(Schema schema, List<String> columns, List<Map<String, Object>> rows) {}

  private final FakeBigQuery fake;
  private final Map<String, Snapshot> streams = new ConcurrentHashMap<>();

  FakeStorageReadService(FakeBigQuery fake) {
    this.fake = fake;
  }

  @Override
  public void createReadSession(CreateReadSessionRequest request, StreamObserver<ReadSession> out) {
    ReadSession asked = request.getReadSession();
    TableName name = TableName.parse(asked.getTable());
    String key = FakeBigQueryState.tableKey(name.getProject(), name.getDataset(), name.getTable());
    Status.Code injected = fake.faults().take("CreateReadSession", key, FakeFaults.When.BEFORE);
    if (injected != null) {
      out.onError(Status.fromCode(injected).withDescription("injected by FakeBigQuery").asRuntimeException());
      return;
    }
    if (asked.getDataFormat() != DataFormat.AVRO) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("FakeBigQuery reads Avro only").asRuntimeException());
      return;
    }
    Predicate<Map<String, Object>> restriction;
    try {
      restriction = FakeRowRestriction.parse(asked.getReadOptions().getRowRestriction());
    } catch (IllegalArgumentException e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    Snapshot snapshot;
    synchronized (fake) {
      FakeTable table = fake.state().tables.get(key);
      if (table == null) {
        out.onError(Status.NOT_FOUND.withDescription("Not found: Table " + key).asRuntimeException());
        return;
      }
      List<TableFieldSchema> fields = new ArrayList<>();
      List<String> selected = asked.getReadOptions().getSelectedFieldsList();
      for (String column : selected.isEmpty() ? table.schema().stream().map(TableFieldSchema::getName).toList() : selected) {
        TableFieldSchema field = FakeBigQueryState.find(table.schema(), column);
        if (field == null) {
          out.onError(Status.INVALID_ARGUMENT.withDescription("Column " + column + " not found in table " + key)
              .asRuntimeException());
          return;
        }
        fields.add(field);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> row : table.rows) {
        if (restriction.test(row)) {
          rows.add(row);
        }
      }
      snapshot = new Snapshot(avroSchema(fields), fields.stream().map(TableFieldSchema::getName).toList(), rows);
    }
    fake.countRead(snapshot.rows().size());
    String session = "projects/" + name.getProject() + "/locations/us/sessions/" + UUID.randomUUID();
    String stream = session + "/streams/0";
    streams.put(stream, snapshot);
    out.onNext(ReadSession.newBuilder().setName(session).setTable(asked.getTable()).setDataFormat(DataFormat.AVRO)
        .setAvroSchema(AvroSchema.newBuilder().setSchema(snapshot.schema().toString()))
        .addStreams(ReadStream.newBuilder().setName(stream)).build());
    out.onCompleted();
  }

  @Override
  public void readRows(ReadRowsRequest request, StreamObserver<ReadRowsResponse> out) {
    Snapshot snapshot = streams.remove(request.getReadStream());
    if (snapshot == null) {
      out.onError(Status.NOT_FOUND.withDescription("Stream not found: " + request.getReadStream()).asRuntimeException());
      return;
    }
    GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(snapshot.schema());
    List<Map<String, Object>> rows = snapshot.rows();
    for (int from = (int) request.getOffset(); from < rows.size(); from += ROWS_PER_RESPONSE) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      int to = Math.min(rows.size(), from + ROWS_PER_RESPONSE);
      try {
        for (Map<String, Object> row : rows.subList(from, to)) {
          GenericRecord record = new GenericData.Record(snapshot.schema());
          for (String column : snapshot.columns()) {
            record.put(column, avroValue(row.get(column)));
          }
          writer.write(record, encoder);
        }
        encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.onNext(ReadRowsResponse.newBuilder().setRowCount(to - from)
          .setAvroRows(AvroRows.newBuilder().setSerializedBinaryRows(ByteString.copyFrom(bytes.toByteArray()))).build());
    }
    out.onCompleted();
  }

  private static Object avroValue(Object value) {
    if (value instanceof byte[] b) {
      return ByteBuffer.wrap(b);
    }
    if (value instanceof java.math.BigDecimal || value instanceof Map || value instanceof List) {
      return value.toString(); // the fake reads scalar columns; other types come back as text
    }
    return value;
  }

  /** BigQuery's Avro mapping for the scalar types (nullable columns are unions with null). */
  private static Schema avroSchema(List<TableFieldSchema> fields) {
    SchemaBuilder.FieldAssembler<Schema> record = SchemaBuilder.record("__root__").fields();
    for (TableFieldSchema field : fields) {
      Schema type = switch (FakeBigQueryState.canonicalType(field.getType())) {
        case "INT64", "TIMESTAMP" -> Schema.create(Schema.Type.LONG);
        case "FLOAT64" -> Schema.create(Schema.Type.DOUBLE);
        case "BOOL" -> Schema.create(Schema.Type.BOOLEAN);
        case "BYTES" -> Schema.create(Schema.Type.BYTES);
        case "DATE" -> Schema.create(Schema.Type.INT);
        default -> Schema.create(Schema.Type.STRING);
      };
      record = record.name(field.getName()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type)).withDefault(null);
    }
    return record.endRecord();
  }
}
