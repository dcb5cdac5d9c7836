package io.streametl.stack.bench;

/** A 64-bit FNV-1a hash of record keys, to count distinct keys without keeping them. */
final class KeyHashes {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private KeyHashes() {}

  static long fnv1a64(byte[] bytes) {
    long hash = OFFSET_BASIS;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= PRIME;
    }
    return hash;
  }
}
