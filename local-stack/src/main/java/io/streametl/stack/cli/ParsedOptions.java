package io.streametl.stack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one command, parsed against its {@link OptionSpec}s: {@code --name value},
 * {@code --name=value} or a bare {@code --flag}. Every error names the option and what it expects.
 */
final class ParsedOptions {

  private final String command;
  private final Map<String, String> values;

  private ParsedOptions(String command, Map<String, String> values) {
    this.command = command;
    this.values = values;
  }

  static ParsedOptions parse(String command, List<OptionSpec> specs, List<String> args) {
    Map<String, OptionSpec> byName = new LinkedHashMap<>();
    specs.forEach(spec -> byName.put(spec.name(), spec));
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("Unexpected argument '" + arg + "' for " + command
            + "; options start with --.");
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      OptionSpec spec = byName.get(name);
      if (spec == null) {
        throw new UsageException("Unknown option " + name + " for " + command + ". Options: "
            + String.join(", ", byName.keySet()) + ".");
      }
      if (values.containsKey(name)) {
        throw new UsageException("Option " + name + " is given twice.");
      }
      String value;
      if (!spec.takesValue()) {
        if (equals >= 0) {
          throw new UsageException("Option " + name + " is a flag and takes no value.");
        }
        value = "true";
      } else if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException("Option " + name + " needs a value: " + spec.usage() + ".");
      }
      if (spec.takesValue() && value.isBlank()) {
        throw new UsageException("Option " + name + " needs a non-empty value: " + spec.usage()
            + ".");
      }
      values.put(name, value);
    }
    return new ParsedOptions(command, values);
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  String string(String name, String defaultValue) {
    return value(name).orElse(defaultValue);
  }

  Path path(String name, Path defaultValue) {
    return value(name).map(Path::of).orElse(defaultValue);
  }

  List<Path> paths(String name, List<Path> defaultValue) {
    return value(name).map(v -> split(v).stream().map(Path::of).toList()).orElse(defaultValue);
  }

  int port(String name, int defaultValue) {
    return value(name).map(v -> parsePort(name, v)).orElse(defaultValue);
  }

  List<Integer> ports(String name, List<Integer> defaultValue) {
    return value(name).map(v -> split(v).stream().map(p -> parsePort(name, p)).toList())
        .orElse(defaultValue);
  }

  int positiveInt(String name, int defaultValue) {
    return value(name).map(v -> {
      try {
        int parsed = Integer.parseInt(v);
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // Reported below with the option name.
      }
      throw new UsageException("Option " + name + " must be a positive whole number, got '" + v
          + "'.");
    }).orElse(defaultValue);
  }

  long positiveLong(String name, long defaultValue) {
    return value(name).map(v -> {
      try {
        long parsed = Long.parseLong(v.replace("_", ""));
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // Reported below with the option name.
      }
      throw new UsageException("Option " + name + " must be a positive whole number, got '" + v
          + "'.");
    }).orElse(defaultValue);
  }

  int nonNegativeInt(String name, int defaultValue) {
    return value(name).map(v -> {
      try {
        int parsed = Integer.parseInt(v);
        if (parsed >= 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // Reported below with the option name.
      }
      throw new UsageException("Option " + name + " must be zero or a positive whole number, got '"
          + v + "'.");
    }).orElse(defaultValue);
  }

  /**
   * An option of {@code key=value} pairs separated by commas, in order; empty when not given. A
   * piece without '=' continues the previous value, so list values need no escaping.
   */
  Map<String, String> keyValues(String option) {
    Optional<String> text = value(option);
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text.isEmpty() || text.get().isBlank()) {
      return pairs;
    }
    String lastKey = null;
    for (String piece : text.get().split(",")) {
      int eq = piece.indexOf('=');
      if (eq > 0) {
        lastKey = piece.substring(0, eq).trim();
        pairs.put(lastKey, piece.substring(eq + 1).trim());
      } else if (lastKey != null && !piece.isBlank()) {
        // A list value (mqtt.topic.filters=a,b): the piece continues the previous setting.
        pairs.put(lastKey, pairs.get(lastKey) + "," + piece.trim());
      } else {
        throw new UsageException("Option " + option + " takes key=value pairs separated by commas, got '"
            + piece.trim() + "'.");
      }
    }
    return pairs;
  }

  private int parsePort(String name, String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the option name.
    }
    throw new UsageException("Option " + name + " takes port numbers (0-65535, 0 = any free"
        + " port), got '" + value + "' for " + command + ".");
  }

  private static List<String> split(String commaSeparated) {
    List<String> parts = new ArrayList<>();
    Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(p -> !p.isEmpty())
        .forEach(parts::add);
    return parts;
  }
}
