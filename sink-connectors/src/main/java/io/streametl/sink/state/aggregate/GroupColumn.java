package io.streametl.sink.state.aggregate;

import io.streametl.common.fieldpath.FieldPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One group-by field and its column: {@code region}, {@code device.os} (column {@code device_os})
 * or {@code device.os as os}.
 */
public record GroupColumn(FieldPath path, String column) {

  private static final Pattern ALIASED = Pattern.compile("(?i)^(.+?)\\s+as\\s+(\\S+)$");

  public static GroupColumn parse(String text) {
    String trimmed = text.trim();
    Matcher aliased = ALIASED.matcher(trimmed);
    if (aliased.matches()) {
      String column = aliased.group(2);
      if (!ColumnNames.isIdentifier(column)) {
        throw new IllegalArgumentException("'" + column + "' is not a column name: use letters, digits and '_', "
            + "starting with a letter or '_'");
      }
      return new GroupColumn(FieldPath.parse(aliased.group(1).trim()), column);
    }
    FieldPath path = FieldPath.parse(trimmed);
    return new GroupColumn(path, ColumnNames.of(path));
  }

  @Override
  public String toString() {
    return column.equals(ColumnNames.of(path)) ? path.toString() : path + " as " + column;
  }
}
