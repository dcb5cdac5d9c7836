package io.streametl.stack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

  private Map<String, String> render(Map<String, String> overrides) {
    return WorkerConfig.render(1, "127.0.0.1", 18084, "127.0.0.1:19092", "streametl-connect",
        Path.of("/data/plugins"), "service_load", overrides);
  }

  @Test
  void workersShareTheGroupAndItsTopicsButNotTheirIdentity() {
    Map<String, String> props = render(Map.of());

    assertThat(props)
        .containsEntry("group.id", "streametl-connect")
        .containsEntry("client.id", "streametl-worker-1")
        .containsEntry("listeners", "http://127.0.0.1:18084")
        .containsEntry("rest.advertised.port", "18084")
        .containsEntry("config.storage.topic", "streametl-connect-configs")
        .containsEntry("offset.storage.replication.factor", "1");
  }

  @Test
  void pluginsComeOnlyFromPluginPath() {
    assertThat(render(Map.of()))
        .containsEntry("plugin.path", "/data/plugins")
        .containsEntry("plugin.discovery", "service_load");
  }

  @Test
  void settingsForExactlyOnceAndFastTakeoverAfterAKill() {
    assertThat(render(Map.of()))
        .containsEntry("exactly.once.source.support", "enabled")
        .containsEntry("consumer.isolation.level", "read_committed")
        .containsEntry("scheduled.rebalance.max.delay.ms", "10000")
        .containsEntry("consumer.session.timeout.ms", "10000")
        .containsEntry("offset.flush.interval.ms", "5000");
  }

  @Test
  void sourcesRunInTransactionsOnlyWhenExactlyOnceIsEnabled() {
    assertThat(WorkerConfig.exactlyOnceSources(Map.of())).isTrue();
    assertThat(WorkerConfig.exactlyOnceSources(Map.of("exactly.once.source.support", "disabled"))).isFalse();
    assertThat(WorkerConfig.exactlyOnceSources(Map.of("exactly.once.source.support", "preparing"))).isFalse();
  }

  @Test
  void connectorConfigsCanUseEnvironmentVariables() {
    assertThat(render(Map.of()))
        .containsEntry("config.providers", "env")
        .containsEntry("config.providers.env.class",
            "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
        .containsEntry("connector.client.config.override.policy", "All");
  }

  @Test
  void overridesWin() {
    assertThat(render(Map.of("offset.flush.interval.ms", "1000")))
        .containsEntry("offset.flush.interval.ms", "1000");
  }
}
