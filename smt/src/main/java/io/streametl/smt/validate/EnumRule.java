package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.PathPairs;
import io.streametl.common.fieldpath.ValueTypes;
import io.streametl.smt.ScalarText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * A scalar, where present and not null, must be one of a set of values, compared by its text
 * ({@link ScalarText}: numbers by value, so 1, 1.0 and 1.00 all match "1").
 */
final class EnumRule implements FieldRule {

  private final FieldPath path;
  private final Set<String> allowed;
  private final String listed;

  EnumRule(FieldPath path, Set<String> allowed) {
    this.path = path;
    this.allowed = Set.copyOf(allowed);
    this.listed = String.join(", ", allowed);
  }

  /**
   * Reads a {@code path:a|b|c} entry.
   *
   * @throws ConfigException saying what is wrong with the entry
   */
  static EnumRule parse(String entry) {
    Map.Entry<FieldPath, String> pair = PathPairs.pathThenText(entry, "plan:free|pro|team");
    List<String> values = new ArrayList<>();
    for (String value : pair.getValue().split("\\|", -1)) {
      if (value.isBlank()) {
        throw new ConfigException(
            "Invalid enum rule '" + entry + "': empty value; separate values with |, e.g."
                + " plan:free|pro|team");
      }
      values.add(value.trim());
    }
    return new EnumRule(pair.getKey(), new LinkedHashSet<>(values));
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
    Optional<String> text = ScalarText.of(found.value());
    if (text.isEmpty()) {
      return Optional.of(
          "field '" + path + "' must be one of " + listed + " but is "
              + ValueTypes.withArticle(ValueTypes.describe(found.value())));
    }
    if (!allowed.contains(text.get())) {
      return Optional.of("field '" + path + "' must be one of " + listed);
    }
    return Optional.empty();
  }
}
