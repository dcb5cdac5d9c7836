package io.streametl.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The bundle's build version, which every plugin reports through {@code Versioned#version()}. */
public final class Version {

  private static final String RESOURCE = "/io/streametl/common/version.properties";
  private static final String VERSION = load();

  private Version() {}

  /** The Maven project version this bundle was built as, for example {@code 0.1.0}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + ": the jar was not built by Maven");
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
