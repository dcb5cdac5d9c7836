package io.streametl.source.generator;

import java.util.Locale;

/** How the generator represents each event value (config {@code output.format}). */
public enum OutputFormat {
  /** A Connect {@code Struct} with a schema, for schema-aware converters. */
  STRUCT,
  /** A schemaless {@code Map<String, Object>}, for {@code JsonConverter} with schemas disabled. */
  MAP,
  /** UTF-8 JSON bytes with a {@code BYTES} schema, for {@code ByteArrayConverter}. */
  JSON;

  /** The lower-case name users write in the config. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config value, ignoring case. */
  public static OutputFormat parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
