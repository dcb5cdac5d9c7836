package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.PathPairs;
import io.streametl.common.fieldpath.ValueTypes;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigException;

/** A string, where present and not null, must match a regular expression as a whole. */
final class RegexRule implements FieldRule {

  private final FieldPath path;
  private final Pattern pattern;

  RegexRule(FieldPath path, Pattern pattern) {
    this.path = path;
    this.pattern = pattern;
  }

  /**
   * Reads a {@code path:regex} entry; the regex is everything after the path's colon, colons
   * included.
   *
   * @throws ConfigException saying what is wrong with the entry
   */
  static RegexRule parse(String entry) {
    Map.Entry<FieldPath, String> pair = PathPairs.pathThenText(entry, "event_id:e-[0-9]+");
    if (pair.getValue().isEmpty()) {
      throw new ConfigException("Invalid regex rule '" + entry + "': the regex is empty");
    }
    try {
      return new RegexRule(pair.getKey(), Pattern.compile(pair.getValue()));
    } catch (PatternSyntaxException e) {
      throw new ConfigException(
          "Invalid regex rule '" + entry + "': " + e.getDescription() + " near index "
              + e.getIndex());
    }
  }

  @Override
  public FieldPath path() {
    return path;
  }

  @Override
  public Optional<String> violation(FieldValue found, ValueForm form) {
    if (!found.isPresent() || found.isNull()) {
      return Optional.empty();
    }
    Object value = found.value();
    if (!(value instanceof String)) {
      return Optional.of(
          "field '" + path + "' must be a string matching " + pattern.pattern() + " but is "
              + ValueTypes.withArticle(ValueTypes.describe(value)));
    }
    if (!pattern.matcher((String) value).matches()) {
      return Optional.of("field '" + path + "' must match " + pattern.pattern());
    }
    return Optional.empty();
  }
}
