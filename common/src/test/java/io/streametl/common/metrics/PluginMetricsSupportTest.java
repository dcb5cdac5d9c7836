package io.streametl.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.junit.jupiter.api.Test;

class PluginMetricsSupportTest {

  @Test
  void aRuntimeOrContextWithoutPluginMetricsGivesNull() {
    assertThat(PluginMetricsSupport.orNull(() -> {
      throw new NoSuchMethodError("pluginMetrics");
    }, "the test")).isNull();
    assertThat(PluginMetricsSupport.orNull(() -> {
      throw new UnsupportedOperationException();
    }, "the test")).isNull();
    assertThat(PluginMetricsSupport.orNull(() -> null, "the test")).isNull();
  }

  @Test
  void theContextsPluginMetricsWhenItHasThem() {
    PluginMetrics metrics = (PluginMetrics) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {PluginMetrics.class}, (p, m, a) -> null);

    assertThat(PluginMetricsSupport.orNull(() -> metrics, "the test")).isSameAs(metrics);
  }
}
