package io.streametl.sink.state.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.fieldpath.FieldPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fold SQL shipped in docs/aggregates.md, run as written on an in-memory H2 database over the
 * partial rows the aggregator commits, gives exactly the results computed directly from the
 * events; and merging the committed sketches estimates the true distinct counts.
 *
 * <p>The events come out of order, some late within the allowed lateness, some too late, some
 * invalid. Each of three Kafka partitions commits in random cycles, with failed commits (rolled
 * back and replayed), and commits interrupted between the aggregate table and the anchor table
 * (the task restarts from the anchor's offsets and event time, and only observes the records the
 * aggregate table already holds), as the sink's two-phase commit does.
 */
class AggregateFoldSqlTest {

  private static final Path DOC = Path.of("..", "docs", "aggregates.md");
  private static final String MARKER = "<!-- fold-sql:portable";
  private static final long T0 = 1_763_700_000_000L;
  private static final int PARTITIONS = 3;
  private static final String[] REGIONS = {"eu", "us", "apac"};
  private static final String[] CHANNELS = {"web", "app"};
  private static final String[] PLANS = {"free", "pro", null};

  /** A window and group: the key of one folded result. */
  private record Key(Instant windowStart, String region, String channel, String plan) {}

  /** One folded result. */
  private record Result(long count, BigDecimal sum, BigDecimal min, BigDecimal max) {}

  private record Event(long time, String region, String channel, String plan, BigDecimal amount, String user,
      boolean valid) {}

  @ParameterizedTest(name = "{0}, lateness {1}, delay {2}, seed {3}")
  @CsvSource({
      "tumbling:1m, 2m, 5s, 1",
      "tumbling:1m, 0, 0, 2",
      "hopping:10m/5m, 3m, 10s, 3",
      "hopping:4m/1m, 1m, 0, 4",
      "tumbling:5m, 36500d, 0, 5", // everything is in time: the truth needs no watermark at all
  })
  void foldedPartialRowsEqualTheResultsComputedFromTheEvents(String window, String lateness, String delay, long seed)
      throws Exception {
    AggregationSpec spec = spec(window, lateness, delay);
    Random random = new Random(seed);
    List<List<Event>> partitions = new ArrayList<>();
    List<PartialRow> committed = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      List<Event> events = events(random, 1500);
      partitions.add(events);
      committed.addAll(commitWithFailures(spec, events, random));
    }

    Map<Key, Result> folded = foldInH2(committed);

    Map<Key, Result> expected = new HashMap<>();
    Map<Key, Set<String>> users = new HashMap<>();
    for (List<Event> events : partitions) {
      truth(spec, events, expected, users);
    }
    assertThat(folded.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((key, result) -> assertThat(folded.get(key)).as("%s", key).isEqualTo(result));
    assertThat(folded).hasSizeGreaterThan(50);

    Map<Key, List<byte[]>> sketches = new HashMap<>();
    for (PartialRow row : committed) {
      sketches.computeIfAbsent(key(row), k -> new ArrayList<>()).add((byte[]) row.metricValues().get(4));
    }
    users.forEach((key, distinct) -> {
      long estimate = Sketches.estimate(sketches.get(key));
      // 4096 buckets: standard error 1.6%; small sets are counted almost exactly.
      assertThat((double) estimate).as("distinct users of %s", key)
          .isCloseTo(distinct.size(), org.assertj.core.data.Offset.offset(Math.max(2.0, distinct.size() * 0.05)));
    });
  }

  private static AggregationSpec spec(String window, String lateness, String delay) {
    List<GroupColumn> groups = List.of(GroupColumn.parse("region"), GroupColumn.parse("channel"),
        GroupColumn.parse("plan"));
    return new AggregationSpec("by_region", WindowSpec.parse(window), FieldPath.parse("event_time"), groups,
        MetricSpec.parseAll(List.of("count", "sum(amount):decimal", "min(amount):decimal", "max(amount):decimal",
            "approx_distinct(user_id)")),
        io.streametl.sink.state.Durations.parse(lateness), io.streametl.sink.state.Durations.parse(delay),
        TooLatePolicy.DEAD_LETTER, Optional.empty());
  }

  private static List<Event> events(Random random, int count) {
    List<Event> events = new ArrayList<>();
    long clock = T0;
    for (int i = 0; i < count; i++) {
      clock += random.nextInt(4_000);
      long time = clock + random.nextInt(20_000) - 10_000; // out of order by up to 10s
      int kind = random.nextInt(100);
      if (kind < 10) {
        time = clock - 60_000 - random.nextInt(180_000); // late: 1 to 4 minutes behind
      } else if (kind < 13) {
        time = clock - 3_600_000; // an hour late
      }
      BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000) - 20_000, 2);
      events.add(new Event(time, REGIONS[random.nextInt(3)], CHANNELS[random.nextInt(2)], PLANS[random.nextInt(3)],
          amount, "user-" + random.nextInt(400), kind < 98));
    }
    return events;
  }

  private static Map<String, Object> value(Event e) {
    Map<String, Object> value = new HashMap<>();
    value.put("event_time", e.time());
    value.put("region", e.region());
    value.put("channel", e.channel());
    value.put("plan", e.plan());
    value.put("amount", e.valid() ? e.amount() : "12,50 EUR"); // invalid: a string amount
    value.put("user_id", e.user());
    return value;
  }

  /**
   * Runs one partition through commit cycles as the sink does and returns the rows the aggregate
   * table ends up holding.
   */
  private static List<PartialRow> commitWithFailures(AggregationSpec spec, List<Event> events, Random random) {
    List<PartialRow> table = new ArrayList<>();
    int tableOffset = 0; // the aggregate table's own next offset
    int anchorOffset = 0; // the anchor's next offset, with the event time recorded there
    long anchorMaxEventTime = WindowAggregator.NO_TIME;
    WindowAggregator aggregator = new WindowAggregator(spec, anchorMaxEventTime);
    int next = 0;
    while (anchorOffset < events.size()) {
      int cycleEnd = Math.min(events.size(), next + 1 + random.nextInt(120));
      for (; next < cycleEnd; next++) {
        Map<String, Object> value = value(events.get(next));
        try {
          if (next < tableOffset) {
            aggregator.observe(value, null);
          } else {
            aggregator.add(value, null);
          }
        } catch (DataException e) {
          // to the dead-letter queue
        }
      }
      int outcome = random.nextInt(10);
      if (outcome == 0) { // the aggregate table's commit fails: roll back, replay from the anchor
        aggregator.rollback();
        next = anchorOffset;
      } else if (outcome == 1) { // the aggregate table committed, then the anchor failed and the task died
        table.addAll(aggregator.partialRows());
        tableOffset = Math.max(tableOffset, cycleEnd); // a table's offsets never move back
        aggregator = new WindowAggregator(spec, anchorMaxEventTime);
        next = anchorOffset;
      } else {
        table.addAll(aggregator.partialRows());
        tableOffset = Math.max(tableOffset, cycleEnd);
        anchorOffset = cycleEnd;
        anchorMaxEventTime = aggregator.maxEventTimeMillis();
        aggregator.markCommitted();
      }
    }
    return table;
  }

  /** The results computed from the events directly, with the watermark rules written out plainly. */
  private static void truth(AggregationSpec spec, List<Event> events, Map<Key, Result> results,
      Map<Key, Set<String>> users) {
    long size = spec.window().size().toMillis();
    long hop = spec.window().hop().toMillis();
    long maxEventTime = Long.MIN_VALUE;
    for (Event e : events) {
      if (!e.valid()) {
        continue;
      }
      maxEventTime = Math.max(maxEventTime, e.time());
      long watermark = maxEventTime - spec.watermarkDelay().toMillis();
      for (long start = Math.floorDiv(e.time(), hop) * hop; start > e.time() - size; start -= hop) {
        if (start + size + spec.allowedLateness().toMillis() <= watermark) {
          continue; // too late for this window
        }
        Key key = new Key(Instant.ofEpochMilli(start), e.region(), e.channel(), e.plan());
        Result old = results.get(key);
        results.put(key, old == null ? new Result(1, e.amount(), e.amount(), e.amount())
            : new Result(old.count() + 1, old.sum().add(e.amount()), old.min().min(e.amount()),
                old.max().max(e.amount())));
        users.computeIfAbsent(key, k -> new HashSet<>()).add(e.user());
      }
    }
  }

  private static Key key(PartialRow row) {
    List<Object> g = row.groupValues();
    return new Key(row.windowStart(), (String) g.get(0), (String) g.get(1), (String) g.get(2));
  }

  private static Map<Key, Result> foldInH2(List<PartialRow> rows) throws SQLException, IOException {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:fold" + System.identityHashCode(rows))) {
      try (Statement ddl = db.createStatement()) {
        ddl.execute("CREATE SCHEMA analytics");
        ddl.execute("CREATE TABLE analytics.by_region_partials (window_start TIMESTAMP WITH TIME ZONE, "
            + "window_end TIMESTAMP WITH TIME ZONE, region VARCHAR, channel VARCHAR, plan VARCHAR, "
            + "record_count BIGINT, sum_amount DECIMAL(38, 2), min_amount DECIMAL(38, 2), "
            + "max_amount DECIMAL(38, 2), approx_distinct_user_id VARBINARY)");
      }
      try (PreparedStatement insert = db.prepareStatement(
          "INSERT INTO analytics.by_region_partials VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (PartialRow row : rows) {
          List<Object> values = row.values();
          insert.setObject(1, OffsetDateTime.ofInstant((Instant) values.get(0), ZoneOffset.UTC));
          insert.setObject(2, OffsetDateTime.ofInstant((Instant) values.get(1), ZoneOffset.UTC));
          for (int i = 2; i < values.size(); i++) {
            if (values.get(i) == null) {
              insert.setNull(i + 1, Types.NULL);
            } else {
              insert.setObject(i + 1, values.get(i));
            }
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
      Map<Key, Result> folded = new HashMap<>();
      try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery(portableFoldSql())) {
        while (rs.next()) {
          Instant start = rs.getObject("window_start", OffsetDateTime.class).toInstant();
          Instant end = rs.getObject("window_end", OffsetDateTime.class).toInstant();
          assertThat(end).isAfter(start);
          Key key = new Key(start, rs.getString("region"), rs.getString("channel"), rs.getString("plan"));
          folded.put(key, new Result(rs.getLong("record_count"), rs.getBigDecimal("sum_amount"),
              rs.getBigDecimal("min_amount"), rs.getBigDecimal("max_amount")));
        }
      }
      return folded;
    }
  }

  /** The SQL block after the "fold-sql:portable" marker in docs/aggregates.md, as shipped. */
  static String portableFoldSql() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int marker = doc.indexOf(MARKER);
    int start = doc.indexOf("```sql\n", marker) + "```sql\n".length();
    int end = doc.indexOf("```", start);
    assertThat(marker).as("the fold SQL marker in %s", DOC).isNotNegative();
    return Objects.requireNonNull(doc.substring(start, end));
  }
}
