package io.streametl.source.generator;

/**
 * The value of an {@link EventKind#UNPARSEABLE} record: the event's complete JSON text cut off
 * between 20% and 90% of its length. Any proper prefix of a JSON object is invalid JSON (its
 * outer brace is never closed), so no parser can accept it.
 */
final class UnparseableText {

  private UnparseableText() {}

  static String of(GeneratedEvent generated) {
    String complete = JsonValueEncoder.completeText(generated.event());
    int cut = (int) (complete.length() * generated.truncateFraction());
    return complete.substring(0, Math.max(1, Math.min(cut, complete.length() - 1)));
  }
}
