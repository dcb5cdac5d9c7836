package io.streametl.source.http.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting with {@code ${variable}} placeholders, such as a topic {@code api.${endpoint}} or a URL
 * with {@code ?since=${watermark}}. Variable names have no colon, so Connect's config providers
 * ({@code ${env:NAME}}, {@code ${file:path:key}}) are resolved by the worker first and never
 * clash with them.
 */
public final class Template {

  public static final String ENDPOINT = "endpoint";
  public static final String CONNECTOR = "connector";
  public static final String WATERMARK = "watermark";

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final String text;
  /** Literal text and variable names, alternating, starting with a literal. */
  private final List<String> parts;
  private final Set<String> variables;

  private Template(String text, List<String> parts, Set<String> variables) {
    this.text = text;
    this.parts = parts;
    this.variables = variables;
  }

  /**
   * @throws IllegalArgumentException naming the first variable not in {@code allowed}
   */
  public static Template parse(String text, Set<String> allowed) {
    List<String> parts = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    Matcher matcher = VARIABLE.matcher(text);
    int end = 0;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown variable ${" + name + "}; this setting knows "
            + allowed.stream().map(v -> "${" + v + "}").toList());
      }
      parts.add(text.substring(end, matcher.start()));
      parts.add(name);
      used.add(name);
      end = matcher.end();
    }
    parts.add(text.substring(end));
    return new Template(text, List.copyOf(parts), Set.copyOf(used));
  }

  public boolean uses(String variable) {
    return variables.contains(variable);
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  /**
   * The text with each variable replaced by its value passed through {@code escape}; a variable
   * without a value becomes the empty string.
   */
  public String render(Map<String, String> values, UnaryOperator<String> escape) {
    if (variables.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (i % 2 == 0) {
        out.append(part);
      } else {
        String value = values.get(part);
        out.append(value == null ? "" : escape.apply(value));
      }
    }
    return out.toString();
  }

  public String render(Map<String, String> values) {
    return render(values, UnaryOperator.identity());
  }

  /** Escapes a value for a URL query or path: RFC 3986 percent-encoding, spaces as %20. */
  public static String percentEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Escapes a value for the inside of a JSON string (the template supplies the quotes). */
  public static String jsonEscape(String value) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(value));
  }

  @Override
  public String toString() {
    return text;
  }
}
