package io.streametl.smt.lookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference rows from a CSV or JSON lines file, reloaded when the file changes. The check costs
 * one file-attribute read and runs on the task thread at most once per reload interval, when a
 * record is looked up; a reload that fails keeps the previous rows and logs why.
 */
final class ReferenceFile implements ReferenceTable {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceFile.class);

  private final Path path;
  private final ReferenceFileFormat format;
  private final String keyColumn;
  private final long reloadIntervalMs;
  private final Clock clock;
  private volatile Map<String, Map<String, String>> rows;
  private Object loadedVersion;
  private long nextCheckMs;

  /**
   * Reads the file now.
   *
   * @param reloadIntervalMs how often to check the file for changes; 0 never checks
   * @throws IllegalArgumentException if the file cannot be read or parsed, saying why
   */
  ReferenceFile(
      Path path, ReferenceFileFormat format, String keyColumn, long reloadIntervalMs, Clock clock) {
    this.path = path;
    this.format = format;
    this.keyColumn = keyColumn;
    this.reloadIntervalMs = reloadIntervalMs;
    this.clock = clock;
    this.loadedVersion = version();
    this.rows = read();
    this.nextCheckMs = clock.millis() + reloadIntervalMs;
  }

  @Override
  public Map<String, String> row(String key) {
    reloadIfChanged();
    return rows.get(key);
  }

  /** How many rows are loaded now. */
  int size() {
    return rows.size();
  }

  private void reloadIfChanged() {
    if (reloadIntervalMs <= 0 || clock.millis() < nextCheckMs) {
      return;
    }
    nextCheckMs = clock.millis() + reloadIntervalMs;
    Object version;
    try {
      version = version();
    } catch (IllegalArgumentException e) {
      LOG.warn("Lookup: cannot check reference {} ({}); keeping the {} rows loaded before",
          describe(), e.getMessage(), rows.size());
      return;
    }
    if (version.equals(loadedVersion)) {
      return;
    }
    try {
      Map<String, Map<String, String>> reloaded = read();
      rows = reloaded;
      loadedVersion = version;
      LOG.info("Lookup: reloaded reference {}: {} rows", describe(), reloaded.size());
    } catch (IllegalArgumentException e) {
      LOG.warn("Lookup: cannot reload reference {} ({}); keeping the {} rows loaded before",
          describe(), e.getMessage(), rows.size());
    }
  }

  /** What identifies one state of the file: modification time and size. */
  private Object version() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.lastModifiedTime().toMillis() + ":" + attributes.size();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Map<String, Map<String, String>> read() {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
    }
    return format.read(text, keyColumn);
  }

  @Override
  public String describe() {
    return "file " + path;
  }

  @Override
  public void close() {
    rows = Map.of();
  }
}
