package io.streametl.sink.state;

/**
 * A 128-bit hash of a canonically encoded key ({@link CanonicalEncoder}), as computed by
 * {@link Murmur3#hash128}: {@code high} is Murmur3's h1, {@code low} its h2. Dedup state stores
 * these instead of the keys themselves, so every key costs the same 16 bytes.
 */
public record KeyHash(long high, long low) {}
