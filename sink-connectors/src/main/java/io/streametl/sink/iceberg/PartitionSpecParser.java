package io.streametl.sink.iceberg;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parses partition terms in the form Iceberg users know from Spark and Trino DDL:
 * {@code day(event_time)}, {@code bucket(16, user_id)}, {@code truncate(4, name)} or a bare
 * column (identity). The config validator and table creation share {@link #parseTerm} so that
 * what validates is exactly what is built.
 */
public final class PartitionSpecParser {

  private static final Pattern CALL = Pattern.compile("(\\w+)\\s*\\(\\s*(?:(\\d+)\\s*,\\s*)?([^(),\\s]+)\\s*\\)");
  private static final Pattern COLUMN = Pattern.compile("[^(),\\s]+");

  private PartitionSpecParser() {}

  /** One parsed term: a transform name ({@code identity} for a bare column), its width, its column. */
  public record Term(String transform, int width, String column) {}

  public static Term parseTerm(String text) {
    String term = text.trim();
    if (COLUMN.matcher(term).matches()) {
      return new Term("identity", 0, term);
    }
    Matcher m = CALL.matcher(term);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a partition term; use e.g. day(event_time), "
          + "bucket(16, user_id), truncate(4, name) or a column name");
    }
    String transform = m.group(1).toLowerCase(Locale.ROOT);
    boolean needsWidth = transform.equals("bucket") || transform.equals("truncate");
    if (needsWidth != (m.group(2) != null)) {
      throw new IllegalArgumentException("'" + text + "': " + (needsWidth
          ? transform + " needs a width, as in " + transform + "(16, column)"
          : transform + " takes only a column"));
    }
    switch (transform) {
      case "identity", "year", "month", "day", "hour", "bucket", "truncate" -> { }
      default -> throw new IllegalArgumentException("'" + text + "': unknown transform '" + transform
          + "'; use identity, year, month, day, hour, bucket or truncate");
    }
    int width = needsWidth ? Integer.parseInt(m.group(2)) : 0;
    if (needsWidth && width <= 0) {
      throw new IllegalArgumentException("'" + text + "': the width must be positive");
    }
    return new Term(transform, width, m.group(3));
  }

  /** Builds the spec for a schema; fails with a message naming the term when a column is missing. */
  public static PartitionSpec build(Schema schema, List<String> terms) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (String text : terms) {
      Term term = parseTerm(text);
      if (schema.findField(term.column()) == null) {
        throw new IllegalArgumentException("partition term '" + text + "' names column '" + term.column()
            + "', which the records do not have");
      }
      switch (term.transform()) {
        case "identity" -> builder.identity(term.column());
        case "year" -> builder.year(term.column());
        case "month" -> builder.month(term.column());
        case "day" -> builder.day(term.column());
        case "hour" -> builder.hour(term.column());
        case "bucket" -> builder.bucket(term.column(), term.width());
        case "truncate" -> builder.truncate(term.column(), term.width());
        default -> throw new IllegalStateException(term.transform());
      }
    }
    return builder.build();
  }

  /** Validates a list of partition terms with the same parser table creation uses. */
  public static final class Validator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null) {
        return;
      }
      for (Object term : (List<?>) value) {
        try {
          parseTerm(term.toString());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
      }
    }

    @Override
    public String toString() {
      return "list of day(col), hour(col), month(col), year(col), bucket(N, col), truncate(N, col), col";
    }
  }
}
