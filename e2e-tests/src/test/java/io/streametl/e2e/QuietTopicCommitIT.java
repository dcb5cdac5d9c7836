package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last records before a topic goes quiet are committed by the sink's own commit interval, not
 * at the worker's next offset flush. A sink consumer with nothing to read waits in {@code poll}
 * until that flush ({@code offset.flush.interval.ms}, 60 s by default), unless the task asks to be
 * called back sooner. This class runs its own one-worker stack with a flush interval of 10 minutes,
 * far beyond the test's bound, so only the task's own request can commit the tail in time.
 */
class QuietTopicCommitIT {

  private static final Logger LOG = LoggerFactory.getLogger(QuietTopicCommitIT.class);
  private static final Duration FLUSH_INTERVAL = Duration.ofMinutes(10);
  private static final Duration BOUND = Duration.ofMinutes(2);

  private static LocalStack stack;
  private PipelineRun run;

  @BeforeAll
  static void startOneWorkerWithARareOffsetFlush() {
    stack = E2eSettings.fromSystemProperties().ownStack("quiet-topic")
        .workers(1)
        .workerProperties(Map.of("offset.flush.interval.ms", Long.toString(FLUSH_INTERVAL.toMillis())))
        .build()
        .start();
    LOG.info("Quiet-topic stack started in {}; logs in {}", stack.startupTimes().describe(),
        stack.layout().logsDir());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @AfterEach
  void removeConnectors() {
    if (run != null) {
      run.stop();
    }
  }

  @Test
  void theLastRecordsBeforeTheTopicGoesQuietAreCommittedWithoutWaitingForTheOffsetFlush() {
    // 1,500 events in about a second, then nothing: the generator stops at events.total.
    run = new PipelineRun(stack, 1_500, 1_500);
    PipelineRun.Expected expected = run.expected();

    run.start();

    await("every valid event in the table, well before the worker's next offset flush")
        .atMost(BOUND).pollInterval(Duration.ofMillis(500))
        .until(() -> run.tableEventIds().size() >= expected.validIds().size());
    List<String> rows = run.tableEventIds();
    assertThat(rows).hasSameSizeAs(expected.validIds());
    assertThat(PipelineRun.distinct(rows)).isEqualTo(PipelineRun.distinct(expected.validIds()));
  }
}
