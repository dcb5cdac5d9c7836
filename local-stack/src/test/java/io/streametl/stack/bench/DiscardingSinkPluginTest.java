package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.bench.discard.DiscardingSinkConnector;
import io.streametl.stack.bench.discard.DiscardingSinkPlugin;
import io.streametl.stack.bench.discard.DiscardingSinkTask;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscardingSinkPluginTest {

  @Test
  void theJarIsASinkPluginThatServiceLoadingFinds(@TempDir Path dir) throws Exception {
    Path jar = DiscardingSinkPlugin.writeJar(dir);

    // A loader that sees the jar first, as a worker's plugin loader does; Connect's API comes
    // from the parent.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        SinkConnector.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(DiscardingSinkConnector.class.getPackageName())) {
          synchronized (getClassLoadingLock(name)) {
            Class<?> found = findLoadedClass(name);
            return found != null ? found : findClass(name);
          }
        }
        return super.loadClass(name, resolve);
      }
    }) {
      List<SinkConnector> found = ServiceLoader.load(SinkConnector.class, loader).stream()
          .map(ServiceLoader.Provider::get).toList();

      assertThat(found).hasSize(1);
      SinkConnector connector = found.get(0);
      assertThat(connector.getClass().getName()).isEqualTo(DiscardingSinkConnector.class.getName());
      assertThat(connector.getClass().getClassLoader()).isSameAs(loader);
      assertThat(connector.taskClass().getName()).isEqualTo(DiscardingSinkTask.class.getName());
    }
  }

  @Test
  void everyTaskGetsTheConnectorsSettings() {
    DiscardingSinkConnector connector = new DiscardingSinkConnector();
    connector.start(java.util.Map.of("topics", "bench-events"));

    assertThat(connector.taskConfigs(3)).hasSize(3)
        .allSatisfy(config -> assertThat(config).containsEntry("topics", "bench-events"));
  }
}
