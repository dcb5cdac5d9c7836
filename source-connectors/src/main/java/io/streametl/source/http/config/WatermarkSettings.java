package io.streametl.source.http.config;

import io.streametl.common.config.EnumChoices;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import io.streametl.source.http.sync.Watermark;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The endpoint settings of the "Incremental sync" group. */
final class WatermarkSettings {

  static final String GROUP = "Endpoint incremental sync";

  static final String FIELD = "watermark.field";
  static final String TYPE = "watermark.type";
  static final String PARAM = "watermark.param";
  static final String INITIAL = "watermark.initial";
  static final String OVERLAP = "watermark.overlap";
  static final String DEDUP_MAX_IDS = "watermark.dedup.max.ids";

  private WatermarkSettings() {}

  static void define(ConfigDef def) {
    int order = 0;
    def.define(FIELD, Type.STRING, "", FieldPathValidator.optionalSingle(), Importance.HIGH,
        "Incremental sync: the record field (a field path) holding an increasing timestamp or id,"
            + " such as updated_at. Each sync asks for records from the highest value seen (minus"
            + " watermark.overlap), through watermark.param or ${watermark} in the URL, body or"
            + " headers; records older than that, or already seen at the boundary, are dropped."
            + " The watermark is kept in the source offset. Empty: every sync reads everything.",
        GROUP, ++order, Width.MEDIUM, "Watermark field");
    def.define(TYPE, Type.STRING, EnumChoices.value(WatermarkType.TIMESTAMP),
        EnumChoices.validator(WatermarkType.class), Importance.MEDIUM,
        "What the watermark field holds: 'timestamp' (ISO-8601 with a zone or offset),"
            + " 'epoch_millis', 'epoch_seconds', or 'number' (an increasing id).",
        GROUP, ++order, Width.SHORT, "Watermark type");
    def.define(PARAM, Type.STRING, "", Validators.paramName(true), Importance.HIGH,
        "The query parameter that sends the watermark, e.g. updated_since. Empty: send it only"
            + " through ${watermark} templates (or not at all, filtering on this side).",
        GROUP, ++order, Width.SHORT, "Watermark parameter");
    def.define(INITIAL, Type.STRING, "", Importance.MEDIUM,
        "The watermark of the first sync, in the watermark type's format (e.g."
            + " 2026-01-01T00:00:00Z). Empty: the first sync sends none and reads everything.",
        GROUP, ++order, Width.MEDIUM, "Initial watermark");
    def.define(OVERLAP, Type.LONG, 0L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
        "How far before the highest watermark seen the next sync starts (milliseconds for the"
            + " time types, units for number), to catch records that show up late with older"
            + " values. Records re-read in the overlap are dropped by their identity (key fields,"
            + " or the whole record, with the watermark value).",
        GROUP, ++order, Width.SHORT, "Overlap");
    def.define(DEDUP_MAX_IDS, Type.INT, 1000, ConfigDef.Range.between(1, 100_000), Importance.LOW,
        "The most record identities (8-byte hashes) kept in the source offset to drop records"
            + " re-read at the watermark boundary. If more records than this share the overlap"
            + " window, the oldest are forgotten and may be emitted again.",
        GROUP, ++order, Width.SHORT, "Dedup window size");
  }

  static WatermarkConfig parse(AbstractConfig config) {
    String field = config.getString(FIELD);
    WatermarkType type = EnumChoices.parse(WatermarkType.class, config.getString(TYPE));
    String initial = config.getString(INITIAL);
    return new WatermarkConfig(
        field.isEmpty() ? null : FieldPath.parse(field),
        type,
        config.getString(PARAM),
        initial.isEmpty() ? null : Watermark.parse(type, initial),
        config.getLong(OVERLAP),
        config.getInt(DEDUP_MAX_IDS));
  }

  static void check(AbstractConfig config, Map<String, String> headers, CheckContext context) {
    boolean enabled = !config.getString(FIELD).isEmpty();
    WatermarkType type = EnumChoices.parse(WatermarkType.class, config.getString(TYPE));
    String initial = config.getString(INITIAL);
    if (!initial.isEmpty()) {
      if (!enabled) {
        context.problem(INITIAL, "is set but watermark.field is empty");
      } else {
        try {
          Watermark.parse(type, initial);
        } catch (IllegalArgumentException e) {
          context.problem(INITIAL, e.getMessage());
        }
      }
    }
    if (!enabled && !config.getString(PARAM).isEmpty()) {
      context.problem(PARAM, "is set but watermark.field is empty: set the field to read the"
          + " watermark from");
    }
    if (!enabled) {
      for (String setting : RequestSettings.watermarkTemplates()) {
        String text = config.getString(setting);
        if (text != null && text.contains("${" + Template.WATERMARK + "}")) {
          context.problem(setting, "uses ${watermark} but watermark.field is empty");
        }
      }
      headers.forEach((name, value) -> {
        if (value.contains("${" + Template.WATERMARK + "}")) {
          context.headerProblem(name, "uses ${watermark} but watermark.field is empty");
        }
      });
    }
  }
}
