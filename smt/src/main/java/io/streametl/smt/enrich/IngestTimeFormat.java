package io.streametl.smt.enrich;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/** How the ingest time is written into schemaless (Map) values. */
enum IngestTimeFormat {
  /** Milliseconds since the epoch, as a {@code Long}. */
  EPOCH_MILLIS {
    @Override
    Object format(Instant time) {
      return time.toEpochMilli();
    }
  },
  /** An ISO-8601 UTC string such as {@code 2026-11-21T17:00:00.123Z}. */
  ISO8601 {
    @Override
    Object format(Instant time) {
      return time.toString();
    }
  },
  /** A {@code java.util.Date}, which JSON converters write as epoch milliseconds. */
  TIMESTAMP {
    @Override
    Object format(Instant time) {
      return Date.from(time);
    }
  };

  abstract Object format(Instant time);

  String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code name}, ignoring case.
   *
   * @throws ConfigException listing the valid names when there is no such format
   */
  static IngestTimeFormat parse(String name) {
    for (IngestTimeFormat format : values()) {
      if (format.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new ConfigException(
        "unknown ingest time format '" + name + "'; use one of: " + validNames());
  }

  static String validNames() {
    return Arrays.stream(values())
        .map(IngestTimeFormat::configName)
        .collect(Collectors.joining(", "));
  }
}
