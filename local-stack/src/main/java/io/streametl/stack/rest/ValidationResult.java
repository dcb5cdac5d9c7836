package io.streametl.stack.rest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The answer of PUT /connector-plugins/{class}/config/validate, reduced to what a user acts on.
 *
 * @param errorCount Connect's error_count
 * @param errors the messages per config key, only for keys that have errors
 */
public record ValidationResult(String connectorClass, int errorCount,
    Map<String, List<String>> errors) {

  public ValidationResult {
    errors = Map.copyOf(errors);
  }

  public boolean isValid() {
    return errorCount == 0;
  }

  /** One line per field: "key: message; message". */
  public String describeErrors() {
    return errors.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> entry.getKey() + ": " + String.join("; ", entry.getValue()))
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
