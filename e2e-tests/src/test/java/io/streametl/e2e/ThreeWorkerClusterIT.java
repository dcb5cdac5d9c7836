package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.source.generator.GeneratedEvent;
import io.streametl.source.generator.SubscriptionEventFactory;
import io.streametl.stack.ConnectGroup;
import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import io.streametl.stack.rest.ConnectorStatus;
import io.streametl.stack.rest.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 8, "Distributed": the demo pipeline (generator -> ValidateFields -> InsertMetadata ->
 * dedup/aggregate sink) on a Connect cluster of THREE workers, its own stack beside the shared
 * 2-worker one. Tasks spread over the three workers; a worker that leaves hands its tasks to the
 * others and gets work again when it joins; a rolling restart of every worker in the middle of a
 * run loses no event and writes none twice, in the topic (exactly-once source) and in the table.
 */
class ThreeWorkerClusterIT {

  private static final Logger LOG = LoggerFactory.getLogger(ThreeWorkerClusterIT.class);
  private static final int WORKERS = 3;
  private static final int SINK_TASKS = 3;
  private static final Duration COMPLETION = Duration.ofMinutes(4);
  private static final Duration REBALANCE = Duration.ofMinutes(2);

  private static LocalStack stack;

  private PipelineRun run;
  private ConnectorConfigFile sink;
  private ConnectorConfigFile generator;

  @BeforeAll
  static void startThreeWorkers() {
    E2eSettings settings = E2eSettings.fromSystemProperties();
    stack = settings.ownStack("three-workers")
        .workers(WORKERS)
        .build()
        .start();
    LOG.info("3-worker stack started in {}; logs in {}", stack.startupTimes().describe(),
        stack.layout().logsDir());
  }

  @AfterAll
  static void stopThreeWorkers() {
    if (stack != null) {
      stack.close();
    }
  }

  /** Every test leaves all three workers running and joined, and no connector behind. */
  @AfterEach
  void leaveTheClusterWhole() {
    try {
      stack.workers().stream().filter(worker -> !worker.isRunning()).forEach(ConnectWorker::start);
      stack.awaitWorkersJoined(REBALANCE);
    } finally {
      if (run != null) {
        run.stop();
      }
    }
  }

  @Test
  void tasksSpreadOverTheWorkersAndFollowAWorkerThatLeavesAndJoins() {
    startRun(6_000, 200);
    Set<String> allWorkers = workerIds(stack.workers());

    // Created on an idle cluster, the sink's three tasks go one to each worker.
    await().atMost(REBALANCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      ConnectorStatus status = stack.rest().status(sink.name());
      assertThat(status.isRunning(SINK_TASKS)).as(status.summary()).isTrue();
      assertThat(taskWorkers(status)).as("workers of the sink's tasks").hasSize(SINK_TASKS)
          .containsExactlyInAnyOrderElementsOf(allWorkers);
    });
    awaitSpreadOver(allWorkers);

    // The worker running the generator leaves gracefully: its source task and its sink task move.
    ConnectWorker leaver = workerRunning(stack.rest().status(generator.name()).tasks().get(0));
    leaver.stop();
    LOG.info("{} ({}) left the group", leaver.name(), leaver.workerId());
    stack.awaitWorkersJoined(REBALANCE);
    Set<String> survivors = workerIds(stack.workers().stream().filter(w -> w != leaver).toList());
    // The group leader holds the leaver's tasks back for scheduled.rebalance.max.delay.ms (10 s
    // here) in case it returns, then hands them to the survivors. (When the leaver was the leader,
    // the new leader has no memory of them and assigns them at once.)
    awaitSpreadOver(survivors);
    assertThat(stack.connectGroup().describe().members()).extracting(ConnectGroup.Member::clientId)
        .doesNotContain(leaver.clientId());

    leaver.start();
    stack.awaitWorkersJoined(REBALANCE);
    assertThat(stack.connectGroup().describe().members()).extracting(ConnectGroup.Member::clientId)
        .containsExactlyInAnyOrderElementsOf(stack.workers().stream().map(ConnectWorker::clientId).toList());
    // The incremental cooperative assignor revokes a task from a loaded worker and gives it to
    // the one that joined (two rebalances, a few seconds), without any restart of the connectors.
    awaitSpreadOver(allWorkers);
    LOG.info("After {} rejoined: sink tasks on {}, generator on {}", leaver.name(),
        taskWorkers(stack.rest().status(sink.name())),
        taskWorkers(stack.rest().status(generator.name())));

    awaitCompletionAndAssertExactlyOnce();
  }

  @Test
  void aRollingRestartOfEveryWorkerDuringARunLosesAndDuplicatesNothing() {
    // 80 s of events at 200/s: the three restarts take about 40 s on 2 cores; the check before
    // each restart fails (rather than passes vacuously) if the run was over before it.
    startRun(16_000, 200);
    awaitSpreadOver(workerIds(stack.workers()));
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1))
        .until(() -> run.tableEventIds().size() >= 500);

    long total = Long.parseLong(generator.config().get("events.total"));
    for (ConnectWorker worker : stack.workers()) {
      long inTopic = CommittedRecords.readAll(stack.bootstrapServers(), run.topic).size();
      assertThat(inTopic).as("events in the topic before %s restarts: the generator must still be"
          + " running, or the restart proves nothing (slow down the run)", worker.name())
          .isLessThan(total);
      long restartStarted = System.nanoTime();
      worker.stop();
      stack.awaitWorkersJoined(REBALANCE);
      worker.start();
      stack.awaitWorkersJoined(REBALANCE);
      awaitAllRunning();
      LOG.info("Rolling restart: {} back after {} ms, {} events in the topic, {} rows in the table",
          worker.name(), (System.nanoTime() - restartStarted) / 1_000_000, inTopic,
          run.tableEventIds().size());
    }

    awaitCompletionAndAssertExactlyOnce();
  }

  /**
   * The pipeline of PipelineRun with the sink at three tasks, and the generator's event times
   * starting now: with a start in the past (PipelineRun's fixed one) the generator catches up at
   * full speed and a run is over before a worker could restart. The sink's tasks are assigned
   * before the generator exists, so on an idle cluster they land on three different workers.
   */
  private void startRun(long events, double eventsPerSecond) {
    run = new PipelineRun(stack, events, eventsPerSecond, 0.05);
    sink = run.sink.withOverrides(Map.of("tasks.max", Integer.toString(SINK_TASKS)));
    generator = run.generator.withOverrides(
        Map.of("event.time.start.ms", Long.toString(System.currentTimeMillis())));
    stack.rest().createOrUpdate(sink.name(), sink.config());
    stack.rest().awaitRunning(sink.name(), SINK_TASKS, REBALANCE);
    stack.rest().createOrUpdate(generator.name(), generator.config());
    awaitAllRunning();
  }

  private void awaitAllRunning() {
    stack.rest().awaitRunning(sink.name(), SINK_TASKS, REBALANCE);
    stack.rest().awaitRunning(generator.name(), 1, REBALANCE);
  }

  /**
   * Waits until every task of the pipeline is RUNNING, the tasks together run on exactly the
   * given workers, and none holds more than its share (4 tasks over n workers: ceil(4 / n)).
   */
  private void awaitSpreadOver(Set<String> workers) {
    int tasks = SINK_TASKS + 1;
    int share = (tasks + workers.size() - 1) / workers.size();
    await().atMost(REBALANCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      ConnectorStatus sinkStatus = stack.rest().status(sink.name());
      ConnectorStatus generatorStatus = stack.rest().status(generator.name());
      assertThat(sinkStatus.isRunning(SINK_TASKS)).as("sink " + sinkStatus.summary()).isTrue();
      assertThat(generatorStatus.isRunning(1)).as("generator " + generatorStatus.summary()).isTrue();
      List<String> taskWorkers = Stream.of(sinkStatus, generatorStatus)
          .flatMap(status -> status.tasks().stream()).map(TaskStatus::workerId).toList();
      Map<String, Long> perWorker = taskWorkers.stream()
          .collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting()));
      assertThat(perWorker.keySet()).as("workers running tasks").isEqualTo(workers);
      assertThat(perWorker.values()).as("tasks per worker %s", perWorker).allMatch(n -> n <= share);
    });
  }

  /**
   * The bar of the other pipeline tests, plus the topic: the exactly-once source wrote each
   * generated event once; the table holds each distinct valid event once; every invalid record
   * reached the dead-letter topic (at least once: Connect writes it with a plain producer).
   */
  private void awaitCompletionAndAssertExactlyOnce() {
    Expected expected = expected();
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
        run.tableEventIds().size() >= expected.validIds().size()
            && PipelineRun.distinct(run.deadLetters().stream().map(PipelineRun.DeadLetter::key)
                .toList()).size() >= expected.invalidIds().size());
    // One more commit interval: anything still in flight would show up as an extra row.
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> run.tableEventIds().size() == expected.validIds().size());

    List<String> topicKeys = CommittedRecords.readAll(stack.bootstrapServers(), run.topic).stream()
        .map(record -> record.key().asText()).sorted().toList();
    assertThat(topicKeys).as("event ids in the topic").isEqualTo(expected.allIds());

    List<String> rows = run.tableEventIds();
    assertThat(rows).as("rows of %s", run.table).hasSameSizeAs(expected.validIds());
    assertThat(new HashSet<>(rows)).isEqualTo(expected.validIds());

    List<PipelineRun.DeadLetter> letters = run.deadLetters();
    assertThat(new HashSet<>(letters.stream().map(PipelineRun.DeadLetter::key).toList()))
        .isEqualTo(expected.invalidIds());
    LOG.info("{}: {} events in the topic, {} rows, {} dead letters for {} invalid events",
        run.id, topicKeys.size(), rows.size(), letters.size(), expected.invalidIds().size());
  }

  /**
   * What the generator emits at positions 0..events.total-1, computed from its own deterministic
   * event function as PipelineRun.expected() does, here for this test's generator config.
   *
   * @param validIds the distinct valid events: what the events table must hold
   * @param invalidIds the invalid events: what the dead-letter topic must hold (at least once)
   * @param allIds every emission, duplicates included, sorted: what the topic must hold
   */
  private record Expected(Set<String> validIds, Set<String> invalidIds, List<String> allIds) {}

  private Expected expected() {
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(generator.config());
    long total = Long.parseLong(generator.config().get("events.total"));
    Set<String> valid = new HashSet<>();
    Set<String> invalid = new HashSet<>();
    List<String> all = new ArrayList<>();
    for (long position = 0; position < total; position++) {
      GeneratedEvent event = factory.eventAt(position);
      (event.isValid() ? valid : invalid).add(event.eventId());
      all.add(event.eventId());
    }
    all.sort(null);
    return new Expected(valid, invalid, all);
  }

  private static Set<String> taskWorkers(ConnectorStatus status) {
    return status.tasks().stream().map(TaskStatus::workerId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> workerIds(List<ConnectWorker> workers) {
    return workers.stream().map(ConnectWorker::workerId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static ConnectWorker workerRunning(TaskStatus task) {
    return stack.workers().stream().filter(worker -> worker.workerId().equals(task.workerId()))
        .findFirst().orElseThrow(() -> new AssertionError("No worker " + task.workerId()));
  }
}
