package io.streametl.stack.cli;

import io.streametl.stack.demoapi.DemoApiServer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's API pipeline in one line: the item versions the demo API has served against the
 * records the HTTP source committed to its topics; with exactly-once they meet once the last
 * pages are committed.
 */
final class ApiProgress implements AutoCloseable {

  static final List<String> TOPICS = List.of("api.orders", "api.customers");
  static final String ERROR_TOPIC = "api.errors";

  private final DemoApiServer api;
  private final TopicRecordCounter counter;

  ApiProgress(DemoApiServer api, String bootstrapServers) {
    this.api = api;
    this.counter = new TopicRecordCounter(bootstrapServers,
        List.of(TOPICS.get(0), TOPICS.get(1), ERROR_TOPIC));
  }

  String line() {
    Map<String, Long> counts = counter.refresh();
    return format(api.servedVersions("orders") + api.servedVersions("customers"),
        counts.getOrDefault(TOPICS.get(0), 0L), counts.getOrDefault(TOPICS.get(1), 0L),
        counts.getOrDefault(ERROR_TOPIC, 0L));
  }

  static String format(long served, long orders, long customers, long errors) {
    return String.format(Locale.ROOT,
        "        api: versions served %,d | %s %,d | %s %,d | %s %,d",
        served, TOPICS.get(0), orders, TOPICS.get(1), customers, ERROR_TOPIC, errors);
  }

  @Override
  public void close() {
    counter.close();
  }
}
