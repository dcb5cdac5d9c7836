package io.streametl.sink.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur3Test {

  // Pinned: persisted dedup state depends on these never changing. The fox is the published
  // reference value 6c1b07bc7bbc4be3 47939ac4a93c437a, read as two little-endian longs.
  @ParameterizedTest
  @CsvSource({
      "'', 0x0000000000000000, 0x0000000000000000",
      "a, 0x85555565f6597889, 0xe6b53a48510e895a",
      "hello, 0xcbd8a7b341bd9b02, 0x5b1e906a48ae1d19",
      "The quick brown fox jumps over the lazy dog, 0xe34bbc7bbc071b6c, 0x7a433ca9c49a9347",
      "0123456789abcdef, 0x4be06d94cf4ad1a7, 0x87c35b5c63a708da",
      "0123456789abcdefg, 0x8e32612daa45f9de, 0x0800f4c206c372ee",
  })
  void matchesPinnedGoldenValues(String text, String high, String low) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    KeyHash hash = Murmur3.hash128(bytes, 0, bytes.length);

    assertThat(hash).isEqualTo(new KeyHash(Long.parseUnsignedLong(high.substring(2), 16),
        Long.parseUnsignedLong(low.substring(2), 16)));
  }

  @Property(tries = 500)
  void agreesWithGuavaOnAnyBytesAndOffset(@ForAll @Size(max = 100) byte[] bytes, @ForAll @IntRange(max = 7) int pad) {
    byte[] padded = new byte[bytes.length + pad];
    System.arraycopy(bytes, 0, padded, pad, bytes.length);

    KeyHash ours = Murmur3.hash128(padded, pad, bytes.length);

    ByteBuffer guava = ByteBuffer.wrap(Hashing.murmur3_128().hashBytes(bytes).asBytes()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(ours).isEqualTo(new KeyHash(guava.getLong(0), guava.getLong(8)));
  }
}
