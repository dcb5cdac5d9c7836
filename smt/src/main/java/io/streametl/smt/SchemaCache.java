package io.streametl.smt;

import java.util.function.UnaryOperator;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.connect.data.Schema;

/**
 * Derived schemas by input schema, so a transform rebuilds a schema once per schema it sees,
 * not once per record; returning the same instance also lets converters downstream cache theirs.
 * Bounded, as Kafka's transforms bound theirs, because a topic may carry many schema versions.
 */
public final class SchemaCache {

  private static final int SIZE = 16;

  private final Cache<Schema, Schema> cache = new SynchronizedCache<>(new LRUCache<>(SIZE));

  /** The schema derived from {@code input}, derived with {@code derive} on the first call. */
  public Schema computeIfAbsent(Schema input, UnaryOperator<Schema> derive) {
    Schema derived = cache.get(input);
    if (derived == null) {
      derived = derive.apply(input);
      cache.put(input, derived);
    }
    return derived;
  }
}
