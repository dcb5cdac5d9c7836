package io.streametl.source.generator;

/**
 * The amount of an {@link EventKind#INVALID_WRONG_TYPE} event: a localised display string with a
 * decimal comma and the currency, such as {@code "12,50 EUR"}, as a careless client sends it.
 */
final class WrongTypeAmount {

  private WrongTypeAmount() {}

  static String text(SubscriptionEvent event) {
    return event.amount().toPlainString().replace('.', ',') + " " + event.currency();
  }
}
