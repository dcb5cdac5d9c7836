package io.streametl.source.generator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The field values of one generated subscription event, independent of the output format.
 *
 * @param eventId a UUID string; the record key
 * @param userId for example {@code user-000042}
 * @param eventType signup, upgrade, downgrade, cancel or renew
 * @param plan free, basic, pro or enterprise
 * @param region us-east, us-west, eu-west, eu-central or ap-south
 * @param channel web, ios, android or partner
 * @param amount the charged amount, scale 2
 * @param currency an ISO 4217 code (USD, EUR, GBP, INR)
 * @param eventTime when the event happened, millisecond precision
 * @param device the client that raised the event
 */
public record SubscriptionEvent(
    String eventId,
    String userId,
    String eventType,
    String plan,
    String region,
    String channel,
    BigDecimal amount,
    String currency,
    Instant eventTime,
    Device device) {

  public SubscriptionEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(device, "device");
  }

  /**
   * The client that raised the event.
   *
   * @param os for example ios, android, windows
   * @param appVersion a semantic version such as {@code 4.12.3}
   */
  public record Device(String os, String appVersion) {
    public Device {
      Objects.requireNonNull(os, "os");
      Objects.requireNonNull(appVersion, "appVersion");
    }
  }
}
