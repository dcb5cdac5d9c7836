package io.streametl.source.generator;

import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Minimal runtime contexts that serve offsets and, if given, plugin metrics. */
final class TestContexts {

  private TestContexts() {}

  /** A task context that offers no plugin metrics (its pluginMetrics() throws). */
  static SourceTaskContext task(Map<String, String> configs, OffsetStorageReader reader) {
    return task(configs, reader, null);
  }

  /** A task context whose plugin metrics are {@code metrics}; none if null. */
  static SourceTaskContext task(Map<String, String> configs, OffsetStorageReader reader,
      PluginMetrics metrics) {
    return new SourceTaskContext() {
      @Override
      public Map<String, String> configs() {
        return configs;
      }

      @Override
      public OffsetStorageReader offsetStorageReader() {
        return reader;
      }

      @Override
      public PluginMetrics pluginMetrics() {
        if (metrics == null) {
          throw new UnsupportedOperationException("this context offers no plugin metrics");
        }
        return metrics;
      }
    };
  }

  static SourceConnectorContext connector(OffsetStorageReader reader) {
    return new SourceConnectorContext() {
      @Override
      public OffsetStorageReader offsetStorageReader() {
        return reader;
      }

      @Override
      public void requestTaskReconfiguration() {
        throw new UnsupportedOperationException("the generator never reconfigures");
      }

      @Override
      public void raiseError(Exception e) {
        throw new AssertionError("connector raised an error", e);
      }

      @Override
      public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("this context offers no plugin metrics");
      }
    };
  }
}
