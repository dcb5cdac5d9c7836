package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Connect worker stopped by SIGTERM runs Iceberg's shutdown hook, which closes Iceberg's
 * JVM-wide worker pool, while Connect's own hook is still closing the sink's partitions, and a
 * sink commits as it closes them. Those commits must not need that pool. The pool can only be
 * closed once per JVM, so the commits run in a JVM of their own ({@link CommitWithIcebergPoolClosed}).
 */
class CommitDuringShutdownTest {

  @TempDir
  Path dir;

  static Catalog catalog(Path dir) {
    return IcebergCatalogs.load("streametl", Map.of(
        "type", "jdbc",
        "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", dir.resolve("warehouse").toUri().toString()));
  }

  @Test
  void commitsSucceedAfterIcebergsWorkerPoolWasShutDown() throws Exception {
    Path output = dir.resolve("child.log");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        CommitWithIcebergPoolClosed.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    boolean ended = child.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      child.destroyForcibly();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(ended).as("the committing JVM ended").isTrue();
    assertThat(child.exitValue()).as("exit status of the committing JVM; its output:%n%s", log).isZero();
    Table table = catalog(dir).loadTable(TableIdentifier.of("demo", "events"));
    assertThat(IcebergDestinationTest.eventIds(table))
        .containsExactlyInAnyOrderElementsOf(CommitWithIcebergPoolClosed.IDS);
    assertThat(new OffsetLedger("sink").committedOffsets(table, List.of(CommitWithIcebergPoolClosed.PARTITION)))
        .containsEntry(CommitWithIcebergPoolClosed.PARTITION, (long) CommitWithIcebergPoolClosed.IDS.size());
  }
}
