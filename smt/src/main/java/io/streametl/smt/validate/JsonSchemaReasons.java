package io.streametl.smt.validate;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the validator's errors into reasons that name where (a JSON pointer into the record) and
 * which rule, and never the record's contents. The validator's own messages quote the schema
 * (limits, patterns, allowed values) but not the instance, except for the keywords listed here,
 * whose messages quote data and are replaced.
 */
final class JsonSchemaReasons {

  /** At most this many reasons per record, so headers and messages stay small. */
  static final int MAX_REASONS = 20;

  /** Keywords whose messages quote parts of the instance (property names used as data). */
  private static final Set<String> QUOTES_INSTANCE = Set.of("propertyNames");

  private JsonSchemaReasons() {}

  /**
   * @param rootIri the absolute IRI of the configured schema: locations inside it are shown as
   *     bare fragments ({@code #/properties/amount/type}), others in full
   */
  static List<String> of(List<Error> errors, String rootIri) {
    List<String> reasons = new ArrayList<>(Math.min(errors.size(), MAX_REASONS + 1));
    for (Error error : errors) {
      if (reasons.size() == MAX_REASONS) {
        reasons.add("and " + (errors.size() - MAX_REASONS) + " more");
        break;
      }
      reasons.add(reason(error, rootIri));
    }
    return reasons;
  }

  private static String reason(Error error, String rootIri) {
    String where = error.getInstanceLocation().toString();
    String at = where.isEmpty() ? "at the root" : "at '" + where + "'";
    String keyword = error.getKeyword();
    String what =
        keyword != null && QUOTES_INSTANCE.contains(keyword)
            ? "fails '" + keyword + "'"
            : error.getMessage();
    String location = error.getSchemaLocation().toString();
    if (rootIri != null && location.startsWith(rootIri + "#")) {
      location = location.substring(rootIri.length());
    }
    return at + ": " + what + " (" + location + ")";
  }
}
