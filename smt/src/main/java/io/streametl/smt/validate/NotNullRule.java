package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import java.util.Optional;

/** A field, where present, must not be null; unlike a required field it may be absent. */
final class NotNullRule implements FieldRule {

  private final FieldPath path;

  NotNullRule(FieldPath path) {
    this.path = path;
  }

  @Override
  public FieldPath path() {
    return path;
  }

  @Override
  public Optional<String> violation(FieldValue found, ValueForm form) {
    return found.isNull()
        ? Optional.of("field '" + path + "' must not be null")
        : Optional.empty();
  }
}
