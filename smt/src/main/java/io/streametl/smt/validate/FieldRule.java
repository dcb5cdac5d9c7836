package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import java.util.Optional;

/**
 * One check on one field of a record. Each kind of rule (required, type; later range, regex,
 * enum, max length) is a small implementation; {@link FieldRules} runs them all.
 */
interface FieldRule {

  /** The field this rule checks. */
  FieldPath path();

  /**
   * What is wrong with the field, phrased as "field 'amount' must be ...", or empty when it
   * passes. The text names paths and types only: it goes into exceptions and dead-letter-queue
   * headers, where record contents must never appear.
   *
   * @param found what {@link #path()} holds in the record
   * @param form whether the record is schema'd ({@code Struct}) or schemaless ({@code Map}),
   *     for rules that accept other forms in schemaless data (an ISO-8601 string as a timestamp)
   */
  Optional<String> violation(FieldValue found, ValueForm form);
}
