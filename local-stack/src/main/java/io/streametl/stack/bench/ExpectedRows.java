package io.streametl.stack.bench;

import io.streametl.source.generator.GeneratedEvent;
import io.streametl.source.generator.SubscriptionEventFactory;
import java.util.Map;

/**
 * What the generator emits, computed from its own deterministic event function without Kafka or
 * Connect: the distinct valid events are what our sink's events table must hold after dedup.
 */
final class ExpectedRows {

  private ExpectedRows() {}

  /**
   * Distinct valid events among positions 0 .. events.total - 1: first emissions (not duplicates)
   * of valid events. Does not depend on the event time start, so any start will do.
   */
  static long distinctValid(Map<String, String> generatorConfig) {
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(generatorConfig, 0L);
    long total = Long.parseLong(generatorConfig.get("events.total"));
    long distinct = 0;
    for (long position = 0; position < total; position++) {
      GeneratedEvent event = factory.eventAt(position);
      if (event.isValid() && event.duplicateOf().isEmpty()) {
        distinct++;
      }
    }
    return distinct;
  }
}
