package io.streametl.source.http.config;

import io.streametl.common.config.ConfigProblem;

import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The connector settings of the "HTTP client" group: timeouts, limits, pace and retries. */
final class ClientSettings {

  static final String GROUP = "HTTP client";

  static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  static final String REQUEST_TIMEOUT_MS = "http.request.timeout.ms";
  static final String RESPONSE_MAX_BYTES = "http.response.max.bytes";
  static final String RATE_LIMIT = "http.rate.limit.per.second";
  static final String MAX_RETRIES = "http.retry.max.retries";
  static final String BACKOFF_INITIAL_MS = "http.retry.backoff.initial.ms";
  static final String BACKOFF_MAX_MS = "http.retry.backoff.max.ms";
  static final String RETRY_AFTER_MAX_MS = "http.retry.after.max.ms";

  private ClientSettings() {}

  static void define(ConfigDef def) {
    int order = 0;
    def.define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
        "How long to wait for a TCP (and TLS) connection.",
        GROUP, ++order, Width.SHORT, "Connect timeout (ms)");
    def.define(REQUEST_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
        "How long one request may take, body included. A timeout is retried like a 503.",
        GROUP, ++order, Width.SHORT, "Request timeout (ms)");
    def.define(RESPONSE_MAX_BYTES, Type.INT, 16 * 1024 * 1024, ConfigDef.Range.atLeast(1024),
        Importance.LOW, "The largest response body accepted; a larger one is a bad response.",
        GROUP, ++order, Width.SHORT, "Max response bytes");
    def.define(RATE_LIMIT, Type.DOUBLE, 0.0, Validators.finiteAtLeast(0), Importance.MEDIUM,
        "The most requests per second of the whole connector, split evenly over its tasks; 0"
            + " for no limit. Retries and token requests count too.",
        GROUP, ++order, Width.SHORT, "Rate limit (requests/s)");
    def.define(MAX_RETRIES, Type.INT, 8, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
        "How many times in a row a request of an endpoint is retried after a 408, 425, 429 or"
            + " 5xx, a timeout or a connection error before the task fails. Other endpoints of"
            + " the task go on while one waits for its retry.",
        GROUP, ++order, Width.SHORT, "Max retries");
    def.define(BACKOFF_INITIAL_MS, Type.LONG, 500L, ConfigDef.Range.atLeast(1), Importance.LOW,
        "The wait before the first retry; it doubles with each further retry up to"
            + " http.retry.backoff.max.ms, and a random jitter takes up to half of it off.",
        GROUP, ++order, Width.SHORT, "Initial backoff (ms)");
    def.define(BACKOFF_MAX_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
        "The longest wait between retries, unless the server asks for more with Retry-After.",
        GROUP, ++order, Width.SHORT, "Max backoff (ms)");
    def.define(RETRY_AFTER_MAX_MS, Type.LONG, 15 * 60_000L, ConfigDef.Range.atLeast(0),
        Importance.LOW, "Retry-After (seconds or an HTTP date) is honoured up to this long; a"
            + " server that asks for a longer wait fails the task with a message saying so.",
        GROUP, ++order, Width.SHORT, "Max Retry-After (ms)");
  }

  static ClientConfig parse(AbstractConfig config) {
    return new ClientConfig(
        config.getInt(CONNECT_TIMEOUT_MS),
        config.getInt(REQUEST_TIMEOUT_MS),
        config.getInt(RESPONSE_MAX_BYTES),
        config.getDouble(RATE_LIMIT),
        config.getInt(MAX_RETRIES),
        config.getLong(BACKOFF_INITIAL_MS),
        config.getLong(BACKOFF_MAX_MS),
        config.getLong(RETRY_AFTER_MAX_MS));
  }

  static void check(AbstractConfig config, List<ConfigProblem> problems) {
    if (config.getLong(BACKOFF_MAX_MS) < config.getLong(BACKOFF_INITIAL_MS)) {
      problems.add(new ConfigProblem(BACKOFF_MAX_MS, "must be at least "
          + BACKOFF_INITIAL_MS + " (" + config.getLong(BACKOFF_INITIAL_MS) + ")"));
    }
  }
}
