package io.streametl.common.metrics;

import java.util.LinkedHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every plugin's metrics need from Connect's plugin metrics (KIP-877, Kafka 4.1+): the task's
 * plugin metrics, or null where the runtime has none, so that every plugin degrades the same way
 * (it keeps working and reports no metrics), and gauges of a plain value. The lookup is a
 * lambda ({@code () -> context.pluginMetrics()}), not a method reference, so that a runtime
 * without the method fails inside the lookup (where it is caught) rather than where the
 * reference is made.
 */
public final class PluginMetricsSupport {

  private static final Logger LOG = LoggerFactory.getLogger(PluginMetricsSupport.class);

  private PluginMetricsSupport() {}

  /**
   * @param lookup asks the task's context for its plugin metrics
   * @param whose names the plugin in the log line said when there are none, e.g. "the MQTT source"
   */
  public static PluginMetrics orNull(Supplier<PluginMetrics> lookup, String whose) {
    PluginMetrics metrics;
    try {
      metrics = lookup.get();
    } catch (UnsupportedOperationException | AbstractMethodError | NoSuchMethodError
        | NoClassDefFoundError e) {
      metrics = null; // a runtime older than Kafka 4.1, or a context that offers none
    }
    if (metrics == null) {
      LOG.info("The Connect runtime offers no plugin metrics (Kafka 4.1+); {}'s metrics are not"
          + " reported", whose);
    }
    return metrics;
  }

  /** Adds a gauge of {@code value}, read whenever JMX asks (so the value must be safe to read from any thread). */
  public static void addGauge(PluginMetrics plugin, String name, String description, LongSupplier value) {
    plugin.addMetric(plugin.metricName(name, description, new LinkedHashMap<>()),
        (Gauge<Long>) (config, now) -> value.getAsLong());
  }
}
