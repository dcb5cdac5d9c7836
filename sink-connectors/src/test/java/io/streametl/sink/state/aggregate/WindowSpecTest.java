package io.streametl.sink.state.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowSpecTest {

  @Test
  void parsesTumblingAndHoppingAndWritesThemBack() {
    assertThat(WindowSpec.parse("tumbling:1m")).isEqualTo(WindowSpec.tumbling(Duration.ofMinutes(1)));
    assertThat(WindowSpec.parse(" Hopping:10m/1m ")).isEqualTo(
        WindowSpec.hopping(Duration.ofMinutes(10), Duration.ofMinutes(1)));
    assertThat(WindowSpec.parse("hopping:1h/15m").toString()).isEqualTo("hopping:1h/15m");
    assertThat(WindowSpec.parse("tumbling:90s").toString()).isEqualTo("tumbling:90s");
    assertThat(WindowSpec.parse("hopping:10m/1m").windowsPerRecord()).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "tumbling", "tumbling:", "tumbling:1x", "sliding:1m", "hopping:10m", "tumbling:1m/1m",
      "hopping:/1m", "hopping:10m/"})
  void rejectsWhatIsNotAWindowAndShowsTheSyntax(String text) {
    assertThatThrownBy(() -> WindowSpec.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tumbling:");
  }

  @Test
  void saysWhatToFixInHoppingWindows() {
    assertThatThrownBy(() -> WindowSpec.parse("hopping:1m/10m")).hasMessageContaining("use a hop no longer");
    assertThatThrownBy(() -> WindowSpec.parse("hopping:10m/3m")).hasMessageContaining("whole multiple of the hop");
    assertThatThrownBy(() -> WindowSpec.parse("hopping:1d/1m")).hasMessageContaining("1440 windows");
    assertThatThrownBy(() -> WindowSpec.parse("tumbling:0s")).hasMessageContaining("at least 1ms");
    assertThatThrownBy(() -> WindowSpec.parse("tumbling:99999999d")).hasMessageContaining("limit");
  }

  @Test
  void windowsAlignToTheEpochEvenBeforeIt() {
    WindowSpec minute = WindowSpec.parse("tumbling:1m");

    assertThat(minute.latestStart(0)).isZero();
    assertThat(minute.latestStart(59_999)).isZero();
    assertThat(minute.latestStart(60_000)).isEqualTo(60_000);
    assertThat(minute.latestStart(-1)).isEqualTo(-60_000);
  }
}
