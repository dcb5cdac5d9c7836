package io.streametl.stack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

  private final Path logDir = Path.of("/data/kafka/data");

  @Test
  void singleKraftNodeWithAStaticVoterOnTheControllerPort() {
    Map<String, String> props = BrokerConfig.render("127.0.0.1", 19092, 19093, logDir, Map.of());

    assertThat(props)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
        .containsEntry("log.dirs", logDir.toString());
  }

  @Test
  void internalTopicsFitOneBrokerIncludingTransactionsForExactlyOnce() {
    Map<String, String> props = BrokerConfig.render("127.0.0.1", 1, 2, logDir, Map.of());

    assertThat(props)
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1");
  }

  @Test
  void overridesWin() {
    Map<String, String> props = BrokerConfig.render("127.0.0.1", 1, 2, logDir,
        Map.of("num.partitions", "3"));

    assertThat(props).containsEntry("num.partitions", "3");
  }
}
