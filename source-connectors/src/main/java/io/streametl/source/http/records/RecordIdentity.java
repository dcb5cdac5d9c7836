package io.streametl.source.http.records;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit hash that stands for a record version in the dedup window: SHA-256 of its identity
 * and its watermark text, cut to 8 bytes. Fixed-width, so the window in the offset stays small,
 * and stable across JVMs. One instance per task thread (MessageDigest is not thread-safe).
 */
final class RecordIdentity {

  private final MessageDigest digest;

  RecordIdentity() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  long hash(String identity, String watermark) {
    digest.reset();
    digest.update(identity.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(watermark.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest.digest()).getLong();
  }
}
