package io.streametl.common.fieldpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads and writes the KIP-821 V2 path text described on {@link FieldPath}. Reading follows
 * Kafka's {@code SingleFieldPath} rule for rule, so a path means the same field here as in
 * Kafka's transforms; writing produces the shortest text that reads back to the same segments.
 */
final class FieldPathSyntax {

  private static final char DOT = '.';
  private static final char BACKTICK = '`';
  private static final char BACKSLASH = '\\';

  private FieldPathSyntax() {}

  static List<String> parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new ConfigException("Invalid field path '': a field path needs at least one field name");
    }
    List<String> segments = new ArrayList<>();
    int pos = 0;
    while (true) {
      int segmentStart = pos;
      String segment;
      if (pos < text.length() && text.charAt(pos) == BACKTICK) {
        int closing = closingBacktick(text, pos);
        segment = unescape(text, pos + 1, closing);
        pos = closing + 1;
      } else {
        int dot = text.indexOf(DOT, pos);
        int end = dot < 0 ? text.length() : dot;
        segment = text.substring(pos, end);
        pos = end;
      }
      if (segment.isEmpty()) {
        throw new ConfigException(
            "Invalid field path '" + text + "': empty field name at position " + segmentStart
                + "; field names must not be empty, so check for a doubled, leading or trailing dot");
      }
      segments.add(segment);
      if (pos == text.length()) {
        return segments;
      }
      pos++; // past the dot that ends this segment
    }
  }

  /** The index of the backtick closing the quoted segment opened at {@code opening}. */
  private static int closingBacktick(String text, int opening) {
    int from = opening + 1;
    while (true) {
      int tick = text.indexOf(BACKTICK, from);
      if (tick < 0) {
        throw unclosed(text, opening);
      }
      boolean escaped = text.charAt(tick - 1) == BACKSLASH;
      boolean endsPath = tick == text.length() - 1;
      if (endsPath) {
        if (escaped) {
          throw unclosed(text, opening);
        }
        return tick;
      }
      if (text.charAt(tick + 1) == DOT && !escaped) {
        return tick;
      }
      from = tick + 1;
    }
  }

  /** Quoted content between {@code start} and {@code end}, with each {@code \`.} read as {@code `.}. */
  private static String unescape(String text, int start, int end) {
    StringBuilder name = new StringBuilder(end - start);
    int chunkStart = start;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == BACKTICK
          && text.charAt(i + 1) == DOT
          && i > start
          && text.charAt(i - 1) == BACKSLASH) {
        name.append(text, chunkStart, i - 1).append(BACKTICK);
        chunkStart = i + 1;
      }
    }
    return name.append(text, chunkStart, end).toString();
  }

  private static ConfigException unclosed(String text, int opening) {
    return new ConfigException(
        "Invalid field path '" + text + "': the backtick at position " + opening
            + " opens a quoted field name that is never closed. A closing backtick must end the"
            + " path or be followed by a dot, and must not follow a backslash; to use a backtick"
            + " as the first character of a name, quote the whole name (e.g. ``a`.b for `a)");
  }

  static String format(List<String> segments) {
    StringBuilder text = new StringBuilder();
    for (String segment : segments) {
      if (text.length() > 0) {
        text.append(DOT);
      }
      appendSegment(text, segment);
    }
    return text.toString();
  }

  private static void appendSegment(StringBuilder text, String segment) {
    if (!needsQuoting(segment)) {
      text.append(segment);
      return;
    }
    text.append(BACKTICK);
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      // Only a backtick followed by a dot could be read as the closing one.
      if (c == BACKTICK && i + 1 < segment.length() && segment.charAt(i + 1) == DOT) {
        text.append(BACKSLASH);
      }
      text.append(c);
    }
    text.append(BACKTICK);
  }

  private static boolean needsQuoting(String segment) {
    return segment.charAt(0) == BACKTICK || segment.indexOf(DOT) >= 0;
  }

  /** Why {@code segment} cannot be a field name in a path, or empty when it can. */
  static Optional<String> whyNotWritable(String segment) {
    if (segment == null || segment.isEmpty()) {
      return Optional.of("a field name in a path must not be null or empty");
    }
    if (needsQuoting(segment) && segment.charAt(segment.length() - 1) == BACKSLASH) {
      return Optional.of(
          "the field name '" + segment + "' cannot be written as a KIP-821 path: it must be quoted"
              + " (it contains a dot or starts with a backtick) and it ends with a backslash,"
              + " which would escape the closing backtick");
    }
    return Optional.empty();
  }
}
