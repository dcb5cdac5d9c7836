package io.streametl.source.generator;

import static io.streametl.source.generator.TestConfigs.START_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SubscriptionEventFactoryTest {

  private static final long DELAY = 600_000;

  private static SubscriptionEventFactory factory(double duplicate, double late, double invalid) {
    return factory(7, 0, duplicate, late, invalid);
  }

  private static SubscriptionEventFactory factory(
      long seed, double rate, double duplicate, double late, double invalid) {
    return new SubscriptionEventFactory(
        new GeneratorSettings(seed, START_MS, rate, duplicate, late, invalid, DELAY));
  }

  private static Map<EventKind, Integer> countKinds(SubscriptionEventFactory factory, int positions) {
    Map<EventKind, Integer> counts = new EnumMap<>(EventKind.class);
    for (long p = 0; p < positions; p++) {
      counts.merge(factory.eventAt(p).kind(), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void equalSettingsGenerateIdenticalRecordsInEveryFormat() {
    SubscriptionEventFactory first = factory(0.1, 0.1, 0.2);
    SubscriptionEventFactory second = factory(0.1, 0.1, 0.2);

    for (long p = 0; p < 2_000; p++) {
      GeneratedEvent a = first.eventAt(p);
      GeneratedEvent b = second.eventAt(p);
      assertThat(b).isEqualTo(a);
      for (OutputFormat format : OutputFormat.values()) {
        assertThat(b.value(format)).as("position %d as %s", p, format).isEqualTo(a.value(format));
      }
    }
  }

  @Test
  void differentSeedsGenerateDifferentEvents() {
    Set<String> seven = new HashSet<>();
    Set<String> eight = new HashSet<>();
    for (long p = 0; p < 1_000; p++) {
      seven.add(factory(7, 0, 0, 0, 0).eventAt(p).eventId());
      eight.add(factory(8, 0, 0, 0, 0).eventAt(p).eventId());
    }
    assertThat(seven).hasSize(1_000).doesNotContainAnyElementsOf(eight);
  }

  @Test
  void theSequenceIsPinned() {
    // Other modules' tests recompute events from the config: a change here breaks them silently.
    GeneratedEvent first = factory(0, 0, 0).eventAt(0);

    assertThat(first.eventId()).isEqualTo(PinnedValues.EVENT_ID_SEED_7_POSITION_0);
    assertThat(first.event().userId()).isEqualTo(PinnedValues.USER_ID_SEED_7_POSITION_0);
    assertThat(new String((byte[]) first.value(OutputFormat.JSON).value(), StandardCharsets.UTF_8))
        .isEqualTo(PinnedValues.JSON_SEED_7_POSITION_0);
    SubscriptionEventFactory noisy = factory(0.1, 0.1, 0.3);
    assertThat(LongStream.range(0, 30).mapToObj(p -> noisy.eventAt(p).kind().name()).collect(Collectors.joining(",")))
        .isEqualTo(PinnedValues.NOISY_KINDS_0_TO_29);
  }

  @Test
  void eventIdsAreDistinctVersion4UuidsAmongFirstEmissions() {
    SubscriptionEventFactory factory = factory(0.1, 0.1, 0.2);
    Set<String> ids = new HashSet<>();
    int firstEmissions = 0;
    for (long p = 0; p < 100_000; p++) {
      GeneratedEvent event = factory.eventAt(p);
      if (event.kind() != EventKind.DUPLICATE) {
        firstEmissions++;
        ids.add(event.eventId());
        assertThat(UUID.fromString(event.eventId()).version()).isEqualTo(4);
      }
    }
    assertThat(ids).hasSize(firstEmissions);
  }

  @Test
  void kindSharesMatchTheRatiosOver100kPositions() {
    Map<EventKind, Integer> counts = countKinds(factory(0.10, 0.05, 0.15), 100_000);

    assertThat(share(counts, EventKind.DUPLICATE)).isCloseTo(0.10, within(0.005));
    assertThat(share(counts, EventKind.LATE)).isCloseTo(0.05, within(0.005));
    assertThat(share(counts, EventKind.INVALID_MISSING_FIELD)).isCloseTo(0.05, within(0.005));
    assertThat(share(counts, EventKind.INVALID_WRONG_TYPE)).isCloseTo(0.05, within(0.005));
    assertThat(share(counts, EventKind.UNPARSEABLE)).isCloseTo(0.05, within(0.005));
    assertThat(share(counts, EventKind.VALID)).isCloseTo(0.70, within(0.005));
  }

  private static double share(Map<EventKind, Integer> counts, EventKind kind) {
    return counts.getOrDefault(kind, 0) / 100_000.0;
  }

  @Test
  void zeroRatiosGenerateOnlyValidEvents() {
    assertThat(countKinds(factory(0, 0, 0), 10_000)).containsOnlyKeys(EventKind.VALID);
  }

  @Test
  void aDuplicateRepeatsTheRecordOfAnEarlierPositionExactly() {
    SubscriptionEventFactory factory = factory(0.3, 0.1, 0.2);
    int duplicates = 0;
    for (long n = 0; n < 20_000; n++) {
      GeneratedEvent event = factory.eventAt(n);
      if (event.kind() != EventKind.DUPLICATE) {
        assertThat(event.duplicateOf()).isEmpty();
        assertThat(event.original()).isSameAs(event);
        continue;
      }
      duplicates++;
      long m = event.duplicateOf().orElseThrow();
      assertThat(m).isBetween(n - SubscriptionEventFactory.DUPLICATE_LOOKBACK, n - 1);
      GeneratedEvent earlier = factory.eventAt(m);
      assertThat(event.eventId()).isEqualTo(earlier.eventId());
      assertThat(event.eventTime()).isEqualTo(earlier.eventTime());
      for (OutputFormat format : OutputFormat.values()) {
        assertThat(event.value(format)).isEqualTo(earlier.value(format));
      }
      assertThat(event.original().kind()).isNotEqualTo(EventKind.DUPLICATE);
      assertThat(event.original().position()).isLessThanOrEqualTo(m);
    }
    assertThat(duplicates).isGreaterThan(5_000);
  }

  @Test
  void aDuplicateOfAnInvalidRecordIsInvalid() {
    SubscriptionEventFactory factory = factory(0.5, 0, 0.5);
    GeneratedEvent duplicateOfInvalid =
        LongStream.range(0, 10_000)
            .mapToObj(factory::eventAt)
            .filter(e -> e.kind() == EventKind.DUPLICATE && e.original().kind().isInvalid())
            .findFirst()
            .orElseThrow();

    assertThat(duplicateOfInvalid.isValid()).isFalse();
  }

  @Test
  void positionZeroIsNeverADuplicate() {
    SubscriptionEventFactory allDuplicates = factory(1.0, 0, 0);

    assertThat(allDuplicates.eventAt(0).kind()).isEqualTo(EventKind.VALID);
    assertThat(allDuplicates.eventAt(1).duplicateOf()).hasValue(0);
    assertThat(allDuplicates.eventAt(500).eventId()).isEqualTo(allDuplicates.eventAt(0).eventId());
  }

  @Test
  void onTimeEventTimesStepByTheRate() {
    assertThat(factory(7, 0, 0, 0, 0).onTimeMillis(5)).isEqualTo(START_MS + 5);
    assertThat(factory(7, 4, 0, 0, 0).onTimeMillis(5)).isEqualTo(START_MS + 1_250);
    SubscriptionEventFactory thirds = factory(7, 3, 0, 0, 0);
    assertThat(List.of(thirds.onTimeMillis(1), thirds.onTimeMillis(2), thirds.onTimeMillis(3)))
        .containsExactly(START_MS + 333, START_MS + 666, START_MS + 1_000);
  }

  @Test
  void nonLateEventsCarryTheirOnTimeValue() {
    SubscriptionEventFactory factory = factory(7, 20, 0, 0.2, 0.2);
    for (long p = 0; p < 5_000; p++) {
      GeneratedEvent event = factory.eventAt(p);
      if (event.kind() != EventKind.LATE) {
        assertThat(event.eventTime().toEpochMilli()).isEqualTo(factory.onTimeMillis(p));
      }
    }
  }

  @Test
  void lateEventsAreBetweenOneAndTwoDelaysBehindTheirOnTimeValue() {
    SubscriptionEventFactory factory = factory(7, 20, 0, 0.5, 0);
    int late = 0;
    for (long p = 0; p < 5_000; p++) {
      GeneratedEvent event = factory.eventAt(p);
      if (event.kind() == EventKind.LATE) {
        late++;
        long lateness = factory.onTimeMillis(p) - event.eventTime().toEpochMilli();
        assertThat(lateness).isBetween(DELAY, 2 * DELAY);
        assertThat(event.isValid()).isTrue();
      }
    }
    assertThat(late).isGreaterThan(2_000);
  }

  @Test
  void contentDependsOnlyOnSeedAndPosition() {
    SubscriptionEventFactory clean = factory(7, 0, 0, 0, 0);
    SubscriptionEventFactory noisy = factory(7, 50, 0.2, 0.2, 0.2);
    for (long p = 0; p < 2_000; p++) {
      GeneratedEvent noisyEvent = noisy.eventAt(p);
      if (noisyEvent.kind() != EventKind.DUPLICATE) {
        SubscriptionEvent expected = clean.eventAt(p).event();
        assertThat(noisyEvent.event())
            .usingRecursiveComparison()
            .ignoringFields("eventTime")
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void fieldValuesComeFromTheDocumentedDomains() {
    SubscriptionEventFactory factory = factory(0, 0, 0);
    Set<String> currencies = new HashSet<>();
    for (long p = 0; p < 5_000; p++) {
      SubscriptionEvent event = factory.eventAt(p).event();
      assertThat(event.userId()).matches("user-\\d{6}");
      assertThat(event.eventType()).isIn(SubscriptionEventContent.EVENT_TYPES);
      assertThat(event.plan()).isIn(SubscriptionEventContent.PLANS);
      assertThat(event.region()).isIn(SubscriptionEventContent.REGIONS);
      assertThat(event.channel()).isIn(SubscriptionEventContent.CHANNELS);
      assertThat(event.amount().scale()).isEqualTo(SubscriptionEventSchemas.AMOUNT_SCALE);
      assertThat(event.amount().signum()).isNotNegative();
      assertThat(event.device().appVersion()).matches("\\d+\\.\\d+\\.\\d+");
      currencies.add(event.currency());
    }
    assertThat(currencies).containsExactlyInAnyOrder("USD", "EUR", "GBP", "INR");
  }

  @Test
  void rejectsNegativePositions() {
    assertThatThrownBy(() -> factory(0, 0, 0).eventAt(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position");
  }

  @Test
  void fromConfigMatchesTheConnectorsSettings() {
    Map<String, String> config = TestConfigs.noisyConnector();
    SubscriptionEventFactory fromConfig = SubscriptionEventFactory.fromConfig(config);

    SubscriptionEventFactory direct =
        new SubscriptionEventFactory(new GeneratorSettings(7, START_MS, 0, 0.1, 0.1, 0.15, DELAY));
    assertThat(fromConfig.settings()).isEqualTo(direct.settings());
    assertThat(fromConfig.eventAt(123)).isEqualTo(direct.eventAt(123));
    assertThat(SubscriptionEventFactory.fromConfig(config, 99).settings().startMs()).isEqualTo(99);
  }

  @Test
  void fromConfigWithoutAStartTimeAsksForOne() {
    Map<String, String> config = TestConfigs.connector();
    config.remove(EventGeneratorConfig.EVENT_TIME_START_MS_CONFIG);

    assertThatThrownBy(() -> SubscriptionEventFactory.fromConfig(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(EventGeneratorConfig.EVENT_TIME_START_MS_CONFIG);
  }
}
