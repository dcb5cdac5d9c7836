package io.streametl.source.http.config;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.source.http.sync.Watermark;

/**
 * Incremental sync settings.
 *
 * @param field the watermark field, or null when incremental sync is off
 * @param initial the watermark of the first sync, or null for none
 */
public record WatermarkConfig(FieldPath field, WatermarkType type, String param, Watermark initial,
    long overlap, int dedupMaxIds) {

  public boolean enabled() {
    return field != null;
  }
}
