package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectRestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker killed hard (SIGKILL: no offset flush, no group leave) and restarted: the cluster keeps
 * answering, the group has both workers again, and the exactly-once source resumes from its
 * committed offsets without losing or repeating a record.
 */
@ExtendWith(LocalStackExtension.class)
class WorkerKillIT {

  private static final String CONNECTOR = "kill-it-sequence";
  private static final String TOPIC = "kill-it-sequence";

  private final LocalStack stack;

  WorkerKillIT(LocalStack stack) {
    this.stack = stack;
  }

  @AfterEach
  void leaveTheClusterWhole() {
    stack.workers().stream().filter(worker -> !worker.isRunning()).forEach(ConnectWorker::start);
    stack.awaitWorkersJoined(Duration.ofMinutes(1));
    stack.rest().delete(CONNECTOR);
  }

  @Test
  void killedWorkerRejoinsAndTheSourceResumesExactlyOnce() {
    ConnectWorker survivor = stack.worker(0);
    ConnectWorker victim = stack.worker(1);
    ConnectRestClient rest = survivor.rest();
    rest.createOrUpdate(CONNECTOR, Map.of(
        "connector.class", "io.streametl.e2e.testplugin.SequenceSourceConnector",
        "tasks.max", "2",
        "topic", TOPIC,
        "batch.size", "20",
        "poll.interval.ms", "50",
        "exactly.once.support", "required"));
    rest.awaitRunning(CONNECTOR, 2, Duration.ofMinutes(2));
    await().atMost(Duration.ofMinutes(1))
        .until(() -> CommittedRecords.readAll(stack.bootstrapServers(), TOPIC).size() >= 200);

    victim.kill();

    assertThat(victim.isRunning()).isFalse();
    assertThat(rest.connectors()).as("the surviving worker still answers").contains(CONNECTOR);

    victim.start();
    stack.awaitWorkersJoined(Duration.ofMinutes(1));
    assertThat(stack.connectGroup().describe().members()).hasSize(2);
    rest.awaitRunning(CONNECTOR, 2, Duration.ofMinutes(2));
    int beforeResume = CommittedRecords.readAll(stack.bootstrapServers(), TOPIC).size();
    await().atMost(Duration.ofMinutes(1))
        .until(() -> CommittedRecords.readAll(stack.bootstrapServers(), TOPIC).size()
            > beforeResume + 100);

    rest.delete(CONNECTOR);
    assertEverySequenceOnceAndContiguous(CommittedRecords.readAll(stack.bootstrapServers(), TOPIC));
  }

  /** Keys are "task-N-SEQ": per task, committed sequences must be exactly 0..max, once each. */
  private static void assertEverySequenceOnceAndContiguous(List<CommittedRecords.Payloads> records) {
    Map<String, List<Long>> sequencesByTask = records.stream()
        .map(record -> record.key().asText())
        .collect(Collectors.groupingBy(key -> key.substring(0, key.lastIndexOf('-')), TreeMap::new,
            Collectors.mapping(key -> Long.parseLong(key.substring(key.lastIndexOf('-') + 1)),
                Collectors.toList())));
    assertThat(sequencesByTask).containsOnlyKeys("task-0", "task-1");
    sequencesByTask.forEach((task, sequences) -> {
      assertThat(sequences).as("duplicates of %s", task).doesNotHaveDuplicates();
      TreeSet<Long> sorted = new TreeSet<>(sequences);
      assertThat(sorted.first()).isZero();
      assertThat(sorted.last()).as("gaps in %s", task).isEqualTo(sorted.size() - 1L);
    });
    assertThat(records).extracting(CommittedRecords.Payloads::value)
        .allMatch(JsonNode::isNumber);
  }
}
