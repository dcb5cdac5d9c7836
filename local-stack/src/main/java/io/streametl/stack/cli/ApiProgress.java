package io.streametl.stack.cli;

import io.streametl.stack.demoapi.DemoApiServer;
import java.util.List;
import java.util.Locale;

/**
 * The demo's API pipeline in one line: the item versions the demo API has served against the
 * records the HTTP source committed to its topics; with exactly-once they meet once the last
 * pages are committed. The figures come from the demo's one progress reader.
 */
final class ApiProgress {

  static final String ORDERS_TOPIC = "api.orders";
  static final String CUSTOMERS_TOPIC = "api.customers";
  static final String ERROR_TOPIC = "api.errors";
  static final List<String> TOPICS = List.of(ORDERS_TOPIC, CUSTOMERS_TOPIC, ERROR_TOPIC);

  private final DemoApiServer api;
  private final DemoProgress progress;

  ApiProgress(DemoApiServer api, DemoProgress progress) {
    this.api = api;
    this.progress = progress;
  }

  /** After {@link DemoProgress#sample()} in the same tick. */
  String line() {
    return format(api.servedVersions("orders") + api.servedVersions("customers"),
        progress.committedRecords(ORDERS_TOPIC), progress.committedRecords(CUSTOMERS_TOPIC),
        progress.committedRecords(ERROR_TOPIC));
  }

  static String format(long served, long orders, long customers, long errors) {
    return String.format(Locale.ROOT,
        "        api: versions served %,d | %s %,d | %s %,d | %s %,d",
        served, ORDERS_TOPIC, orders, CUSTOMERS_TOPIC, customers, ERROR_TOPIC, errors);
  }
}
