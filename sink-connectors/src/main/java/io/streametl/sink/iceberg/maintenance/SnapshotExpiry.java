package io.streametl.sink.iceberg.maintenance;

import io.streametl.sink.iceberg.maintenance.OffsetMentions.Mention;
import io.streametl.sink.state.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.util.PropertyUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires a table's old snapshots, keeping every offset a task may resume from
 * ({@link RetentionPlan}), and says which partitions hold expiry back when they do.
 */
final class SnapshotExpiry {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotExpiry.class);
  /** The most snapshots one run expires from a table; a long backlog is worked off over runs. */
  static final int MAX_SNAPSHOTS_PER_RUN = 2_000;
  private static final int MAX_NAMED = 10;

  private final String connector;
  private final MaintenanceSettings settings;
  private final Set<String> gcDisabledNoted = new HashSet<>();

  SnapshotExpiry(String connector, MaintenanceSettings settings) {
    this.connector = connector;
    this.settings = settings;
  }

  /** What one expiry found and did. */
  record Result(OffsetMentions mentions, int expired) {}

  /**
   * @param isAnchor whether the table is the connector's anchor (the one tasks resume from)
   * @param anchorMentions the anchor's offsets, to recognise a table's offsets the anchor has passed
   *     (null when they could not be read: then every offset is kept)
   * @return the offsets the table records (for the anchor: what the other tables are compared with)
   *     and how many snapshots were expired
   */
  Result expire(Table table, boolean isAnchor, OffsetMentions anchorMentions, long nowMillis) {
    table.refresh();
    OffsetMentions mentions = OffsetMentions.read(table);
    if (!PropertyUtil.propertyAsBoolean(table.properties(), TableProperties.GC_ENABLED,
        TableProperties.GC_ENABLED_DEFAULT)) {
      if (gcDisabledNoted.add(table.name())) {
        LOG.info("Table {} sets {}=false, so its snapshots are not expired", table.name(), TableProperties.GC_ENABLED);
      }
      return new Result(mentions, 0);
    }
    RetentionPlan plan = RetentionPlan.plan(table, mentions, mention -> mustKeep(mention, isAnchor, anchorMentions),
        nowMillis, settings.snapshotMaxAge(), settings.retainLast(), MAX_SNAPSHOTS_PER_RUN);
    if (!plan.holdingBack().isEmpty()) {
      warnHeldBack(table, plan.holdingBack());
    }
    if (!plan.hasWork()) {
      return new Result(mentions, 0);
    }
    int before = count(table);
    table.expireSnapshots()
        .expireOlderThan(plan.expireOlderThan())
        .retainLast(settings.retainLast())
        .cleanExpiredFiles(true)
        .commit();
    table.refresh();
    return new Result(mentions, before - count(table));
  }

  /**
   * Whether a mention's snapshot must stay. The anchor keeps every partition's newest offsets:
   * tasks resume there. Another table's own offsets matter only while they are ahead of the
   * anchor's (a cycle committed to it but not yet to the anchor); once the anchor has passed them,
   * a resuming task writes nothing below the anchor's offset anyway. Offsets of other connectors
   * are always kept, unless forgotten: their anchors are unknown here.
   */
  private boolean mustKeep(Mention mention, boolean isAnchor, OffsetMentions anchorMentions) {
    if (settings.forgotten().forgets(mention.connector(), mention.partition(), connector)) {
      return false;
    }
    if (isAnchor || anchorMentions == null || !mention.connector().equals(connector)) {
      return true;
    }
    return anchorMentions.newest(connector, mention.partition())
        .map(anchorMention -> anchorMention.offset() < mention.offset())
        .orElse(true);
  }

  private void warnHeldBack(Table table, List<Mention> held) {
    List<String> named = new ArrayList<>();
    for (Mention mention : held.subList(0, Math.min(MAX_NAMED, held.size()))) {
      named.add(mention.describe() + " (recorded " + Instant.ofEpochMilli(mention.timestampMillis()) + ")");
    }
    Mention oldest = held.get(0);
    String why = settings.offsetsRefreshInterval().isZero()
        ? "The offsets refresh is off (" + MaintenanceConfig.OFFSETS_REFRESH_INTERVAL + "=0), so an idle partition is "
            + "recorded again only when it takes records: turn the refresh on."
        : "A partition assigned to a running task is recorded again within " + MaintenanceConfig.OFFSETS_REFRESH_INTERVAL
            + "=" + Durations.format(settings.offsetsRefreshInterval()) + "; these were not: their task is stopped or "
            + "failing, or the partitions are gone (topic deleted, connector renamed).";
    LOG.warn("Snapshot expiry of {} keeps snapshots older than {} because the newest offsets of {} partition(s) were "
            + "recorded before that, and a task may resume from them: {}{}. {} Only partitions gone for good may be "
            + "listed in {} (for example '{}'); expiry then moves on past them.",
        table.name(), Durations.format(settings.snapshotMaxAge()), held.size(), String.join(", ", named),
        held.size() > MAX_NAMED ? " and " + (held.size() - MAX_NAMED) + " more" : "", why,
        MaintenanceConfig.OFFSETS_FORGET, oldest.connector().equals(connector)
            ? oldest.partition().topic() + ":" + oldest.partition().partition()
            : "connector=" + oldest.connector());
  }

  private static int count(Table table) {
    int count = 0;
    for (Snapshot ignored : table.snapshots()) {
      count++;
    }
    return count;
  }
}
