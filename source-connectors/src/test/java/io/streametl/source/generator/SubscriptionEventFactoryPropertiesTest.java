package io.streametl.source.generator;

import static io.streametl.source.generator.TestConfigs.START_MS;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Properties of the sequence at arbitrary, far-out positions (e.g. after months of running). */
class SubscriptionEventFactoryPropertiesTest {

  private static final long DELAY = 60_000;
  private static final SubscriptionEventFactory FACTORY =
      new SubscriptionEventFactory(new GeneratorSettings(11, START_MS, 250, 0.4, 0.2, 0.2, DELAY));

  @Property(tries = 300)
  void everyPositionIsAPureFunctionOfTheSettings(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long position) {
    SubscriptionEventFactory fresh = new SubscriptionEventFactory(FACTORY.settings());

    assertThat(fresh.eventAt(position)).isEqualTo(FACTORY.eventAt(position));
    assertThat(fresh.eventAt(position).value(OutputFormat.JSON)).isEqualTo(FACTORY.eventAt(position).value(OutputFormat.JSON));
  }

  @Property(tries = 300)
  void eventTimesFollowTheKind(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long position) {
    GeneratedEvent event = FACTORY.eventAt(position);
    long eventMs = event.eventTime().toEpochMilli();

    switch (event.kind()) {
      case DUPLICATE -> {
        long earlier = event.duplicateOf().orElseThrow();
        assertThat(earlier).isBetween(position - SubscriptionEventFactory.DUPLICATE_LOOKBACK, position - 1);
        assertThat(event.value(OutputFormat.STRUCT)).isEqualTo(FACTORY.eventAt(earlier).value(OutputFormat.STRUCT));
      }
      case LATE -> assertThat(FACTORY.onTimeMillis(position) - eventMs).isBetween(DELAY, 2 * DELAY);
      default -> assertThat(eventMs).isEqualTo(FACTORY.onTimeMillis(position));
    }
  }
}
