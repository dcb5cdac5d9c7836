package io.streametl.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example chain in connect-configs/ configures without errors and does what it shows, run
 * here the way Connect runs a chain (the end-to-end tests run it on a real worker).
 */
class ExampleChainTest {

  private static final Path FILE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
      .resolve("../connect-configs/subscription-events-validated-chain.json").normalize();

  private final List<Transformation<SinkRecord>> transforms = new ArrayList<>();
  private final List<Predicate<SinkRecord>> predicates = new ArrayList<>();
  private final List<Boolean> negated = new ArrayList<>();

  @BeforeEach
  @SuppressWarnings("unchecked")
  void buildTheChain() throws Exception {
    Map<String, String> config = new HashMap<>();
    JsonNode root = JsonMapper.shared().readTree(Files.readString(FILE, StandardCharsets.UTF_8));
    root.get("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().stringValue()));
    Map<String, Predicate<SinkRecord>> byAlias = new HashMap<>();
    for (String alias : config.getOrDefault("predicates", "").split(",")) {
      if (!alias.isBlank()) {
        Map<String, String> props = withPrefix(config, "predicates." + alias + ".");
        Predicate<SinkRecord> predicate = (Predicate<SinkRecord>) instance(props.remove("type"));
        assertNoErrors(alias, predicate.config().validate(props));
        predicate.configure(props);
        byAlias.put(alias, predicate);
      }
    }
    for (String alias : config.get("transforms").split(",")) {
      Map<String, String> props = withPrefix(config, "transforms." + alias + ".");
      Transformation<SinkRecord> transform = (Transformation<SinkRecord>) instance(props.remove("type"));
      String predicate = props.remove("predicate");
      boolean negate = Boolean.parseBoolean(props.remove("negate"));
      assertNoErrors(alias, transform.config().validate(props));
      transform.configure(props);
      transforms.add(transform);
      predicates.add(predicate == null ? null : byAlias.get(predicate));
      negated.add(negate);
    }
  }

  @AfterEach
  void close() {
    transforms.forEach(Transformation::close);
    predicates.stream().filter(p -> p != null).forEach(Predicate::close);
  }

  private static Map<String, String> withPrefix(Map<String, String> config, String prefix) {
    Map<String, String> props = new HashMap<>();
    config.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        props.put(k.substring(prefix.length()), v);
      }
    });
    return props;
  }

  private static Object instance(String className) throws ReflectiveOperationException {
    return Class.forName(className).getConstructor().newInstance();
  }

  private static void assertNoErrors(String alias, List<ConfigValue> values) {
    assertThat(values).as(alias).allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
  }

  private SinkRecord run(SinkRecord record) {
    SinkRecord current = record;
    for (int i = 0; i < transforms.size() && current != null; i++) {
      Predicate<SinkRecord> predicate = predicates.get(i);
      if (predicate == null || predicate.test(current) != negated.get(i)) {
        current = transforms.get(i).apply(current);
      }
    }
    return current;
  }

  /** A generator event as the sink's JsonConverter reads it. */
  private static SinkRecord event(String region, Schema amountSchema, Object amount) {
    Schema schema = SchemaBuilder.struct().name("io.streametl.events.SubscriptionEvent")
        .field("event_id", Schema.STRING_SCHEMA).field("user_id", Schema.STRING_SCHEMA)
        .field("event_type", Schema.STRING_SCHEMA).field("plan", Schema.STRING_SCHEMA)
        .field("region", Schema.STRING_SCHEMA).field("channel", Schema.STRING_SCHEMA)
        .field("amount", amountSchema).field("currency", Schema.STRING_SCHEMA)
        .field("event_time", org.apache.kafka.connect.data.Timestamp.SCHEMA)
        .field("device", SubscriptionEvents.DEVICE).build();
    Struct value = new Struct(schema)
        .put("event_id", "7c9e6679-7425-40de-944b-e07fc1f90ae7").put("user_id", "user-000042")
        .put("event_type", "upgrade").put("plan", "pro").put("region", region).put("channel", "ios")
        .put("amount", amount).put("currency", "EUR").put("event_time", new java.util.Date(1_763_744_400_000L))
        .put("device", new Struct(SubscriptionEvents.DEVICE).put("os", "ios").put("app_version", "5.1.0"));
    return new SinkRecord("subscription-events", 1, Schema.STRING_SCHEMA, "7c9e6679", schema, value, 17L);
  }

  @Test
  void enrichesValidEventsAndHashesUserIdsOnlyInEurope() {
    Schema decimal = org.apache.kafka.connect.data.Decimal.schema(2);
    Struct europe = (Struct) run(event("eu-west", decimal, new java.math.BigDecimal("29.99"))).value();
    Struct america = (Struct) run(event("us-east", decimal, new java.math.BigDecimal("29.99"))).value();

    assertThat(europe.getString("user_id")).matches("[0-9a-f]{64}");
    assertThat(america.getString("user_id")).isEqualTo("user-000042");
    for (Struct value : List.of(europe, america)) {
      assertThat(FieldPath.parse("_meta.pipeline").lookup(value).value()).isEqualTo("subscriptions-validated");
      assertThat(FieldPath.parse("_meta.offset").lookup(value).value()).isEqualTo(17L);
      assertThat((String) FieldPath.parse("_meta.content_id").lookup(value).value()).matches("[0-9a-f]{32}");
    }
    assertThat(europe.schema()).as("hashing keeps the schema").isEqualTo(america.schema());
  }

  @Test
  void rejectsTheGeneratorsInvalidEventsWithTheReason() {
    SinkRecord wrongType = event("eu-west", Schema.STRING_SCHEMA, "12,50 EUR");

    assertThatThrownBy(() -> run(wrongType))
        .isInstanceOf(DataException.class)
        .hasMessage("ValidateJsonSchema: record value failed 1 rule: at '/amount': string found,"
            + " number expected (#/properties/amount/type)");
  }
}
