package io.streametl.source.http;

import io.streametl.source.http.config.EndpointConfig;
import io.streametl.source.http.config.PaginationMode;
import io.streametl.source.http.sync.SyncState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The source offset of an endpoint: where its page chain is and what incremental sync has seen.
 *
 * <pre>
 * {"v": 1, "mode": "cursor", "chain": true, "page": "c-42",
 *  "wm": "2026-11-21T10:00:00Z", "wm_ids": "{\"2026-11-21T10:00:00Z\": [-8274…]}",
 *  "since": "2026-11-21T09:00:00Z", "since_ids": "{…}"}
 * </pre>
 *
 * <p>Every value is a primitive: the worker refuses maps and lists in an offset when it flushes
 * (and the task then dies), so the dedup identities are stored as JSON text.
 *
 * <p>{@code chain} is true while a sync is running; {@code page} is then the token of the NEXT
 * page to fetch (absent for the first page). {@code since} is the running sync's own start, kept
 * so its filter survives a restart. An idle offset has neither: the next sync starts from
 * {@code wm}.
 */
record EndpointOffset(PaginationMode mode, boolean inChain, String nextPage, SyncState sync) {

  static final int VERSION = 1;
  static final String VERSION_KEY = "v";
  static final String MODE_KEY = "mode";
  static final String CHAIN_KEY = "chain";
  static final String PAGE_KEY = "page";

  Map<String, Object> toMap() {
    Map<String, Object> offset = new LinkedHashMap<>();
    offset.put(VERSION_KEY, VERSION);
    offset.put(MODE_KEY, mode.name().toLowerCase(Locale.ROOT));
    offset.put(CHAIN_KEY, inChain);
    if (inChain && nextPage != null) {
      offset.put(PAGE_KEY, nextPage);
    }
    offset.putAll(sync.toOffset(inChain));
    return Collections.unmodifiableMap(offset);
  }

  /**
   * Reads a stored offset. A position of another pagination mode than the configured one is
   * dropped (the sync starts again from its watermark); the watermark is kept.
   *
   * @throws ConnectException when the offset cannot be read; it names the endpoint
   */
  static EndpointOffset read(Map<String, ?> stored, EndpointConfig endpoint) {
    PaginationMode mode = endpoint.pagination().mode();
    try {
      Object version = stored.get(VERSION_KEY);
      if (!(version instanceof Number) || ((Number) version).intValue() != VERSION) {
        throw new IllegalArgumentException("unknown offset version " + version);
      }
      boolean inChain = Boolean.TRUE.equals(stored.get(CHAIN_KEY));
      Object storedMode = stored.get(MODE_KEY);
      if (inChain && !mode.name().equalsIgnoreCase(String.valueOf(storedMode))) {
        inChain = false; // the page position belongs to another mode
      }
      Object page = stored.get(PAGE_KEY);
      if (page != null && !(page instanceof String)) {
        throw new IllegalArgumentException("'page' must be a string");
      }
      SyncState sync = SyncState.fromOffset(stored, endpoint.watermark(), inChain);
      return new EndpointOffset(mode, inChain, inChain ? (String) page : null, sync);
    } catch (IllegalArgumentException e) {
      throw new ConnectException("The stored source offset of endpoint '" + endpoint.name()
          + "' cannot be used: " + e.getMessage() + ". Correct or reset it with the Connect REST"
          + " API (PATCH or DELETE /connectors/<name>/offsets while the connector is stopped).");
    }
  }

  static boolean isPaginationModeChange(Map<String, ?> stored, EndpointConfig endpoint) {
    return Boolean.TRUE.equals(stored.get(CHAIN_KEY))
        && !endpoint.pagination().mode().name().equalsIgnoreCase(String.valueOf(stored.get(MODE_KEY)));
  }
}
