package io.streametl.smt.validate;

import io.streametl.common.fieldpath.ValueTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Struct;

/** The types a {@code fields.types} rule can ask for, and which Java values satisfy each. */
enum FieldType {
  STRING {
    @Override
    boolean accepts(Object value, ValueForm form) {
      return value instanceof String;
    }
  },
  BOOLEAN {
    @Override
    boolean accepts(Object value, ValueForm form) {
      return value instanceof Boolean;
    }
  },
  /** Any integral number: int8 to int64, whatever width the converter picked. */
  INT {
    @Override
    boolean accepts(Object value, ValueForm form) {
      return value instanceof Byte
          || value instanceof Short
          || value instanceof Integer
          || value instanceof Long
          || value instanceof BigInteger;
    }
  },
  /** Any number: integral, floating point or Decimal. */
  NUMBER {
    @Override
    boolean accepts(Object value, ValueForm form) {
      return value instanceof Number;
    }
  },
  DECIMAL {
    @Override
    boolean accepts(Object value, ValueForm form) {
      return value instanceof BigDecimal;
    }
  },
  /**
   * Connect's Timestamp ({@code java.util.Date}); in schemaless data, where JSON has no date
   * type, also an ISO-8601 date-time string with an offset, such as 2026-11-21T17:00:00Z.
   */
  TIMESTAMP {
    @Override
    boolean accepts(Object value, ValueForm form) {
      return value instanceof Date
          || (form == ValueForm.MAP && value instanceof String && isIsoDateTime((String) value));
    }

    @Override
    String describeMismatch(Object value, ValueForm form) {
      if (form == ValueForm.MAP && value instanceof String) {
        return "a string that is not an ISO-8601 date-time with offset";
      }
      return super.describeMismatch(value, form);
    }
  },
  /** A nested record: a Struct, or a Map in schemaless data. */
  STRUCT {
    @Override
    boolean accepts(Object value, ValueForm form) {
      return value instanceof Struct || value instanceof Map;
    }
  },
  ARRAY {
    @Override
    boolean accepts(Object value, ValueForm form) {
      return value instanceof List;
    }
  };

  /** Whether a non-null {@code value} has this type. */
  abstract boolean accepts(Object value, ValueForm form);

  /** What {@code value} is instead, by type and never by content, e.g. "a string". */
  String describeMismatch(Object value, ValueForm form) {
    return ValueTypes.withArticle(ValueTypes.describe(value));
  }

  /** The name users write in configs and read in messages. */
  String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type named {@code name}, ignoring case.
   *
   * @throws ConfigException listing the valid names when there is no such type
   */
  static FieldType parse(String name) {
    for (FieldType type : values()) {
      if (type.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    throw new ConfigException("unknown type '" + name + "'; use one of: " + validNames());
  }

  static String validNames() {
    return Arrays.stream(values()).map(FieldType::configName).collect(Collectors.joining(", "));
  }

  private static boolean isIsoDateTime(String text) {
    try {
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
