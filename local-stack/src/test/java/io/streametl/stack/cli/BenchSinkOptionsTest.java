package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.stack.bench.BenchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSinkOptionsTest {

  @Test
  void defaultsAreTheIssuesFigures() {
    BenchSettings settings = BenchSinkOptions.parse(List.of());

    assertThat(settings.events()).isEqualTo(1_000_000);
    assertThat(settings.partitions()).isEqualTo(4);
    assertThat(settings.tasks()).isEqualTo(2);
    assertThat(settings.commitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.rounds()).isEqualTo(3);
    assertThat(settings.freshnessRate()).isEqualTo(2_000);
    assertThat(settings.freshnessDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.freshnessEvents()).isEqualTo(120_000);
    assertThat(settings.dropTransforms()).isFalse();
    assertThat(settings.dataDir()).isEqualTo(
        Path.of(System.getProperty("java.io.tmpdir"), "streametl-bench-sink").toAbsolutePath());
    assertThat(settings.configsDir()).isEqualTo(Path.of("connect-configs"));
  }

  @Test
  void everyOptionIsTaken() {
    BenchSettings settings = BenchSinkOptions.parse(List.of("--events", "200_000",
        "--partitions=8", "--tasks", "4", "--commit-interval-ms", "2500", "--rounds", "3",
        "--freshness-rate",
        "500", "--freshness-seconds", "0", "--drop-transforms", "--data-dir", "/tmp/b"));

    assertThat(settings.events()).isEqualTo(200_000);
    assertThat(settings.partitions()).isEqualTo(8);
    assertThat(settings.tasks()).isEqualTo(4);
    assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.rounds()).isEqualTo(3);
    assertThat(settings.measuresFreshness()).isFalse();
    assertThat(settings.dropTransforms()).isTrue();
    assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/b"));
    assertThat(settings.commandLine()).isEqualTo("STREAMETL_SKIP_BUILD=1 ./streametl bench-sink"
        + " --events 200000 --partitions 8 --tasks 4 --commit-interval-ms 2500 --rounds 3"
        + " --freshness-rate 500 --freshness-seconds 0 --drop-transforms --data-dir /tmp/b");
  }

  @Test
  void workerSettingsApplyToTheWholeStackAndShowInTheCommandLine() {
    BenchSettings settings = BenchSinkOptions.parse(List.of("--worker-set",
        "consumer.receive.buffer.bytes=-1,consumer.max.poll.records=1000", "--data-dir", "/tmp/b"));

    assertThat(settings.workerOverrides()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "consumer.receive.buffer.bytes", "-1", "consumer.max.poll.records", "1000"));
    assertThat(settings.commandLine()).endsWith(" --freshness-seconds 60 --worker-set"
        + " consumer.max.poll.records=1000,consumer.receive.buffer.bytes=-1 --data-dir /tmp/b");
    assertThat(BenchSinkOptions.parse(List.of()).workerOverrides()).isEmpty();
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--worker-set", "novalue")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--worker-set takes key=value pairs");
  }

  @Test
  void badNumbersNameTheOption() {
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--events", "1e6")))
        .isInstanceOf(UsageException.class)
        .hasMessage("Option --events must be a positive whole number, got '1e6'.");
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--events", "0")))
        .hasMessageContaining("--events");
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--freshness-seconds", "-1")))
        .hasMessage("Option --freshness-seconds must be zero or a positive whole number, got"
            + " '-1'.");
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--tasks", "two")))
        .hasMessageContaining("--tasks");
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--rounds", "0")))
        .hasMessage("Option --rounds must be a positive whole number, got '0'.");
  }

  @Test
  void theCommitIntervalHasTheSinksLowerBound() {
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--commit-interval-ms", "50")))
        .isInstanceOf(UsageException.class)
        .hasMessage("Option --commit-interval-ms must be at least 100 (the sink's lower bound),"
            + " got 50.");
  }

  @Test
  void moreTasksThanPartitionsWouldIdle() {
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--tasks", "5", "--partitions", "4")))
        .isInstanceOf(UsageException.class)
        .hasMessage("Option --tasks (5) is more than --partitions (4): the extra tasks would get"
            + " no partition and idle.");
  }

  @Test
  void unknownOptionsListTheKnownOnes() {
    assertThatThrownBy(() -> BenchSinkOptions.parse(List.of("--event", "5")))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("Unknown option --event for bench-sink. Options: --events,");
  }
}
