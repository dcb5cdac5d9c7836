package io.streametl.smt.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/** The configured rules, run together so one message can list every failure of a record. */
final class FieldRules {

  private final List<FieldRule> rules;

  FieldRules(List<FieldRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Every violation in {@code value}, in rule order; empty when the value is valid. */
  List<String> violations(Struct value) {
    List<String> violations = new ArrayList<>();
    for (FieldRule rule : rules) {
      rule.violation(rule.path().lookup(value), ValueForm.STRUCT).ifPresent(violations::add);
    }
    return violations;
  }

  /** Every violation in {@code value}, in rule order; empty when the value is valid. */
  List<String> violations(Map<?, ?> value) {
    List<String> violations = new ArrayList<>();
    for (FieldRule rule : rules) {
      rule.violation(rule.path().lookup(value), ValueForm.MAP).ifPresent(violations::add);
    }
    return violations;
  }
}
