package io.streametl.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackBuilderTest {

  @TempDir
  Path temp;

  private LocalStack.Builder valid() {
    return LocalStack.builder()
        .dataDir(temp.resolve("data"))
        .kafkaLibs(temp.resolve("libs"))
        .bundleZip(temp.resolve("bundle.zip"));
  }

  @Test
  void needsAtLeastOneWorker() {
    assertThatThrownBy(() -> valid().workers(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one worker");
  }

  @Test
  void rejectsMorePortsThanWorkers() {
    assertThatThrownBy(() -> valid().workers(1).connectPorts(List.of(18083, 18084)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 Connect ports given for 1 worker(s)");
  }

  @Test
  void rejectsAnUnknownPluginDiscoveryMode() {
    assertThatThrownBy(() -> valid().pluginDiscovery("classpath").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hybrid_fail, hybrid_warn, only_scan, service_load");
  }

  @Test
  void buildTouchesNothing() {
    valid().build();

    assertThat(temp.resolve("data")).doesNotExist();
  }

  @Test
  void startWithoutKafkaLibsSaysHowToBuildThem() {
    LocalStack stack = valid().build();

    assertThatThrownBy(stack::start)
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("No Kafka distribution in " + temp.resolve("libs"))
        .hasMessageContaining("./mvnw -B -pl kafka-dist install");
  }

  @Test
  void accessorsBeforeStartFailClearly() {
    LocalStack stack = valid().build();

    assertThatThrownBy(stack::bootstrapServers)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The local stack has not been started");
  }
}
