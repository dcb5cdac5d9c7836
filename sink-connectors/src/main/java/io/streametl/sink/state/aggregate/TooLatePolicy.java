package io.streametl.sink.state.aggregate;

import java.util.Locale;

/** What happens to a record too late for every window it belongs to (it is counted either way). */
public enum TooLatePolicy {
  /** Report it to the dead-letter queue, so it is never silently lost. */
  DEAD_LETTER("dead-letter"),
  /** Drop it (only the count says it was there). */
  DROP("drop");

  private final String text;

  TooLatePolicy(String text) {
    this.text = text;
  }

  public static TooLatePolicy parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (TooLatePolicy policy : values()) {
      if (policy.text.equals(wanted)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a too-late policy: use dead-letter or drop");
  }

  @Override
  public String toString() {
    return text;
  }
}
