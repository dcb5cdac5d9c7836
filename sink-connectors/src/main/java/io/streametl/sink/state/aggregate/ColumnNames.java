package io.streametl.sink.state.aggregate;

import io.streametl.common.fieldpath.FieldPath;
import java.util.regex.Pattern;

/** Column names of partial rows: plain SQL identifiers, so the fold SQL needs no quoting. */
final class ColumnNames {

  static final String WINDOW_START = "window_start";
  static final String WINDOW_END = "window_end";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ColumnNames() {}

  /** {@code device.os} becomes {@code device_os}; characters SQL would need quoted become '_'. */
  static String of(FieldPath path) {
    String joined = String.join("_", path.segments()).replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(joined.charAt(0)) ? "_" + joined : joined;
  }

  static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }
}
