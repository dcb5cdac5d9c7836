package io.streametl.sink;

import io.streametl.sink.iceberg.IcebergCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The stateful task tests' events and their ground truth: Map values on partition 0 of "events"
 * whose id, region, minute and amount follow from an id, a sink config with dedup on the id and a
 * per-minute count and sum by region, and the fold of the aggregate table's partial rows.
 */
final class RegionEvents {

  static final TableIdentifier EVENTS = TableIdentifier.of("demo", "events");
  static final TableIdentifier BY_REGION = TableIdentifier.of("demo", "events_by_region");
  static final long MINUTE = 60_000L;
  static final long T0 = 1_763_700_000_000L - 1_763_700_000_000L % MINUTE;

  private RegionEvents() {}

  static Map<String, String> catalogProps(Path dir) {
    return Map.of("type", "jdbc", "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", dir.resolve("warehouse").toUri().toString());
  }

  static Catalog catalog(Path dir) {
    return IcebergCatalogs.load("streametl", catalogProps(dir));
  }

  /** Dedup on event_id for an hour, and the by_region aggregation (count, sum(amount)) with an hour's lateness. */
  static Map<String, String> sinkProps(Path dir) {
    Map<String, String> props = new HashMap<>();
    props.put("name", "sink");
    props.put(SinkConfig.TABLE, "demo.events");
    props.put(SinkConfig.COMMIT_INTERVAL_MS, "1000");
    props.put(SinkConfig.DEDUP_ENABLED, "true");
    props.put(SinkConfig.DEDUP_KEY_FIELDS, "event_id");
    props.put(SinkConfig.DEDUP_TTL, "1h");
    props.put(SinkConfig.DEDUP_COMPACT_AFTER, "2");
    props.put("aggregations", "by_region");
    props.put("aggregation.by_region.window", "tumbling:1m");
    props.put("aggregation.by_region.time-field", "event_time");
    props.put("aggregation.by_region.group-by", "region");
    props.put("aggregation.by_region.metrics", "count,sum(amount):decimal");
    props.put("aggregation.by_region.allowed-lateness", "1h");
    catalogProps(dir).forEach((k, v) -> props.put(SinkConfig.CATALOG_PREFIX + k, v));
    return props;
  }

  /** Event i: id "e<i>"; region and minute vary with the id. */
  static SinkRecord event(long offset, int id) {
    Map<String, Object> value = new HashMap<>();
    value.put("event_id", "e" + id);
    value.put("region", id % 3 == 0 ? "eu" : "us");
    value.put("amount", new BigDecimal(id % 7 + ".25"));
    value.put("event_time", T0 + (id % 5) * MINUTE);
    return new SinkRecord("events", 0, null, "e" + id, null, value, offset, T0 + offset, null);
  }

  /** Records at offsets from..from+count-1; the one at offset o has id o mod distinct, so ids repeat. */
  static List<SinkRecord> events(long fromOffset, int count, int distinct) {
    List<SinkRecord> records = new ArrayList<>();
    for (long offset = fromOffset; offset < fromOffset + count; offset++) {
      records.add(event(offset, (int) (offset % distinct)));
    }
    return records;
  }

  static List<Record> rows(Catalog catalog, TableIdentifier table) {
    if (!catalog.tableExists(table)) {
      return List.of();
    }
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> it = IcebergGenerics.read(catalog.loadTable(table)).build()) {
      it.forEach(rows::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Folds the partial rows: count and sum per (window start, region). */
  static Map<String, String> folded(Catalog catalog) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (Record row : rows(catalog, BY_REGION)) {
      String key = row.getField("window_start") + "/" + row.getField("region");
      counts.merge(key, (Long) row.getField("record_count"), Long::sum);
      sums.merge(key, (BigDecimal) row.getField("sum_amount"), BigDecimal::add);
    }
    return joined(counts, sums);
  }

  /** The same fold computed directly from ids 0..distinctIds-1, without the sink. */
  static Map<String, String> truth(int distinctIds) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (int id = 0; id < distinctIds; id++) {
      String key = Instant.ofEpochMilli(T0 + (id % 5) * MINUTE).atOffset(ZoneOffset.UTC) + "/" + (id % 3 == 0 ? "eu" : "us");
      counts.merge(key, 1L, Long::sum);
      sums.merge(key, new BigDecimal(id % 7 + ".25"), BigDecimal::add);
    }
    return joined(counts, sums);
  }

  private static Map<String, String> joined(Map<String, Long> counts, Map<String, BigDecimal> sums) {
    Map<String, String> result = new TreeMap<>();
    counts.forEach((k, c) -> result.put(k, c + " " + sums.get(k)));
    return result;
  }
}
