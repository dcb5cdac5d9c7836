package io.streametl.e2e.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a Dockerfile the consistency test checks: base images, COPY sources, EXPOSE. */
record Dockerfile(Path file, List<String> baseImages, List<String> copySources,
    List<Integer> exposedPorts) {

  private static final Pattern ARG_REFERENCE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  static Dockerfile read(Path file) {
    Map<String, String> args = new HashMap<>();
    List<String> bases = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    for (String raw : ComposeProject.read(file).replace("\\\n", " ").split("\n")) {
      String line = raw.trim();
      String[] words = line.split("\\s+");
      switch (words[0].toUpperCase(java.util.Locale.ROOT)) {
        case "ARG" -> {
          int eq = words[1].indexOf('=');
          if (eq > 0) {
            args.put(words[1].substring(0, eq), words[1].substring(eq + 1));
          }
        }
        case "FROM" -> bases.add(substitute(words[1], args));
        case "COPY" -> {
          List<String> operands = new ArrayList<>();
          for (int i = 1; i < words.length; i++) {
            if (!words[i].startsWith("--")) {
              operands.add(words[i]);
            } else if (words[i].startsWith("--from")) {
              operands.clear(); // from another stage or image: nothing in the build context
              break;
            }
          }
          if (operands.size() > 1) {
            sources.addAll(operands.subList(0, operands.size() - 1));
          }
        }
        case "EXPOSE" -> {
          for (int i = 1; i < words.length; i++) {
            ports.add(Integer.parseInt(words[i].replaceAll("/.*", "")));
          }
        }
        default -> { }
      }
    }
    return new Dockerfile(file, bases, sources, ports);
  }

  private static String substitute(String text, Map<String, String> args) {
    Matcher m = ARG_REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
