package io.streametl.e2e.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation, as far as the stack uses it: {@code ${NAME}},
 * {@code ${NAME:-default}} and {@code ${NAME-default}}; {@code $$} is a literal dollar.
 */
final class ComposeVariables {

  /** A reference and whether it carries a default. */
  record Reference(String name, boolean hasDefault, String text) {}

  private static final Pattern REFERENCE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}");

  private ComposeVariables() {}

  static List<Reference> references(String text) {
    List<Reference> references = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      references.add(new Reference(m.group(1), m.group(2) != null, m.group()));
    }
    return references;
  }

  /** The text as Compose sees it when no variable is set: each reference by its default. */
  static String withDefaults(String text) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(3) == null ? "" : m.group(3)));
    }
    m.appendTail(out);
    return out.toString().replace("$$", "$");
  }
}
