package io.streametl.source.http.sync;

import io.streametl.source.http.config.WatermarkConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Incremental sync of one endpoint. A sync (a chain of pages) asks for records from the
 * watermark at its start minus the overlap, and drops the records that the last syncs already
 * emitted: those older than that, and those whose identity is in the dedup window at their
 * watermark value. It tracks the highest watermark emitted, which the next sync starts from.
 *
 * <p>The filter of a running sync is fixed at its start ({@code since}); the running state
 * ({@code high}) moves on with every record. Keeping them apart lets a chain come back in any
 * order (newest first too) without dropping records that merely sort below one already seen.
 */
public final class SyncState {

  /** What {@link #admit} decided. */
  public enum Verdict {
    /** New: emit it. */
    EMIT,
    /** Older than the sync's window: an earlier sync read it. */
    OLDER_THAN_WINDOW,
    /** Its identity at its watermark was already emitted. */
    ALREADY_EMITTED
  }

  static final String HIGH_KEY = "wm";
  static final String HIGH_IDS_KEY = "wm_ids";
  static final String SINCE_KEY = "since";
  static final String SINCE_IDS_KEY = "since_ids";

  private final WatermarkConfig config;
  private Watermark since;
  private DedupWindow sinceIds;
  private Watermark high;
  private DedupWindow highIds;

  private SyncState(WatermarkConfig config, Watermark since, DedupWindow sinceIds, Watermark high,
      DedupWindow highIds) {
    this.config = config;
    this.since = since;
    this.sinceIds = sinceIds;
    this.high = high;
    this.highIds = highIds;
  }

  /** The state of an endpoint never synced: the initial watermark, if configured. */
  public static SyncState initial(WatermarkConfig config) {
    return new SyncState(config, config.initial(), new DedupWindow(config.dedupMaxIds()),
        config.initial(), new DedupWindow(config.dedupMaxIds()));
  }

  /**
   * Reads the state stored in a source offset; {@code inChain} tells whether a sync was running
   * (whose own filter was stored too).
   *
   * @throws IllegalArgumentException when the offset does not hold a valid state
   */
  public static SyncState fromOffset(Map<String, ?> offset, WatermarkConfig config, boolean inChain) {
    if (!config.enabled()) {
      return initial(config);
    }
    Watermark high = watermark(offset.get(HIGH_KEY), config);
    DedupWindow highIds = DedupWindow.fromOffset(offset.get(HIGH_IDS_KEY), config.type(),
        config.dedupMaxIds());
    if (high == null && highIds.size() == 0) {
      // Nothing stored (an offset from before incremental sync was configured): start over.
      return initial(config);
    }
    if (!inChain) {
      return new SyncState(config, high, highIds.copy(), high, highIds);
    }
    return new SyncState(config, watermark(offset.get(SINCE_KEY), config),
        DedupWindow.fromOffset(offset.get(SINCE_IDS_KEY), config.type(), config.dedupMaxIds()),
        high, highIds);
  }

  private static Watermark watermark(Object stored, WatermarkConfig config) {
    return stored == null ? null : Watermark.parse(config.type(), stored.toString());
  }

  /** A new sync starts from everything emitted so far. */
  public void startChain() {
    since = high;
    sinceIds = highIds.copy();
  }

  /**
   * The running sync has read its last page: forget the identities below the window, which no
   * later sync re-reads. (While a sync runs, records that arrive below the highest watermark, as
   * from an API that serves newest first, keep their identities: they catch records that shift
   * from one page to the next.)
   */
  public void endChain() {
    if (high != null) {
      highIds.pruneBelow(high.minus(config.overlap()));
    }
  }

  /** The watermark to send with this sync's requests, if there is one. */
  public Optional<Watermark> requestWatermark() {
    return Optional.ofNullable(since).map(w -> w.minus(config.overlap()));
  }

  /**
   * Decides about one record of the running sync and, if it is to be emitted, records it.
   *
   * @param identity a 64-bit hash of the record's identity and watermark text
   */
  public Verdict admit(Watermark value, long identity) {
    if (since != null && value.compareTo(since.minus(config.overlap())) < 0) {
      return Verdict.OLDER_THAN_WINDOW;
    }
    if (sinceIds.contains(value, identity) || highIds.contains(value, identity)) {
      return Verdict.ALREADY_EMITTED;
    }
    if (high == null || value.compareTo(high) > 0) {
      high = value;
      highIds.pruneBelow(high.minus(config.overlap()));
    }
    highIds.add(value, identity);
    return Verdict.EMIT;
  }

  /** The highest watermark emitted (or the initial one), if any. */
  public Optional<Watermark> high() {
    return Optional.ofNullable(high);
  }

  /** Whether the dedup window dropped identities to stay bounded since the last call. */
  public boolean takeOverflow() {
    return highIds.takeOverflow();
  }

  /** The state as source offset entries; with {@code inChain}, the running sync's filter too. */
  public Map<String, Object> toOffset(boolean inChain) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!config.enabled()) {
      return out;
    }
    if (high != null) {
      out.put(HIGH_KEY, high.text());
    }
    out.put(HIGH_IDS_KEY, highIds.toOffset());
    if (inChain) {
      if (since != null) {
        out.put(SINCE_KEY, since.text());
      }
      out.put(SINCE_IDS_KEY, sinceIds.toOffset());
    }
    return out;
  }
}
