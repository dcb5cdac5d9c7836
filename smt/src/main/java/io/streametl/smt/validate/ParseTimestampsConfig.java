package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import io.streametl.smt.failure.FailureConfig;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** The configuration of {@link ParseTimestamps}, checked together. */
final class ParseTimestampsConfig {

  private static final String GROUP = "Timestamps";

  private final List<FieldPath> fields;
  private final List<TimestampFormat> formats;
  private final ZoneId zone;
  private final TimestampOutput output;

  ParseTimestampsConfig(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(ParseTimestamps.CONFIG_DEF, props);
    this.fields = FieldPath.parseAll(config.getList(ParseTimestamps.FIELDS_CONFIG));
    if (fields.isEmpty()) {
      throw new ConfigException(
          ParseTimestamps.FIELDS_CONFIG, "", "name at least one field to parse");
    }
    this.formats = parseFormats(config.getList(ParseTimestamps.FORMATS_CONFIG));
    this.zone = parseZone(config.getString(ParseTimestamps.TIMEZONE_CONFIG));
    this.output = TimestampOutput.parse(config.getString(ParseTimestamps.OUTPUT_CONFIG));
  }

  static List<TimestampFormat> parseFormats(List<String> entries) {
    if (entries.isEmpty()) {
      throw new ConfigException("give at least one format");
    }
    List<TimestampFormat> formats = new ArrayList<>();
    TimestampFormat epoch = null;
    for (String entry : entries) {
      TimestampFormat format = TimestampFormat.parse(entry);
      if (format.isEpoch()) {
        if (epoch != null) {
          throw new ConfigException(
              "both " + epoch.name() + " and " + format.name() + " are given: a bare number"
                  + " could be either, so give one epoch unit");
        }
        epoch = format;
      }
      formats.add(format);
    }
    return List.copyOf(formats);
  }

  static ZoneId parseZone(String text) {
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      throw new ConfigException(
          "unknown time zone '" + text + "'; use a region such as Europe/Berlin or an offset"
              + " such as +01:00 or UTC");
    }
  }

  static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(ParseTimestamps.FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
        FieldPathValidator.list(), ConfigDef.Importance.HIGH,
        "Fields to parse, as comma-separated KIP-821 field paths (device.seen_at,"
            + " `app.ts`). Absent and null fields are left alone (use ValidateFields to require"
            + " them); values that are already timestamps are converted to the output form.",
        GROUP, ++order, ConfigDef.Width.LONG, "Fields");
    def.define(ParseTimestamps.FORMATS_CONFIG, ConfigDef.Type.LIST, TimestampFormat.ISO8601,
        new Validator(ParseTimestamps.FORMATS_CONFIG), ConfigDef.Importance.HIGH,
        "Formats to try, in order; the first that reads the value wins. Names: iso8601"
            + " (2026-11-21T17:00:00Z, with offset or zone, or local in " + ParseTimestamps.TIMEZONE_CONFIG
            + "), rfc1123 (Fri, 21 Nov 2026 17:00:00 GMT), epoch.seconds (a fraction allowed),"
            + " epoch.millis, epoch.micros (as digits or as numbers; at most one epoch unit)."
            + " Anything else is a java.time DateTimeFormatter pattern, such as"
            + " yyyy-MM-dd HH:mm:ss or dd/MM/yyyy (a pattern cannot contain a comma).",
        GROUP, ++order, ConfigDef.Width.LONG, "Formats");
    def.define(ParseTimestamps.TIMEZONE_CONFIG, ConfigDef.Type.STRING, "UTC",
        new Validator(ParseTimestamps.TIMEZONE_CONFIG), ConfigDef.Importance.MEDIUM,
        "Time zone for texts without an offset (local date-times, dates), and the offset of the"
            + " iso8601 output. A region (Europe/Berlin) or an offset (+01:00, UTC).",
        GROUP, ++order, ConfigDef.Width.SHORT, "Time zone");
    def.define(ParseTimestamps.OUTPUT_CONFIG, ConfigDef.Type.STRING,
        TimestampOutput.TIMESTAMP.configName(), new Validator(ParseTimestamps.OUTPUT_CONFIG),
        ConfigDef.Importance.MEDIUM,
        "What replaces the value: timestamp (Connect Timestamp, a java.util.Date; in Struct"
            + " values an optional Timestamp field), iso8601 (a string with the offset of "
            + ParseTimestamps.TIMEZONE_CONFIG + ", e.g. 2026-11-21T18:00:00+01:00) or"
            + " epoch.millis (an int64). Millisecond precision: finer digits are cut off.",
        GROUP, ++order, ConfigDef.Width.SHORT, "Output");
    return FailureConfig.define(def, 0);
  }

  List<FieldPath> fields() {
    return fields;
  }

  List<TimestampFormat> formats() {
    return formats;
  }

  ZoneId zone() {
    return zone;
  }

  TimestampOutput output() {
    return output;
  }

  /** Checks formats, zone and output with the parsers the constructor uses. */
  private static final class Validator implements ConfigDef.Validator {
    private final String key;

    Validator(String key) {
      this.key = key;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void ensureValid(String name, Object value) {
      try {
        if (key.equals(ParseTimestamps.FORMATS_CONFIG)) {
          parseFormats((List<String>) value);
        } else if (key.equals(ParseTimestamps.TIMEZONE_CONFIG)) {
          parseZone(String.valueOf(value));
        } else {
          TimestampOutput.parse(String.valueOf(value));
        }
      } catch (ConfigException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      if (key.equals(ParseTimestamps.FORMATS_CONFIG)) {
        return "list of " + TimestampFormat.names() + " or java.time patterns";
      }
      if (key.equals(ParseTimestamps.TIMEZONE_CONFIG)) {
        return "a java.time ZoneId";
      }
      return TimestampOutput.validNames();
    }
  }
}
