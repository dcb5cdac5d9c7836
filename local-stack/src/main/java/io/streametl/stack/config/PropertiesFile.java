package io.streametl.stack.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a Java properties file that a person can read: keys in the given order, values unescaped
 * where {@link java.util.Properties#store} would escape every colon (listener URLs, paths).
 */
public final class PropertiesFile {

  private PropertiesFile() {}

  public static String render(String headerComment, Map<String, String> properties) {
    StringBuilder out = new StringBuilder();
    for (String line : headerComment.split("\\R")) {
      out.append("# ").append(line).append('\n');
    }
    properties.forEach((key, value) ->
        out.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
    return out.toString();
  }

  public static void write(Path file, String headerComment, Map<String, String> properties) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, render(headerComment, properties), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /** Escapes what the properties format would otherwise misread; ':' in values is left alone. */
  static String escape(String text, boolean isKey) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '=', ':', ' ' -> {
          if (isKey || (c == ' ' && i == 0)) {
            out.append('\\');
          }
          out.append(c);
        }
        case '#', '!' -> {
          if (i == 0) {
            out.append('\\');
          }
          out.append(c);
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
