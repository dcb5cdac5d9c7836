package io.streametl.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page in a real browser: headless Chromium loads it from the server, runs its script,
 * polls the status and draws. The status changes after the first poll, so the figures in the DOM
 * show the page refreshing by itself. Skips where Chromium is not installed (Debian: {@code apt
 * install chromium}); the server's own test runs everywhere.
 */
class LivePageBrowserTest {

  private static final String W1 = "2026-11-21T10:00:00Z";
  private static final String W2 = "2026-11-21T10:01:00Z";

  @TempDir
  Path temp;

  private HeadlessChromium chromium;
  private LivePageServer page;
  private final AtomicInteger polls = new AtomicInteger();

  @BeforeEach
  void findChromium() {
    chromium = HeadlessChromium.find().orElse(null);
    Assumptions.assumeTrue(chromium != null, "Chromium is not installed (apt install chromium,"
        + " or set STREAMETL_CHROMIUM); the browser test is skipped");
  }

  @AfterEach
  void stop() {
    if (page != null) {
      page.close();
    }
  }

  /** The first poll sees an early status, every later poll a busier one. */
  private LiveStatus status() {
    return polls.getAndIncrement() == 0 ? early() : busy();
  }

  private static LiveStatus early() {
    return new LiveStatus(2, List.of(new LiveStatus.Pipeline("events", "subscription-events",
          10L, null)), List.of(), Map.of("subscription-events-dlq", 0L),
          LiveStatus.SinkCounters.UNKNOWN, null);
  }

  private static LiveStatus busy() {
    return new LiveStatus(40,
        List.of(new LiveStatus.Pipeline("events", "subscription-events", 12_345L, 498.5),
            new LiveStatus.Pipeline("devices", "iot.telemetry", 2_000L, 101.0),
            new LiveStatus.Pipeline("api", "api.orders + api.customers", 300L, 4.0)),
        List.of(new ThroughputHistory.Point(2, Map.of("events", 480.0, "devices", 99.0)),
            new ThroughputHistory.Point(4, Map.of("events", 498.5, "devices", 101.0))),
        Map.of("subscription-events-dlq", 246L, "iot.errors", 4L),
        new LiveStatus.SinkCounters(11_000L, 1_234L, 56L, 250L),
        new LiveStatus.Aggregates("demo.subscription_events_per_minute", List.of(W1, W2),
            Map.of("eu", List.of(300L, 120L), "us", List.of(200L, 0L)),
            Map.of("web", List.of(350L, 100L), "app", List.of(150L, 20L))));
  }

  @Test
  void drawsTheFiguresAndChartsAndKeepsRefreshing() throws Exception {
    page = LivePageServer.start(0, this::status);

    String dom = chromium.dumpDom(page.url(), 10_000, temp.resolve("profile"));

    assertThat(polls.get()).as("the page polls every 2 s of virtual time").isGreaterThan(2);
    assertThat(Integer.parseInt(attribute(dom, "id=\"status\"[^>]*data-refreshes=\"(\\d+)\"")))
        .isGreaterThan(1);
    assertThat(text(dom, "duplicates-dropped")).isEqualTo("1,234");
    assertThat(text(dom, "late-events")).isEqualTo("56");
    assertThat(text(dom, "rows-written")).isEqualTo("11,000");
    assertThat(text(dom, "dead-letters-total")).isEqualTo("250");
    assertThat(text(dom, "rate-events")).isEqualTo("499");
    assertThat(text(dom, "total-events")).isEqualTo("12,345 in subscription-events");
    assertThat(dom).contains("data-pipeline=\"events\"", "data-pipeline=\"devices\"");
    // One bar segment per window and group with a count: eu twice, us once (its 0 is no bar).
    assertThat(bars(dom, "region-chart")).containsExactlyInAnyOrder(
        W1 + "/eu=300", W1 + "/us=200", W2 + "/eu=120");
    assertThat(bars(dom, "channel-chart")).containsExactlyInAnyOrder(
        W1 + "/web=350", W1 + "/app=150", W2 + "/web=100", W2 + "/app=20");
    assertThat(dom).contains("(demo.subscription_events_per_minute, folded)");
    assertThat(dom).containsPattern("data-topic=\"subscription-events-dlq\">246<");
  }

  @Test
  void saysSoWhenTheDemoStopsAnswering() throws Exception {
    page = LivePageServer.start(0, () -> {
      if (polls.getAndIncrement() > 0) {
        throw new IllegalStateException("the demo is stopping");
      }
      return early();
    });

    String dom = chromium.dumpDom(page.url(), 5_000, temp.resolve("profile"));

    assertThat(dom).containsPattern("id=\"status\"[^>]*class=\"error\"[^>]*>demo not reachable"
        + " \\(HTTP 500\\)");
    assertThat(text(dom, "total-events")).as("the last figures stay on the page")
        .isEqualTo("10 in subscription-events");
  }

  private static String text(String dom, String id) {
    return attribute(dom, "id=\"" + id + "\"[^>]*>([^<]*)<");
  }

  private static String attribute(String dom, String regex) {
    Matcher m = Pattern.compile(regex).matcher(dom);
    assertThat(m.find()).as("the DOM has " + regex + ":\n" + dom).isTrue();
    return m.group(1);
  }

  /** "window/group=count" of every bar segment of one chart. */
  private static List<String> bars(String dom, String chart) {
    int start = dom.indexOf("id=\"" + chart + "\"");
    String svg = dom.substring(start, dom.indexOf("</svg>", start));
    Matcher m = Pattern.compile("<rect [^>]*data-window=\"([^\"]+)\" data-group=\"([^\"]+)\""
        + " data-count=\"(\\d+)\"").matcher(svg);
    List<String> bars = new java.util.ArrayList<>();
    while (m.find()) {
      bars.add(m.group(1) + "/" + m.group(2) + "=" + m.group(3));
    }
    return bars;
  }
}
