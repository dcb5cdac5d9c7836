package io.streametl.sink.bigquery;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the row restrictions (SQL boolean expressions over columns and literals) the Storage Read
 * API applies server-side, so that the sink reads only the ledger and state rows it needs instead
 * of whole tables. Text literals are escaped, so names from configs cannot change the expression.
 */
final class RowRestriction {

  private RowRestriction() {}

  static String eq(String column, String value) {
    return column + " = " + literal(value);
  }

  static String eq(String column, long value) {
    return column + " = " + value;
  }

  static String greater(String column, long value) {
    return column + " > " + value;
  }

  static String atLeast(String column, long value) {
    return column + " >= " + value;
  }

  static String in(String column, Collection<String> values) {
    return column + " IN (" + values.stream().map(RowRestriction::literal).collect(Collectors.joining(", ")) + ")";
  }

  static String and(String... terms) {
    return "(" + String.join(" AND ", terms) + ")";
  }

  static String or(List<String> terms) {
    return "(" + String.join(" OR ", terms) + ")";
  }

  static String literal(String value) {
    StringBuilder quoted = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      if (c == '\'' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.append('\'').toString();
  }
}
