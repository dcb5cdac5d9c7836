package io.streametl.source.http.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an endpoint's settings come from: {@code endpoint.<name>.<setting>} when set, else the
 * connector-level {@code <setting>} (the default for every endpoint), else the documented default.
 * Headers work the same way with {@code header.<Name>} and {@code endpoint.<name>.header.<Name>}.
 */
public final class EndpointKeys {

  public static final String PREFIX = "endpoint.";
  public static final String HEADER_PREFIX = "header.";
  /** Endpoint names: used in keys, source partitions and topic names, so kept plain. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private EndpointKeys() {}

  public static String key(String endpoint, String setting) {
    return PREFIX + endpoint + "." + setting;
  }

  /** The key whose value the endpoint uses for {@code setting}, if either level sets it. */
  public static Optional<String> sourceKey(Map<String, ?> props, String endpoint, String setting) {
    String own = key(endpoint, setting);
    if (props.get(own) != null) {
      return Optional.of(own);
    }
    return props.get(setting) != null ? Optional.of(setting) : Optional.empty();
  }

  /** The key to report a problem with {@code setting} at: where it is set, else the endpoint's own key. */
  public static String problemKey(Map<String, ?> props, String endpoint, String setting) {
    return sourceKey(props, endpoint, setting).orElse(key(endpoint, setting));
  }

  /** The endpoint's settings by setting name, per-endpoint values over connector-level ones. */
  public static Map<String, String> resolve(Map<String, ?> props, String endpoint) {
    Map<String, String> resolved = new HashMap<>();
    for (String setting : EndpointConfig.CONFIG_DEF.names()) {
      sourceKey(props, endpoint, setting)
          .ifPresent(key -> resolved.put(setting, props.get(key).toString()));
    }
    return resolved;
  }

  /** Header name to (template) value, per-endpoint headers over connector-level ones. */
  public static Map<String, String> headers(Map<String, ?> props, String endpoint) {
    Map<String, String> headers = new LinkedHashMap<>();
    String own = PREFIX + endpoint + "." + HEADER_PREFIX;
    putWithPrefix(props, HEADER_PREFIX, headers);
    putWithPrefix(props, own, headers);
    return headers;
  }

  private static void putWithPrefix(Map<String, ?> props, String prefix, Map<String, String> out) {
    props.forEach((key, value) -> {
      if (key.startsWith(prefix) && key.length() > prefix.length() && value != null) {
        // Header names are case-insensitive: a per-endpoint header replaces a default in any case.
        String name = key.substring(prefix.length());
        out.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        out.put(name, value.toString());
      }
    });
  }

  /** The key where an endpoint header is set. */
  public static String headerKey(Map<String, ?> props, String endpoint, String header) {
    String own = PREFIX + endpoint + "." + HEADER_PREFIX + header;
    return props.containsKey(own) ? own : HEADER_PREFIX + header;
  }
}
