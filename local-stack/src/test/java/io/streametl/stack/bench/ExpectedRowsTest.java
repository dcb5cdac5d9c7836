package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.source.generator.SubscriptionEventFactory;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectedRowsTest {

  @Test
  void theDistinctCountIsTheNumberOfDistinctEventIdsTheGeneratorEmits() {
    ConnectorConfigFile fill = GeneratorConfigs.fill(
        ShippedConfigs.load(GeneratorConfigs.FILE), "gen", "t", 20_000, 4, 0);
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(fill.config());
    Set<String> ids = new HashSet<>();
    for (long position = 0; position < 20_000; position++) {
      ids.add(factory.eventAt(position).eventId());
    }

    long distinct = ExpectedRows.distinctValid(fill.config());

    assertThat(distinct).isEqualTo(ids.size());
    // About 5 % duplicates.
    assertThat(distinct).isBetween(18_700L, 19_300L);
  }
}
