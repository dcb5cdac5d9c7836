package io.streametl.source.generator;

import java.time.Instant;
import java.util.Map;

/**
 * The event sequence of the generator, position by position: a pure function of the
 * {@link GeneratorSettings} and the position. The source task emits exactly what this class
 * returns, so tests elsewhere (for example end-to-end tests of the sink) can build a factory from
 * the same connector config and compute the exact expected records without reading the topic.
 *
 * <h2>Contract (stable)</h2>
 *
 * <ul>
 *   <li><b>Positions.</b> The connector generates positions {@code 0 .. events.total - 1}; with
 *       {@code tasks.max = N}, task {@code i} generates {@code i, i+N, i+2N, ...}, so the set of
 *       records does not depend on N.
 *   <li><b>Content.</b> Every field except {@code event_time} depends only on {@code random.seed}
 *       and the position, not on the ratios, the rate or the start time.
 *   <li><b>Event time.</b> The on-time value of position n is {@code start + floor(n * 1000 /
 *       events.per.second)} ms, or {@code start + n} ms when the rate is 0
 *       ({@link #onTimeMillis(long)}).
 *   <li><b>Kinds.</b> A draw u in [0, 1) per position picks DUPLICATE if u &lt;
 *       {@code duplicate.ratio}, then LATE for the next {@code late.ratio}, then one of the three
 *       invalid kinds (equally likely) for the next {@code invalid.ratio}, else VALID. Position 0
 *       cannot be a duplicate and is VALID instead.
 * </ul>
 *
 * <h2>What each kind looks like</h2>
 *
 * <table>
 *   <caption>Values by kind and output format</caption>
 *   <tr><th>kind</th><th>struct</th><th>map</th><th>json</th></tr>
 *   <tr><td>VALID</td><td>{@link SubscriptionEventSchemas#VALUE}: all fields required; amount a
 *       Decimal (scale 2); event_time a Timestamp</td><td>amount a Double; event_time an ISO-8601
 *       UTC string with milliseconds</td><td>the map as UTF-8 JSON, amount an exact decimal</td></tr>
 *   <tr><td>LATE</td><td colspan="3">as VALID, with its own event id and an event_time between
 *       1x and 2x {@code late.delay.ms} before its on-time value</td></tr>
 *   <tr><td>DUPLICATE</td><td colspan="3">the key and value of an earlier position, chosen
 *       uniformly among the previous {@value #DUPLICATE_LOOKBACK} positions (same event time);
 *       if that record was invalid, so is the duplicate</td></tr>
 *   <tr><td>INVALID_MISSING_FIELD</td><td>{@link SubscriptionEventSchemas#missingField(String)}:
 *       user_id, event_type or amount optional and null</td><td colspan="2">that key absent</td></tr>
 *   <tr><td>INVALID_WRONG_TYPE</td><td>{@link SubscriptionEventSchemas#WRONG_TYPE_AMOUNT}: amount
 *       a string such as {@code "12,50 EUR"}</td><td colspan="2">amount that string</td></tr>
 *   <tr><td>UNPARSEABLE</td><td colspan="2">schema {@code STRING}: the event's JSON text cut off
 *       part-way</td><td>those bytes</td></tr>
 * </table>
 *
 * <p>Every record, invalid ones included, is keyed by its generated event id. Instances are
 * immutable and thread-safe.
 */
public final class SubscriptionEventFactory {

  /** How far back a duplicate may reach, in positions. */
  public static final int DUPLICATE_LOOKBACK = 1000;

  private final GeneratorSettings settings;

  public SubscriptionEventFactory(GeneratorSettings settings) {
    this.settings = settings;
  }

  /**
   * A factory for a connector config (the JSON body posted to the Connect REST API, as a map). The
   * config must set {@code event.time.start.ms}; otherwise the start time is chosen at first
   * start and only the connector's offsets know it: use {@link #fromConfig(Map, long)}.
   */
  public static SubscriptionEventFactory fromConfig(Map<String, ?> connectorConfig) {
    EventGeneratorConfig config = new EventGeneratorConfig(connectorConfig);
    Long startMs = config.eventTimeStartMs();
    if (startMs == null) {
      throw new IllegalArgumentException(
          EventGeneratorConfig.EVENT_TIME_START_MS_CONFIG
              + " is not set, so event times depend on when the connector first started; pass the"
              + " start time explicitly");
    }
    return new SubscriptionEventFactory(config.generatorSettings(startMs));
  }

  /** A factory for a connector config, with the given event time of position 0. */
  public static SubscriptionEventFactory fromConfig(Map<String, ?> connectorConfig, long startMs) {
    return new SubscriptionEventFactory(new EventGeneratorConfig(connectorConfig).generatorSettings(startMs));
  }

  public GeneratorSettings settings() {
    return settings;
  }

  /**
   * The on-time event time of a position, in epoch milliseconds. With a rate, the task emits the
   * record of a position once the wall clock reaches this time.
   */
  public long onTimeMillis(long position) {
    requireValid(position);
    double rate = settings.eventsPerSecond();
    long offset = rate == 0 ? position : (long) Math.floor(position * 1000.0 / rate);
    return settings.startMs() + offset;
  }

  /** The record at a position (0, 1, 2, ...). */
  public GeneratedEvent eventAt(long position) {
    requireValid(position);
    KindDraw draw = drawKind(position);
    if (draw.kind != EventKind.DUPLICATE) {
      return firstEmission(position, draw.kind);
    }
    // Follow duplicates of duplicates back to the first emission; each step goes back.
    long first = draw.duplicateOf;
    KindDraw firstDraw = drawKind(first);
    while (firstDraw.kind == EventKind.DUPLICATE) {
      first = firstDraw.duplicateOf;
      firstDraw = drawKind(first);
    }
    return GeneratedEvent.duplicate(position, draw.duplicateOf, firstEmission(first, firstDraw.kind));
  }

  private GeneratedEvent firstEmission(long position, EventKind kind) {
    PositionRandom defects = new PositionRandom(settings.seed(), position, PositionRandom.DEFECT);
    long eventMs = onTimeMillis(position);
    if (kind == EventKind.LATE) {
      long delay = settings.lateDelayMs();
      eventMs -= delay + (long) Math.floor(defects.nextDouble() * delay);
    }
    SubscriptionEvent event =
        SubscriptionEventContent.draw(
            new PositionRandom(settings.seed(), position, PositionRandom.CONTENT),
            Instant.ofEpochMilli(eventMs));
    String missingField =
        kind == EventKind.INVALID_MISSING_FIELD
            ? defects.pick(SubscriptionEventSchemas.MISSABLE_FIELDS)
            : null;
    double truncateFraction = kind == EventKind.UNPARSEABLE ? 0.2 + 0.7 * defects.nextDouble() : 0;
    return GeneratedEvent.original(position, kind, event, missingField, truncateFraction);
  }

  private KindDraw drawKind(long position) {
    PositionRandom rng = new PositionRandom(settings.seed(), position, PositionRandom.KIND);
    double u = rng.nextDouble();
    double duplicateBelow = settings.duplicateRatio();
    double lateBelow = duplicateBelow + settings.lateRatio();
    double invalidBelow = lateBelow + settings.invalidRatio();
    if (u < duplicateBelow) {
      if (position == 0) {
        return new KindDraw(EventKind.VALID, -1);
      }
      int window = (int) Math.min(position, DUPLICATE_LOOKBACK);
      return new KindDraw(EventKind.DUPLICATE, position - 1 - rng.nextInt(window));
    }
    if (u < lateBelow) {
      return new KindDraw(EventKind.LATE, -1);
    }
    if (u < invalidBelow) {
      EventKind[] invalid = {
        EventKind.INVALID_MISSING_FIELD, EventKind.INVALID_WRONG_TYPE, EventKind.UNPARSEABLE
      };
      return new KindDraw(invalid[rng.nextInt(invalid.length)], -1);
    }
    return new KindDraw(EventKind.VALID, -1);
  }

  private static void requireValid(long position) {
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0: " + position);
    }
  }

  private record KindDraw(EventKind kind, long duplicateOf) {}
}
