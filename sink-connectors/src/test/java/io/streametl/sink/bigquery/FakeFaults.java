package io.streametl.sink.bigquery;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Failures {@link FakeBigQuery} injects into its Storage Write API calls: a call to a method on a
 * table of a given name (in any dataset) fails with a status, either before it does anything, or
 * after it took effect (the response is lost, as when a connection drops).
 */
final class FakeFaults {

  enum When { BEFORE, AFTER }

  private static final class Rule {
    final String method;
    final String table;
    final Status.Code code;
    final When when;
    int remaining;

    Rule(String method, String table, Status.Code code, When when, int times) {
      this.method = method;
      this.table = table;
      this.code = code;
      this.when = when;
      this.remaining = times;
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private int injected;

  synchronized void add(String method, String table, Status.Code code, When when, int times) {
    rules.add(new Rule(method, table, code, when, times));
  }

  /** The status to fail this call with, if a rule matches (and counts it). */
  synchronized Status.Code take(String method, String tableKey, When when) {
    for (Rule rule : rules) {
      if (rule.remaining > 0 && rule.when == when && rule.method.equals(method)
          && (tableKey == null || tableKey.endsWith("." + rule.table))) {
        rule.remaining--;
        injected++;
        return rule.code;
      }
    }
    return null;
  }

  synchronized int injected() {
    return injected;
  }

  synchronized void clear() {
    rules.clear();
  }
}
