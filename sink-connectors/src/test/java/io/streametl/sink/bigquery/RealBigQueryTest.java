package io.streametl.sink.bigquery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: the destination against real BigQuery. Runs only when STREAMETL_BQ_PROJECT and
 * STREAMETL_BQ_DATASET are set; credentials are application default credentials
 * (GOOGLE_APPLICATION_CREDENTIALS pointing at a service-account key with BigQuery Data Editor and
 * BigQuery User on the project). It creates a table named roundtrip_&lt;random&gt; (and the ledger and
 * state tables) in the dataset, creating the dataset if needed. See docs/bigquery.md.
 */
@EnabledIfEnvironmentVariable(named = "STREAMETL_BQ_PROJECT", matches = ".+")
@EnabledIfEnvironmentVariable(named = "STREAMETL_BQ_DATASET", matches = ".+")
class RealBigQueryTest {

  @Test
  void commitsAndResumesAgainstRealBigQuery() {
    BigQueryRoundTrip.run(BigQueryRoundTrip.settings(System.getenv("STREAMETL_BQ_PROJECT"),
        System.getenv("STREAMETL_BQ_DATASET"), new BigQuerySettings.Connection(
            System.getenv().getOrDefault("STREAMETL_BQ_KEY_FILE", ""), "", "", "", false)));
  }
}
