package io.streametl.smt.validate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Timestamp;

/** What {@link ParseTimestamps} writes in place of a parsed value. */
enum TimestampOutput {
  /** Connect's Timestamp logical type: a {@code java.util.Date}, schema int64 Timestamp. */
  TIMESTAMP("timestamp", Timestamp.builder().optional().build()) {
    @Override
    Object value(Instant instant, ZoneId zone) {
      return Date.from(instant);
    }
  },
  /** An ISO-8601 string with the offset of the configured zone, such as 2026-11-21T18:00:00+01:00. */
  ISO8601("iso8601", Schema.OPTIONAL_STRING_SCHEMA) {
    @Override
    Object value(Instant instant, ZoneId zone) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone));
    }
  },
  /** Milliseconds since the epoch, an int64. */
  EPOCH_MILLIS("epoch.millis", Schema.OPTIONAL_INT64_SCHEMA) {
    @Override
    Object value(Instant instant, ZoneId zone) {
      return instant.toEpochMilli();
    }
  };

  private final String configName;
  private final Schema schema;

  TimestampOutput(String configName, Schema schema) {
    this.configName = configName;
    this.schema = schema;
  }

  abstract Object value(Instant instant, ZoneId zone);

  /** The optional schema of the written field in Struct values. */
  Schema schema() {
    return schema;
  }

  String configName() {
    return configName;
  }

  static TimestampOutput parse(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (TimestampOutput output : values()) {
      if (output.configName.equals(wanted)) {
        return output;
      }
    }
    throw new ConfigException("unknown timestamp output '" + name + "'; use one of: " + validNames());
  }

  static String validNames() {
    return Arrays.stream(values()).map(TimestampOutput::configName).collect(Collectors.joining(", "));
  }
}
