package io.streametl.stack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, to put the reason for a crash right into the error message. */
public final class LogTail {

  private static final int MAX_BYTES = 16 * 1024;

  private LogTail() {}

  public static List<String> lastLines(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, raf.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (raf.length() - start)];
      raf.seek(start);
      raf.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(could not read " + file + ": " + e.getMessage() + ")");
    }
  }

  /** The last lines, indented, or a note that the file is empty. */
  public static String describe(Path file, int lines) {
    List<String> tail = lastLines(file, lines);
    if (tail.isEmpty() || tail.stream().allMatch(String::isBlank)) {
      return "  (" + file + " is empty)";
    }
    return "  " + String.join(System.lineSeparator() + "  ", tail);
  }
}
