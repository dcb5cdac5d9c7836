package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import java.util.Optional;

/** The field must exist and not be null. */
final class RequiredFieldRule implements FieldRule {

  private final FieldPath path;

  RequiredFieldRule(FieldPath path) {
    this.path = path;
  }

  @Override
  public FieldPath path() {
    return path;
  }

  @Override
  public Optional<String> violation(FieldValue found, ValueForm form) {
    if (!found.isPresent()) {
      return Optional.of("field '" + path + "' is required but " + found.absenceReason());
    }
    if (found.isNull()) {
      return Optional.of("field '" + path + "' is required but null");
    }
    return Optional.empty();
  }
}
