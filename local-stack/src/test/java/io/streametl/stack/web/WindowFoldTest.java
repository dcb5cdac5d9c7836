package io.streametl.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowFoldTest {

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private static Map<String, Object> row(Instant start, String region, String channel, long count) {
    Map<String, Object> row = new HashMap<>();
    row.put("window_start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
    row.put("region", region);
    row.put("channel", channel);
    row.put("record_count", count);
    return row;
  }

  @Test
  void deltaRowsOfAWindowAddUpAsTheFoldSqlDoes() {
    List<Map<String, Object>> rows = List.of(
        row(T0, "eu", "web", 10),
        row(T0, "us", "web", 4),
        row(T0.plusSeconds(60), "eu", "app", 7),
        row(T0, "eu", "app", 2)); // a late event's delta row for the first window

    WindowFold.Counts byRegion = new WindowFold("record_count", 10).fold(rows, "region");
    WindowFold.Counts byChannel = new WindowFold("record_count", 10).fold(rows, "channel");

    assertThat(byRegion.windows()).containsExactly(T0, T0.plusSeconds(60));
    assertThat(byRegion.byGroup()).containsOnly(
        Map.entry("eu", List.of(12L, 7L)), Map.entry("us", List.of(4L, 0L)));
    assertThat(byChannel.byGroup()).containsOnly(
        Map.entry("app", List.of(2L, 7L)), Map.entry("web", List.of(14L, 0L)));
  }

  @Test
  void keepsTheLatestWindowsAndDropsGroupsOnlySeenInOlderOnes() {
    List<Map<String, Object>> rows = List.of(
        row(T0, "apac", "web", 3),
        row(T0.plusSeconds(60), "eu", "web", 5),
        row(T0.plusSeconds(120), "eu", "web", 6));

    WindowFold.Counts counts = new WindowFold("record_count", 2).fold(rows, "region");

    assertThat(counts.windows()).containsExactly(T0.plusSeconds(60), T0.plusSeconds(120));
    assertThat(counts.byGroup()).containsOnly(Map.entry("eu", List.of(5L, 6L)));
  }

  @Test
  void aMissingGroupValueIsItsOwnGroupAsSqlGroupsNulls() {
    List<Map<String, Object>> rows = List.of(row(T0, null, "web", 3), row(T0, null, "app", 1));

    assertThat(new WindowFold("record_count", 5).fold(rows, "region").byGroup())
        .containsOnly(Map.entry(WindowFold.NONE, List.of(4L)));
  }

  @Test
  void readsTimestampsWithAndWithoutZone() {
    assertThat(WindowFold.instant(T0.atOffset(ZoneOffset.ofHours(2)))).isEqualTo(T0);
    assertThat(WindowFold.instant(T0.atOffset(ZoneOffset.UTC).toLocalDateTime())).isEqualTo(T0);
    assertThat(WindowFold.instant("2026-11-21")).isNull();
  }
}
