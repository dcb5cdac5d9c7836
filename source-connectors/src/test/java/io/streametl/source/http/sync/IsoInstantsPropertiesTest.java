package io.streametl.source.http.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoInstantsPropertiesTest {

  @Property
  void theFastPathReadsWhatJavaTimeReads(
      @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll @IntRange(min = 0, max = 9) int digits) {
    int scale = (int) Math.pow(10, 9 - digits);
    Instant instant = Instant.ofEpochSecond(seconds, nanos / scale * scale);
    String text = instant.toString();

    assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  @Test
  void otherFormsGoToJavaTime() {
    assertThat(IsoInstants.parse("2026-11-21T11:00:00+01:00")).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(IsoInstants.parse("2026-11-21T10:00Z")).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThatThrownBy(() -> IsoInstants.parse("2026-11-21 10:00:00Z")).isInstanceOf(DateTimeException.class);
  }
}
