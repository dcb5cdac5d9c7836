package io.streametl.sink.bigquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The subset of Storage Read API row restrictions {@link FakeBigQuery} evaluates: comparisons of a
 * column with a text or integer literal ({@code = != < <= > >=}), {@code IN (...)}, {@code AND},
 * {@code OR} and parentheses. Anything else is rejected as BigQuery rejects a bad restriction.
 */
final class FakeRowRestriction {

  private final String text;
  private int pos;

  private FakeRowRestriction(String text) {
    this.text = text;
  }

  static Predicate<Map<String, Object>> parse(String restriction) {
    if (restriction == null || restriction.isBlank()) {
      return row -> true;
    }
    FakeRowRestriction parser = new FakeRowRestriction(restriction);
    Predicate<Map<String, Object>> predicate = parser.or();
    parser.skipSpaces();
    if (parser.pos != restriction.length()) {
      throw new IllegalArgumentException("Invalid row restriction near position " + parser.pos + ": " + restriction);
    }
    return predicate;
  }

  private Predicate<Map<String, Object>> or() {
    Predicate<Map<String, Object>> left = and();
    while (keyword("OR")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<Map<String, Object>> and() {
    Predicate<Map<String, Object>> left = factor();
    while (keyword("AND")) {
      left = left.and(factor());
    }
    return left;
  }

  private Predicate<Map<String, Object>> factor() {
    skipSpaces();
    if (peek() == '(') {
      pos++;
      Predicate<Map<String, Object>> inner = or();
      expect(')');
      return inner;
    }
    String column = identifier();
    if (keyword("IN")) {
      expect('(');
      List<Object> values = new ArrayList<>();
      do {
        values.add(literal());
        skipSpaces();
      } while (peek() == ',' && pos++ >= 0);
      expect(')');
      return row -> values.stream().anyMatch(v -> compare(row.get(column), v) == 0);
    }
    String op = operator();
    Object value = literal();
    return row -> {
      Object actual = row.get(column);
      if (actual == null) {
        return false; // SQL: a comparison with NULL is not true
      }
      int c = compare(actual, value);
      return switch (op) {
        case "=" -> c == 0;
        case "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    };
  }

  private static int compare(Object actual, Object literal) {
    if (actual == null) {
      return Integer.MIN_VALUE;
    }
    if (literal instanceof Long l && actual instanceof Number n) {
      return Long.compare(n.longValue(), l);
    }
    return actual.toString().compareTo(literal.toString());
  }

  private String operator() {
    skipSpaces();
    for (String op : List.of(">=", "<=", "!=", "=", ">", "<")) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    throw new IllegalArgumentException("Invalid row restriction: expected an operator at " + pos + ": " + text);
  }

  private Object literal() {
    skipSpaces();
    if (peek() == '\'') {
      pos++;
      StringBuilder value = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != '\'') {
        char c = text.charAt(pos++);
        value.append(c == '\\' ? text.charAt(pos++) : c);
      }
      expect('\'');
      return value.toString();
    }
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("Invalid row restriction: expected a literal at " + pos + ": " + text);
    }
    return Long.parseLong(text.substring(start, pos));
  }

  private String identifier() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("Invalid row restriction: expected a column at " + pos + ": " + text);
    }
    return text.substring(start, pos);
  }

  private boolean keyword(String word) {
    skipSpaces();
    if (text.regionMatches(true, pos, word, 0, word.length())
        && (pos + word.length() == text.length() || !Character.isLetterOrDigit(text.charAt(pos + word.length())))) {
      pos += word.length();
      return true;
    }
    return false;
  }

  private void expect(char c) {
    skipSpaces();
    if (peek() != c) {
      throw new IllegalArgumentException("Invalid row restriction: expected '" + c + "' at " + pos + ": " + text);
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
