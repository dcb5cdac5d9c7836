package io.streametl.sink.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class CanonicalEncoderTest {

  private static byte[] encode(Object... values) {
    CanonicalEncoder encoder = new CanonicalEncoder().tuple(values.length);
    for (Object value : values) {
      encoder.value(value, "v");
    }
    return encoder.toByteArray();
  }

  @Test
  void lengthsKeepConcatenationsApart() {
    assertThat(encode("ab", "c")).isNotEqualTo(encode("a", "bc"));
    assertThat(encode("abc")).isNotEqualTo(encode("ab", "c"));
    assertThat(encode(List.of("a", "b"), "c")).isNotEqualTo(encode(List.of("a"), "b", "c"));
  }

  @Test
  void integersAreEqualByValueWhateverTheirWidth() {
    assertThat(encode(5)).isEqualTo(encode(5L)).isEqualTo(encode((short) 5)).isEqualTo(encode((byte) 5))
        .isEqualTo(encode(BigInteger.valueOf(5)));
    assertThat(encode(BigInteger.TWO.pow(70))).isNotEqualTo(encode(BigInteger.TWO.pow(71)));
  }

  @Test
  void decimalsIgnoreScaleAndFloatsNormaliseZeroAndNaN() {
    assertThat(encode(new BigDecimal("12.30"))).isEqualTo(encode(new BigDecimal("12.3")));
    assertThat(encode(new BigDecimal("0.00"))).isEqualTo(encode(BigDecimal.ZERO));
    assertThat(encode(-0.0)).isEqualTo(encode(0.0));
    assertThat(encode(Double.NaN)).isEqualTo(encode(Float.NaN));
    assertThat(encode(1.5f)).isEqualTo(encode(1.5d));
  }

  @Test
  void familiesNeverCollide() {
    assertThat(encode(1)).isNotEqualTo(encode("1")).isNotEqualTo(encode(1.0)).isNotEqualTo(encode(BigDecimal.ONE))
        .isNotEqualTo(encode(new Date(1))).isNotEqualTo(encode(true));
    assertThat(encode((Object) null)).isNotEqualTo(new CanonicalEncoder().tuple(1).absent().toByteArray());
    assertThat(encode("x".getBytes())).isNotEqualTo(encode("x"));
  }

  @Test
  void mapsIgnoreOrderAndEqualStructsWithTheSameFields() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", "x");
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", "x");
    ba.put("a", 1L);
    Schema schema = SchemaBuilder.struct().field("b", Schema.STRING_SCHEMA).field("a", Schema.INT32_SCHEMA).build();
    Struct struct = new Struct(schema).put("b", "x").put("a", 1);

    assertThat(encode(ab)).isEqualTo(encode(ba)).isEqualTo(encode(struct));
  }

  @Test
  void byteBuffersEncodeTheirRemainingBytesWithoutMovingThem() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 1, 2});
    buffer.get();

    assertThat(encode(buffer)).isEqualTo(encode(new byte[] {1, 2}));
    assertThat(buffer.position()).isEqualTo(1);
  }

  @Test
  void unsupportedTypesAreNamedNotShown() {
    assertThatThrownBy(() -> encode(new Object() {
      @Override
      public String toString() {
        return "secret";
      }
    })).isInstanceOf(DataException.class).hasMessageStartingWith("v holds").hasMessageNotContaining("secret");
  }

  @Test
  void theHashIsTheHashOfTheBytes() {
    CanonicalEncoder encoder = new CanonicalEncoder().value("k", "v");
    byte[] bytes = encoder.toByteArray();

    assertThat(encoder.hash()).isEqualTo(Murmur3.hash128(bytes, 0, bytes.length));
    assertThat(Arrays.equals(encoder.reset().value("k", "v").toByteArray(), bytes)).isTrue();
  }

  /** The key scheme is persisted: strings must stay tag, length, then exactly String.getBytes(UTF_8). */
  @Test
  void stringsEncodeAsTheirUtf8BytesIncludingSurrogatesAndUnpairedOnes() {
    List<String> samples = new java.util.ArrayList<>(List.of("", "a", "caf\u00e9", "\u20ac", "\u007f\u0080\u07ff\u0800\uffff",
        "\ud83d\ude00", "x\ud83dy", "\ude00", "\ud83d", "\ud83d\ud83d\ude00", "a".repeat(200)));
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n < 2_000; n++) {
      char[] chars = new char[random.nextInt(40)];
      for (int i = 0; i < chars.length; i++) {
        int kind = random.nextInt(5);
        chars[i] = (char) switch (kind) {
          case 0 -> random.nextInt(0x80);
          case 1 -> 0xd800 + random.nextInt(0x800); // surrogates, paired or not
          default -> random.nextInt(0x10000);
        };
      }
      samples.add(new String(chars));
    }
    for (String s : samples) {
      byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ByteBuffer expected = ByteBuffer.allocate(1 + 4 + utf8.length).put((byte) 8).putInt(utf8.length).put(utf8);
      assertThat(new CanonicalEncoder().value(s, "v").toByteArray()).as("encoding of %s", s.chars().boxed().toList())
          .isEqualTo(expected.array());
    }
  }
}
