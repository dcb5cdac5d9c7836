package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyHashesTest {

  @Test
  void matchesTheFnv1a64ReferenceValues() {
    assertThat(KeyHashes.fnv1a64(new byte[0])).isEqualTo(0xcbf29ce484222325L);
    assertThat(KeyHashes.fnv1a64("a".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(KeyHashes.fnv1a64("foobar".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(0x85944171f73967e8L);
  }
}
