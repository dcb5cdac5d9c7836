package io.streametl.smt.lookup;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: comma-separated fields, fields in double quotes may hold
 * commas, quotes (doubled) and line breaks; CRLF or LF line ends; a trailing line break is not a
 * row.
 */
final class CsvReader {

  private CsvReader() {}

  /**
   * The rows of {@code text}, each a list of fields.
   *
   * @throws IllegalArgumentException naming the line when a quote is never closed or stray text
   *     follows a closing quote
   */
  static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int i = 0;
    boolean rowStarted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' && field.length() == 0) {
        int quoteLine = line;
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("line " + quoteLine + ": a quoted field is never closed");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          field.append(q);
          i++;
        }
        rowStarted = true;
        if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
          throw new IllegalArgumentException("line " + line + ": text after a closing quote");
        }
        continue;
      }
      if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        rowStarted = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (rowStarted || field.length() > 0) {
          row.add(field.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        rowStarted = false;
        line++;
      } else {
        field.append(c);
        rowStarted = true;
      }
      i++;
    }
    if (rowStarted || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
