package io.streametl.converter;

import org.apache.kafka.connect.data.Schema;

/**
 * The envelope prefixes a converter has learnt, newest first, at most {@code capacity}.
 *
 * <p>A topic usually carries one schema, or a few versions of it, so a short list compared byte by
 * byte beats hashing: a comparison stops at the first differing byte and runs vectorised. When more
 * schemas than {@code capacity} alternate, the oldest is dropped and its records take the slow
 * path (JsonConverter) until learnt again; the result is the same, only slower.
 *
 * <p>Copy-on-write: Connect gives each task its own converters, but JsonConverter may be shared
 * between threads, and so may this one: a reader sees either the old or the new array, never a
 * half-built one.
 */
final class EnvelopePrefixes {

  private final int capacity;
  private volatile EnvelopePrefix[] entries = new EnvelopePrefix[0];

  EnvelopePrefixes(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** The learnt prefix {@code value} starts with, or null. */
  EnvelopePrefix matching(byte[] value) {
    for (EnvelopePrefix prefix : entries) {
      if (prefix.startsWith(value)) {
        return prefix;
      }
    }
    return null;
  }

  /** Remembers that values starting with {@code prefixBytes} have {@code schema}. */
  void learn(byte[] prefixBytes, Schema schema) {
    EnvelopePrefix[] current = entries;
    int kept = Math.min(current.length, capacity - 1);
    EnvelopePrefix[] next = new EnvelopePrefix[kept + 1];
    next[0] = new EnvelopePrefix(prefixBytes, schema);
    System.arraycopy(current, 0, next, 1, kept);
    entries = next;
  }

  /** Whether as many prefixes are remembered as fit. */
  boolean full() {
    return entries.length == capacity;
  }

  int size() {
    return entries.length;
  }
}
