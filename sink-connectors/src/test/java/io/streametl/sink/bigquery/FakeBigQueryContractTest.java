package io.streametl.sink.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.BidiStream;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.StorageError;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.Int64Value;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FakeBigQuery keeps the public contract the sink relies on, checked through Google's own clients:
 * offsets, stream types, finalize and batch commit, writer-schema mismatch and schema update rules.
 */
class FakeBigQueryContractTest {

  static final String PROJECT = FakeBigQueryFixture.PROJECT;
  static final Schema SCHEMA = Schema.of(Field.newBuilder("id", StandardSQLTypeName.STRING).setMode(Field.Mode.NULLABLE).build());

  FakeBigQuery fake;
  FakeBigQueryFixture fixture;
  BigQuery rest;
  BigQueryWriteClient write;

  @BeforeEach
  void start() {
    fake = FakeBigQuery.start();
    fixture = new FakeBigQueryFixture(fake);
    BigQuerySettings settings = fixture.settings();
    rest = BigQueryClients.rest(settings, NoCredentials.getInstance());
    write = BigQueryClients.write(settings, NoCredentials.getInstance());
    BigQueryTables tables = new BigQueryTables(rest, new Retrier(settings.retry(), d -> { }));
    tables.ensureDataset(PROJECT, "sink", "US");
    tables.ensure(FakeBigQueryFixture.table("t"), SCHEMA, List.of());
  }

  @AfterEach
  void stop() {
    write.close();
    fake.close();
  }

  private String stream(WriteStream.Type type) {
    return write.createWriteStream(CreateWriteStreamRequest.newBuilder()
        .setParent(FakeBigQueryFixture.table("t").writeParent())
        .setWriteStream(WriteStream.newBuilder().setType(type)).build()).getName();
  }

  private AppendRowsResponse append(String stream, RowEncoder encoder, long offset, Object... values) {
    ProtoRows.Builder rows = ProtoRows.newBuilder();
    for (Object value : values) {
      rows.addSerializedRows(encoder.encode(value));
    }
    AppendRowsRequest.Builder request = AppendRowsRequest.newBuilder().setWriteStream(stream)
        .setProtoRows(AppendRowsRequest.ProtoData.newBuilder()
            .setWriterSchema(ProtoSchema.newBuilder().setProtoDescriptor(encoder.descriptorProto())).setRows(rows));
    if (offset >= 0) {
      request.setOffset(Int64Value.of(offset));
    }
    BidiStream<AppendRowsRequest, AppendRowsResponse> call = write.appendRowsCallable().call();
    call.send(request.build());
    AppendRowsResponse response = call.iterator().next();
    call.cancel();
    return response;
  }

  private static Status.Code code(AppendRowsResponse response) {
    return response.hasError() ? Status.fromCodeValue(response.getError().getCode()).getCode() : Status.Code.OK;
  }

  private List<Object> ids() {
    return fake.rows(PROJECT, "sink", "t").stream().map(r -> r.get("id")).toList();
  }

  @Test
  void offsetsAreCheckedAndPendingRowsAppearOnlyWhenCommitted() {
    RowEncoder encoder = new RowEncoder(SCHEMA);
    String pending = stream(WriteStream.Type.PENDING);
    assertThat(code(append(pending, encoder, 0, Map.of("id", "a"), Map.of("id", "b")))).isEqualTo(Status.Code.OK);
    assertThat(code(append(pending, encoder, 0, Map.of("id", "a")))).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(code(append(pending, encoder, 5, Map.of("id", "x")))).isEqualTo(Status.Code.OUT_OF_RANGE);
    assertThat(code(append(pending, encoder, 2, Map.of("id", "c")))).isEqualTo(Status.Code.OK);
    assertThat(ids()).isEmpty();

    BatchCommitWriteStreamsRequest commit = BatchCommitWriteStreamsRequest.newBuilder()
        .setParent(FakeBigQueryFixture.table("t").writeParent()).addWriteStreams(pending).build();
    BatchCommitWriteStreamsResponse unfinalized = write.batchCommitWriteStreams(commit);
    assertThat(unfinalized.hasCommitTime()).isFalse();
    assertThat(unfinalized.getStreamErrors(0).getCode()).isEqualTo(StorageError.StorageErrorCode.INVALID_STREAM_STATE);

    assertThat(write.finalizeWriteStream(FinalizeWriteStreamRequest.newBuilder().setName(pending).build())
        .getRowCount()).isEqualTo(3);
    assertThat(code(append(pending, encoder, 3, Map.of("id", "late")))).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(write.batchCommitWriteStreams(commit).hasCommitTime()).isTrue();
    assertThat(ids()).containsExactly("a", "b", "c");
    List<String> listed = new java.util.ArrayList<>();
    rest.listTableData(FakeBigQueryFixture.table("t").id(), SCHEMA).iterateAll()
        .forEach(row -> listed.add(row.get("id").getStringValue()));
    assertThat(listed).as("tabledata.list").containsExactly("a", "b", "c");
    assertThat(write.batchCommitWriteStreams(commit).getStreamErrors(0).getCode())
        .isEqualTo(StorageError.StorageErrorCode.STREAM_ALREADY_COMMITTED);
    assertThat(ids()).containsExactly("a", "b", "c");
  }

  @Test
  void committedStreamRowsAreVisibleAtOnce() {
    String committed = stream(WriteStream.Type.COMMITTED);
    assertThat(code(append(committed, new RowEncoder(SCHEMA), 0, Map.of("id", "now")))).isEqualTo(Status.Code.OK);
    assertThat(ids()).containsExactly("now");
  }

  @Test
  void aWriterSchemaWithAFieldTheTableLacksIsRejected() {
    Schema wider = Schema.of(SCHEMA.getFields().get(0),
        Field.newBuilder("extra", StandardSQLTypeName.INT64).setMode(Field.Mode.NULLABLE).build());
    AppendRowsResponse response = append(stream(WriteStream.Type.PENDING), new RowEncoder(wider), 0,
        Map.of("id", "a", "extra", 1L));
    assertThat(code(response)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(response.getError().getMessage()).contains("more fields", "extra");
  }

  @Test
  void schemaUpdatesMayOnlyAddNullableColumns() {
    Schema dropped = Schema.of(Field.newBuilder("other", StandardSQLTypeName.STRING).setMode(Field.Mode.NULLABLE).build());
    assertThatThrownBy(() -> rest.update(TableInfo.of(FakeBigQueryFixture.table("t").id(), StandardTableDefinition.of(dropped))))
        .isInstanceOf(BigQueryException.class).hasMessageContaining("missing");
    Schema required = Schema.of(SCHEMA.getFields().get(0),
        Field.newBuilder("must", StandardSQLTypeName.STRING).setMode(Field.Mode.REQUIRED).build());
    assertThatThrownBy(() -> rest.update(TableInfo.of(FakeBigQueryFixture.table("t").id(), StandardTableDefinition.of(required))))
        .isInstanceOf(BigQueryException.class).hasMessageContaining("required");
    Schema added = Schema.of(SCHEMA.getFields().get(0),
        Field.newBuilder("more", StandardSQLTypeName.STRING).setMode(Field.Mode.NULLABLE).build());
    rest.update(TableInfo.of(FakeBigQueryFixture.table("t").id(), StandardTableDefinition.of(added)));
    assertThat(rest.getTable(FakeBigQueryFixture.table("t").id()).getDefinition().getSchema().getFields()).hasSize(2);
  }
}
