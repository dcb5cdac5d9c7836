package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.common.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class HttpSourceConnectorTest {

  private static Map<String, String> props(String... settings) {
    Map<String, String> props = new HashMap<>();
    props.put("name", "api");
    props.put("endpoints", "orders,customers");
    props.put("endpoint.orders.url", "https://api.example.com/orders");
    props.put("endpoint.customers.url", "https://api.example.com/customers");
    for (int i = 0; i < settings.length; i += 2) {
      props.put(settings[i], settings[i + 1]);
    }
    return props;
  }

  /** Errors by key, as the REST API's validate call reports them. */
  private static Map<String, List<String>> errors(Map<String, String> props) {
    Config config = new HttpSourceConnector().validate(props);
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (ConfigValue value : config.configValues()) {
      if (!value.errorMessages().isEmpty()) {
        errors.put(value.name(), value.errorMessages());
      }
    }
    return errors;
  }

  @Test
  void theShippedExampleConfigValidatesWithoutErrors() throws IOException {
    JsonNode file = new ObjectMapper().readTree(Path.of("../connect-configs/http-api-source.json").toFile());
    Map<String, String> props = new HashMap<>();
    file.get("config").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
    props.put("name", file.get("name").asText());

    assertThat(errors(props)).isEmpty();
    assertThat(props.get("connector.class")).isEqualTo(HttpSourceConnector.class.getName());
  }

  @Test
  void validateAttachesEachProblemToTheKeyAtFault() {
    Map<String, List<String>> errors = errors(props(
        "endpoints", "orders,customers,refunds",
        "endpoint.orders.url", "ftp://api.example.com/orders",
        "endpoint.orders.records.pointer", "data/items",
        "endpoint.customers.pagination.mode", "cursor",
        "endpoint.customers.watermark.param", "updated_since",
        "endpoint.refunds.url", "refunds",
        "endpoint.custmers.url", "https://typo.example.com",
        "endpoint.orders.pagnation.mode", "cursor",
        "auth.type", "oauth2",
        "auth.oauth2.token.url", "https://auth.example.com/token",
        "bad.response.policy", "error_topic"));

    assertThat(errors.keySet()).containsExactlyInAnyOrder(
        "endpoint.orders.url",
        "endpoint.orders.records.pointer",
        "endpoint.customers.pagination.cursor.pointer",
        "endpoint.customers.watermark.param",
        "endpoint.refunds.url",
        "endpoint.custmers.url",
        "endpoint.orders.pagnation.mode",
        "auth.oauth2.client.id",
        "auth.oauth2.client.secret",
        "bad.response.topic");
    assertThat(errors.get("endpoint.orders.url").get(0)).contains("must be an absolute http:// or https:// URL");
    assertThat(errors.get("endpoint.orders.records.pointer").get(0)).contains("is not a JSON Pointer");
    assertThat(errors.get("endpoint.customers.pagination.cursor.pointer").get(0))
        .contains("is required with pagination.mode=cursor");
    assertThat(errors.get("endpoint.refunds.url").get(0)).contains("base.url is not set");
    assertThat(errors.get("endpoint.custmers.url").get(0)).contains("'custmers' is not listed in endpoints");
    assertThat(errors.get("endpoint.orders.pagnation.mode").get(0)).contains("not an endpoint setting");
  }

  @Test
  void aConnectorLevelDefaultIsReportedAtItsOwnKeyOnce() {
    Map<String, List<String>> errors = errors(props("records.pointer", "items", "method", "PUT"));

    assertThat(errors).containsOnlyKeys("records.pointer", "method");
    assertThat(errors.get("records.pointer")).hasSize(1);
  }

  @Test
  void templatesAreCheckedForUnknownVariablesAndWhatTheyRenderTo() {
    Map<String, List<String>> errors = errors(props("topic", "api/${endpoint}",
        "endpoint.orders.url", "https://api.example.com/orders?since=${since}",
        "endpoint.customers.body", "{}", "header.X-Since", "${watermark}"));

    assertThat(errors.get("topic").get(0)).contains("renders to 'api/orders' is not a Kafka topic name");
    assertThat(errors.get("endpoint.orders.url").get(0)).contains("unknown variable ${since}");
    assertThat(errors.get("endpoint.customers.body").get(0)).contains("method is GET");
    assertThat(errors.get("header.X-Since").get(0)).contains("watermark.field is empty");
  }

  @Test
  void startFailsOnTheFirstProblemWithItsKey() {
    HttpSourceConnector connector = new HttpSourceConnector();

    assertThatThrownBy(() -> connector.start(props("endpoint.orders.url", "")))
        .hasMessageContaining("endpoint.orders.url: is required");
  }

  @Test
  void endpointsAreSpreadOverTasksWithoutOverlap() {
    HttpSourceConnector connector = new HttpSourceConnector();
    Map<String, String> props = new HashMap<>(Map.of("endpoints", "a,b,c,d,e", "base.url", "http://h"));
    for (String name : List.of("a", "b", "c", "d", "e")) {
      props.put("endpoint." + name + ".url", "/" + name);
    }
    connector.start(props);

    List<Map<String, String>> two = connector.taskConfigs(2);
    List<Map<String, String>> eight = connector.taskConfigs(8);

    assertThat(assigned(two)).containsExactly(List.of("a", "b", "c"), List.of("d", "e"));
    assertThat(eight).hasSize(5); // never more tasks than endpoints
    List<String> all = assigned(eight).stream().flatMap(List::stream).toList();
    assertThat(all).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    assertThat(two).allSatisfy(config -> assertThat(config).containsEntry("streametl.http.task.count", "2"));
  }

  private static List<List<String>> assigned(List<Map<String, String>> configs) {
    return configs.stream().map(TaskAssignment::fromTaskConfig).map(TaskAssignment::endpoints)
        .collect(Collectors.toList());
  }

  @Test
  void supportsExactlyOnceWithTheWorkersTransactionBoundaries() {
    HttpSourceConnector connector = new HttpSourceConnector();

    assertThat(connector.exactlyOnceSupport(props())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    assertThat(connector.canDefineTransactionBoundaries(props()))
        .isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
  }

  @Test
  void alterOffsetsAcceptsOnlyReadableOffsetsOfConfiguredEndpoints() {
    HttpSourceConnector connector = new HttpSourceConnector();
    Map<Map<String, ?>, Map<String, ?>> good = new HashMap<>();
    good.put(Map.of("endpoint", "orders"), Map.of("v", 1, "mode", "none", "chain", false));
    good.put(Map.of("endpoint", "customers"), null);

    assertThat(connector.alterOffsets(props(), good)).isTrue();
    assertThatThrownBy(() -> connector.alterOffsets(props(),
        Map.of(Map.of("endpoint", "refunds"), Map.of("v", 1))))
        .isInstanceOf(ConnectException.class).hasMessageContaining("'refunds', which is not in endpoints");
    assertThatThrownBy(() -> connector.alterOffsets(props(),
        Map.of(Map.of("endpoint", "orders"), Map.of("v", 7))))
        .isInstanceOf(ConnectException.class).hasMessageContaining("unknown offset version 7");
  }

  @Test
  void isListedForServiceLoadingAndReportsTheBundleVersion() {
    Set<String> listed = new HashSet<>();
    ServiceLoader.load(SourceConnector.class).stream().forEach(p -> listed.add(p.type().getName()));

    assertThat(listed).contains(HttpSourceConnector.class.getName());
    assertThat(new HttpSourceConnector().version()).isEqualTo(Version.get());
    assertThat(new HttpSourceTask().version()).isEqualTo(Version.get());
    assertThat(HttpSourceConnector.OVERVIEW_DOC).contains("Exactly-once");
    assertThat(new ArrayList<>(HttpSourceConnector.CONFIG_DEF.names())).contains("endpoints",
        "pagination.mode", "watermark.field", "auth.type").doesNotContain("url");
  }
}
