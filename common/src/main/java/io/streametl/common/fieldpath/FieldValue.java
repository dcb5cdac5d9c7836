package io.streametl.common.fieldpath;

import java.util.Objects;

/**
 * What a {@link FieldPath} found in a record: a value (which may be {@code null}) or nothing.
 * Keeping "absent" apart from "present but null" lets a rule say which one it saw.
 */
public final class FieldValue {

  private final boolean present;
  private final Object value;
  private final String absenceReason;

  private FieldValue(boolean present, Object value, String absenceReason) {
    this.present = present;
    this.value = value;
    this.absenceReason = absenceReason;
  }

  /** A field that exists and holds {@code value}, possibly {@code null}. */
  public static FieldValue present(Object value) {
    return new FieldValue(true, value, null);
  }

  /**
   * A field that does not exist.
   *
   * @param reason why, in words that name paths and types but never record contents, such as
   *     {@code "missing"} or {@code "missing: 'device' is null"}
   */
  public static FieldValue absent(String reason) {
    return new FieldValue(false, null, Objects.requireNonNull(reason, "reason"));
  }

  /** Whether the field exists (its value may still be {@code null}). */
  public boolean isPresent() {
    return present;
  }

  /** Whether the field exists and holds {@code null}. */
  public boolean isNull() {
    return present && value == null;
  }

  /**
   * The field's value, possibly {@code null}.
   *
   * @throws IllegalStateException if the field is absent
   */
  public Object value() {
    if (!present) {
      throw new IllegalStateException("no value: the field is " + absenceReason);
    }
    return value;
  }

  /**
   * Why the field is absent, e.g. {@code "missing"} or {@code "missing: 'device' is a string, not
   * a struct or map"}; safe to put in an error message.
   *
   * @throws IllegalStateException if the field is present
   */
  public String absenceReason() {
    if (present) {
      throw new IllegalStateException("the field is present");
    }
    return absenceReason;
  }

  /** For debugging only: shows the value's type, not the value, so it is safe to log. */
  @Override
  public String toString() {
    return present ? "present(" + ValueTypes.describe(value) + ")" : "absent(" + absenceReason + ")";
  }
}
