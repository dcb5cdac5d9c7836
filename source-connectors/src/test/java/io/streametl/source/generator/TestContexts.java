package io.streametl.source.generator;

import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Minimal runtime contexts that only serve offsets. */
final class TestContexts {

  private TestContexts() {}

  static SourceTaskContext task(Map<String, String> configs, OffsetStorageReader reader) {
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
        throw new UnsupportedOperationException("the generator registers no metrics");
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
        throw new UnsupportedOperationException("the generator registers no metrics");
      }
    };
  }
}
