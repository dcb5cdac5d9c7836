package io.streametl.e2e.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code host:port} addresses a text refers to, e.g. {@code http://minio:9000},
 * {@code tcp://mosquitto:1883}, {@code bootstrap.servers=kafka:9092} or
 * {@code trino://superset@trino:8080/iceberg}. Host names are lower-case DNS labels, as compose
 * service names are; {@code localhost} is the user's machine, not a service, and is skipped.
 */
final class HostPortReferences {

  /** One reference, with where it was found for the failure message. */
  record Reference(String host, int port, String source) {
    @Override
    public String toString() {
      return host + ":" + port + " (in " + source + ")";
    }
  }

  private static final Pattern HOST_PORT =
      Pattern.compile("(?<![A-Za-z0-9_.-])([a-z][a-z0-9-]*):(\\d{2,5})(?![\\d.])");

  private HostPortReferences() {}

  static List<Reference> in(String text, String source) {
    List<Reference> references = new ArrayList<>();
    Matcher m = HOST_PORT.matcher(text);
    while (m.find()) {
      if (!m.group(1).equals("localhost")) {
        references.add(new Reference(m.group(1), Integer.parseInt(m.group(2)), source));
      }
    }
    return references;
  }
}
