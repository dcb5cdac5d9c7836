package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.bench.DiscardingSinkRun;
import io.streametl.stack.bench.discard.DiscardingSinkPlugin;
import io.streametl.stack.jmx.WorkerJmx;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's discarding sink on a real worker: installed from the jar the harness writes,
 * found by service loading, fed through our sink's converters and transforms, and timed by
 * Connect's own count of the records its tasks read (DiscardingSinkRun, over JMX).
 */
class DiscardingSinkIT {

  private static final long EVENTS = 2_000;
  private static LocalStack stack;

  @BeforeAll
  static void startOneWorkerWithTheDiscardingSink() throws Exception {
    Path plugins = Files.createTempDirectory("discarding-sink-plugin");
    Path jar = DiscardingSinkPlugin.writeJar(plugins);
    stack = E2eSettings.fromSystemProperties().ownStack("discarding-sink")
        .workers(1)
        .additionalPlugin(jar)
        .build()
        .start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void itReadsEveryRecordThroughOurSinksTransformsAndIsGoneAfterwards() {
    PipelineRun run = new PipelineRun(stack, EVENTS, 5_000);
    PipelineRun.Expected expected = run.expected();
    // Named after the run, so its dead-letter topic is the run's (name + "-dlq").
    ConnectorConfigFile discarding = DiscardingSinkRun.config(run.sink, run.id);
    stack.rest().createOrUpdate(run.generator.name(), run.generator.config());
    DiscardingSinkRun.Outcome outcome;
    try (WorkerJmx jmx = new WorkerJmx()) {
      outcome = new DiscardingSinkRun(stack.rest(), jmx,
          () -> stack.workers().stream().map(ConnectWorker::pid).toList(), System.out)
          .readAll("discarding sink", discarding, EVENTS, Duration.ofMinutes(3));
    } finally {
      stack.rest().delete(run.generator.name());
    }

    assertThat(outcome.recordsRead()).isEqualTo(EVENTS);
    assertThat(outcome.elapsed()).isPositive();
    await("the discarding sink deleted").atMost(Duration.ofSeconds(30))
        .until(() -> stack.rest().findStatus(discarding.name()).isEmpty());
    // The validate SMT ran on the worker: exactly the invalid events went to the dead-letter topic.
    assertThat(expected.invalidIds()).isNotEmpty();
    await("the invalid events in the discarding sink's dead-letter topic")
        .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> run.deadLetters().size() >= expected.invalidIds().size());
    assertThat(run.deadLetters()).extracting(PipelineRun.DeadLetter::key)
        .containsExactlyInAnyOrderElementsOf(expected.invalidIds());
  }
}
