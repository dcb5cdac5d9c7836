package io.streametl.source.http;

import io.streametl.common.Version;
import io.streametl.common.config.ConfigProblem;
import io.streametl.source.http.config.EndpointConfig;
import io.streametl.source.http.config.HttpSourceConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pulls records from REST/JSON APIs into Kafka. See {@link #OVERVIEW_DOC}. */
public final class HttpSourceConnector extends SourceConnector implements Versioned {

  public static final String OVERVIEW_DOC =
      "Pulls records from REST/JSON APIs. Each endpoint (endpoints=orders,customers) is one source"
          + " partition, read by exactly one of the tasks, into its own topic. Pagination by page"
          + " number, offset/limit, cursor, next URL in the body, or the RFC 8288 Link header; the"
          + " position in a page chain is stored in the source offset. Incremental sync by a"
          + " timestamp or id watermark, with an overlap window whose re-read records are dropped"
          + " by identity. Records are located by JSON Pointer, keyed by fields, and become Structs"
          + " with an inferred schema or schemaless Maps. Auth: basic, bearer, API key, OAuth2"
          + " client credentials; TLS with a custom truststore and client certificates. Requests"
          + " are rate limited and retried with backoff and jitter on 408/425/429/5xx, timeouts"
          + " and connection errors, honouring Retry-After. Bad responses fail the task or go to"
          + " an error topic with the reason. Exactly-once source delivery is supported: each"
          + " page's records and the offset after it commit in one transaction.";

  public static final ConfigDef CONFIG_DEF = HttpSourceConfig.CONFIG_DEF;

  private static final Logger log = LoggerFactory.getLogger(HttpSourceConnector.class);

  private Map<String, String> connectorConfig;
  private List<String> endpoints;

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return HttpSourceTask.class;
  }

  @Override
  public void start(Map<String, String> props) {
    HttpSourceConfig config = new HttpSourceConfig(props);
    connectorConfig = Map.copyOf(props);
    endpoints = config.endpoints().stream().map(EndpointConfig::name).toList();
  }

  /** Endpoints spread over at most tasks.max tasks, each endpoint in exactly one. */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    int tasks = Math.min(maxTasks, endpoints.size());
    List<List<String>> groups = ConnectorUtils.groupPartitions(endpoints, tasks);
    List<Map<String, String>> configs = new ArrayList<>(tasks);
    for (int i = 0; i < groups.size(); i++) {
      configs.add(new TaskAssignment(groups.get(i), i, groups.size()).toTaskConfig(connectorConfig));
    }
    if (maxTasks > endpoints.size()) {
      log.info("HTTP source has {} endpoint(s), so it runs {} task(s), not tasks.max={}",
          endpoints.size(), tasks, maxTasks);
    }
    return configs;
  }

  @Override
  public void stop() {
    // Nothing to release: the tasks hold the clients.
  }

  /**
   * ConfigDef's checks, then every cross-setting problem at the key to change, per-endpoint keys
   * (endpoint.orders.url, ...) included, with the same checks that start() runs.
   */
  @Override
  public Config validate(Map<String, String> props) {
    Config result = super.validate(props);
    return ConfigProblem.attachAll(result, props,
        HttpSourceConfig.check(props, ConfigProblem.noErrors(result)));
  }

  /** Each page's records travel with the offset after the page, so every page can be replayed. */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  /** Transactions follow the worker's boundaries (a poll holds whole pages). */
  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.UNSUPPORTED;
  }

  /** Accepts offsets from the REST API only for configured endpoints and in a readable form. */
  @Override
  public boolean alterOffsets(Map<String, String> connectorConfig,
      Map<Map<String, ?>, Map<String, ?>> offsets) {
    Map<String, EndpointConfig> byName = new HashMap<>();
    new HttpSourceConfig(connectorConfig).endpoints().forEach(e -> byName.put(e.name(), e));
    offsets.forEach((partition, offset) -> {
      EndpointPartition endpoint = EndpointPartition.fromMap(partition);
      EndpointConfig config = byName.get(endpoint.endpoint());
      if (config == null) {
        throw new ConnectException("source partition " + partition + " names endpoint '"
            + endpoint.endpoint() + "', which is not in endpoints " + byName.keySet());
      }
      if (offset != null) {
        EndpointOffset.read(offset, config);
      }
    });
    return true;
  }
}
