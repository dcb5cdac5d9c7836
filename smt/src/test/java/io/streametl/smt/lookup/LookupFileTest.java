package io.streametl.smt.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LookupFileTest {

  private static final String PLANS_CSV =
      "plan,name,tier\npro,\"Pro, monthly\",2\nteam,Team,3\n";

  @TempDir Path dir;
  private Path plans;
  private final MutableClock clock = new MutableClock();
  private Lookup<SinkRecord> transform;

  @BeforeEach
  void writePlans() throws IOException {
    plans = Files.writeString(dir.resolve("plans.csv"), PLANS_CSV, StandardCharsets.UTF_8);
  }

  @AfterEach
  void close() {
    if (transform != null) {
      transform.close();
    }
  }

  private Map<String, String> props(String... extra) {
    Map<String, String> props = new HashMap<>(Map.of(
        "key.field", "plan",
        "fields", "name:_plan.name,tier:_plan.tier",
        "file.path", plans.toString(),
        "file.key.column", "plan",
        "file.reload.interval.ms", "60000"));
    for (int i = 0; i < extra.length; i += 2) {
      props.put(extra[i], extra[i + 1]);
    }
    return props;
  }

  private Lookup<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    transform = side.pick(() -> new Lookup.Key<>(clock, p -> null), () -> new Lookup.Value<>(clock, p -> null));
    transform.configure(props);
    return transform;
  }

  private static Object at(Object data, String path) {
    return data instanceof Struct ? FieldPath.parse(path).lookup((Struct) data).value()
        : FieldPath.parse(path).lookup((Map<?, ?>) data).value();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void writesTheRowsColumnsIntoNestedStructFields(RecordSide side) {
    Lookup<SinkRecord> lookup = configured(side, props());

    SinkRecord first = lookup.apply(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));
    SinkRecord second = lookup.apply(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct().put("plan", "team")));

    assertThat(at(side.data(first), "_plan.name")).isEqualTo("Pro, monthly");
    assertThat(at(side.data(first), "_plan.tier")).isEqualTo("2");
    assertThat(at(side.data(second), "_plan.name")).isEqualTo("Team");
    assertThat(side.schema(first).field("_plan").schema().field("tier").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(side.schema(second)).isSameAs(side.schema(first));
    assertThat(side.otherData(first)).isEqualTo(RecordSide.OTHER_SIDE);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  @SuppressWarnings("unchecked")
  void writesIntoMapsAndReadsNestedKeys(RecordSide side) {
    Map<String, String> byDevice = props("key.field", "device.os");
    Map<String, Object> event = SubscriptionEvents.map();
    ((Map<String, Object>) event.get("device")).put("os", "team");

    Map<?, ?> data = (Map<?, ?>) side.data(configured(side, byDevice).apply(side.sinkRecord(null, event)));

    assertThat(at(data, "_plan.name")).isEqualTo("Team");
    assertThat(data.get("user_id")).isEqualTo("u-42");
  }

  @Test
  void looksUpNumbersByValue() {
    Map<String, Object> event = new HashMap<>(Map.of("plan", 2L));
    Map<String, String> byTier = props("key.field", "plan", "file.key.column", "tier");

    Map<?, ?> data = (Map<?, ?>) configured(RecordSide.VALUE, byTier).apply(RecordSide.VALUE.sinkRecord(null, event)).value();

    assertThat(at(data, "_plan.name")).isEqualTo("Pro, monthly");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void leavesRecordsWithoutARowByDefault(RecordSide side) {
    Map<String, Object> event = SubscriptionEvents.map();
    event.put("plan", "enterprise");
    SinkRecord mapRecord = side.sinkRecord(null, event);

    SinkRecord mapResult = configured(side, props()).apply(mapRecord);
    SinkRecord structResult = transform.apply(side.sinkRecord(SubscriptionEvents.EVENT,
        SubscriptionEvents.struct().put("plan", "enterprise")));

    assertThat(mapResult).isSameAs(mapRecord);
    assertThat(((Struct) side.data(structResult)).get("_plan")).isNull();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void writesDefaultsForAMissingKey(RecordSide side) {
    Map<String, Object> event = SubscriptionEvents.map();
    event.remove("plan");

    Map<?, ?> data = (Map<?, ?>) side.data(configured(side, props("missing.key", "default", "defaults", "name:unknown"))
        .apply(side.sinkRecord(null, event)));

    assertThat(at(data, "_plan.name")).isEqualTo("unknown");
    assertThat(FieldPath.parse("_plan.tier").lookup(data).isNull()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void failNamesTheKeyFieldButNotTheKey(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct().put("plan", "secret-plan"));

    assertThatThrownBy(() -> configured(side, props("missing.key", "fail")).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessage("Lookup: no reference row in file " + plans + " for the key in field 'plan'")
        .hasMessageNotContaining("secret-plan");
  }

  @Test
  void reloadsTheFileWhenItChangesAtTheNextCheck() throws IOException {
    Lookup<SinkRecord> lookup = configured(RecordSide.VALUE, props());
    SinkRecord record = RecordSide.VALUE.sinkRecord(null, SubscriptionEvents.map());
    Files.writeString(plans, "plan,name,tier\npro,Pro v2,2\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(plans, FileTime.fromMillis(Files.getLastModifiedTime(plans).toMillis() + 5_000));

    Object beforeTheInterval = at(lookup.apply(record).value(), "_plan.name");
    clock.advance(60_000);
    Object afterTheInterval = at(lookup.apply(record).value(), "_plan.name");

    assertThat(beforeTheInterval).isEqualTo("Pro, monthly");
    assertThat(afterTheInterval).isEqualTo("Pro v2");
  }

  @Test
  void keepsTheRowsWhenAReloadFails() throws IOException {
    Lookup<SinkRecord> lookup = configured(RecordSide.VALUE, props());
    SinkRecord record = RecordSide.VALUE.sinkRecord(null, SubscriptionEvents.map());
    Files.writeString(plans, "plan,name\n\"broken\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(plans, FileTime.fromMillis(Files.getLastModifiedTime(plans).toMillis() + 5_000));
    clock.advance(60_000);

    assertThat(at(lookup.apply(record).value(), "_plan.name")).isEqualTo("Pro, monthly");
  }

  @Test
  void readsJsonLines() throws IOException {
    Path jsonl = Files.writeString(dir.resolve("plans.jsonl"),
        "{\"plan\": \"pro\", \"name\": \"Pro\", \"tier\": 2, \"meta\": {\"a\": 1}}\n\n{\"plan\": \"team\", \"name\": null}\n",
        StandardCharsets.UTF_8);
    Map<String, String> props = props("file.path", jsonl.toString(), "file.format", "jsonl",
        "fields", "name:plan_name,tier:plan_tier,meta:plan_meta");

    Map<?, ?> data = (Map<?, ?>) configured(RecordSide.VALUE, props)
        .apply(RecordSide.VALUE.sinkRecord(null, SubscriptionEvents.map())).value();

    assertThat(data.get("plan_name")).isEqualTo("Pro");
    assertThat(data.get("plan_tier")).isEqualTo("2");
    assertThat(data.get("plan_meta")).isEqualTo("{\"a\":1}");
  }

  @Test
  void refusesAFileItCannotLoadOrAConfigMissingItsSource() {
    assertThatThrownBy(() -> configured(RecordSide.VALUE, props("file.key.column", "id")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the header row has no column 'id'");
    assertThatThrownBy(() -> configured(RecordSide.VALUE, props("file.path", "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("file.path")
        .hasMessageContaining("is required when source=file");
    assertThatThrownBy(() -> configured(RecordSide.VALUE, props("defaults", "colour:red")))
        .hasMessageContaining("'colour' is not one of the looked-up columns");
    assertThatThrownBy(() -> configured(RecordSide.VALUE, props("source", "topic", "topic.name", "plans")))
        .hasMessageContaining("topic.consumer.bootstrap.servers");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void tombstonesPass(RecordSide side) {
    SinkRecord tombstone = side.sinkRecord(null, null);

    assertThat(configured(side, props()).apply(tombstone)).isSameAs(tombstone);
  }
}
