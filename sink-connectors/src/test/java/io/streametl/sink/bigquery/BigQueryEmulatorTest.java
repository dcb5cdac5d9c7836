package io.streametl.sink.bigquery;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The destination against the BigQuery emulator (ghcr.io/goccy/bigquery-emulator: REST on 9050,
 * Storage API on 9060). Skipped where there is no Docker; FakeBigQuery covers the same ground
 * everywhere (DESIGN.md decision 9).
 */
@Testcontainers(disabledWithoutDocker = true)
class BigQueryEmulatorTest {

  private static final String PROJECT = "emulator-project";
  private static final String DATASET = "sink";

  @Container
  @SuppressWarnings("resource")
  static final GenericContainer<?> EMULATOR =
      new GenericContainer<>(DockerImageName.parse("ghcr.io/goccy/bigquery-emulator:0.6.6"))
          .withCommand("--project=" + PROJECT, "--dataset=" + DATASET)
          .withExposedPorts(9050, 9060);

  @Test
  void commitsAndResumesAgainstTheEmulator() {
    String host = EMULATOR.getHost();
    BigQueryRoundTrip.run(BigQueryRoundTrip.settings(PROJECT, DATASET, new BigQuerySettings.Connection("", "",
        "http://" + host + ":" + EMULATOR.getMappedPort(9050), host + ":" + EMULATOR.getMappedPort(9060), true)));
  }
}
