package io.streametl.source.generator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Draws the field values of one event from its position's content generator.
 *
 * <p>The order of draws is part of the published sequence: changing it changes every event.
 */
final class SubscriptionEventContent {

  /** Distinct users: ids run from {@code user-000000} to {@code user-009999}. */
  static final int USERS = 10_000;

  static final List<String> EVENT_TYPES = List.of("signup", "upgrade", "downgrade", "cancel", "renew");
  private static final int[] EVENT_TYPE_WEIGHTS = {30, 15, 10, 10, 35};
  static final List<String> PLANS = List.of("free", "basic", "pro", "enterprise");
  private static final int[] PLAN_WEIGHTS = {40, 30, 20, 10};
  static final List<String> REGIONS = List.of("us-east", "us-west", "eu-west", "eu-central", "ap-south");
  static final List<String> CHANNELS = List.of("web", "ios", "android", "partner");
  private static final int[] CHANNEL_WEIGHTS = {40, 25, 25, 10};
  private static final List<String> DESKTOP_OS = List.of("windows", "macos", "linux");

  private SubscriptionEventContent() {}

  static SubscriptionEvent draw(PositionRandom rng, Instant eventTime) {
    String eventId = uuid(rng).toString();
    String userId = String.format(Locale.ROOT, "user-%06d", rng.nextInt(USERS));
    String eventType = rng.pickWeighted(EVENT_TYPES, EVENT_TYPE_WEIGHTS);
    String plan = rng.pickWeighted(PLANS, PLAN_WEIGHTS);
    String region = rng.pick(REGIONS);
    String channel = rng.pickWeighted(CHANNELS, CHANNEL_WEIGHTS);
    boolean annual = rng.nextInt(4) == 0;
    String currency = currency(region, rng.nextInt(2) == 0);
    String os = rng.pick(DESKTOP_OS);
    String appVersion =
        String.format(Locale.ROOT, "%d.%d.%d", 3 + rng.nextInt(3), rng.nextInt(20), rng.nextInt(10));
    return new SubscriptionEvent(
        eventId,
        userId,
        eventType,
        plan,
        region,
        channel,
        amount(eventType, plan, annual),
        currency,
        eventTime,
        new SubscriptionEvent.Device(deviceOs(channel, os), appVersion));
  }

  /** A version-4 UUID built from two draws, so it is as reproducible as the rest. */
  private static UUID uuid(PositionRandom rng) {
    long most = (rng.nextLong() & ~0xF000L) | 0x4000L;
    long least = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  /** List price; annual billing charges ten months; a cancel charges nothing. */
  private static BigDecimal amount(String eventType, String plan, boolean annual) {
    if (eventType.equals("cancel")) {
      return BigDecimal.ZERO.setScale(SubscriptionEventSchemas.AMOUNT_SCALE);
    }
    long monthlyCents =
        switch (plan) {
          case "basic" -> 999;
          case "pro" -> 2_999;
          case "enterprise" -> 19_900;
          default -> 0;
        };
    return BigDecimal.valueOf(annual ? monthlyCents * 10 : monthlyCents, SubscriptionEventSchemas.AMOUNT_SCALE);
  }

  private static String currency(String region, boolean coin) {
    return switch (region) {
      case "eu-west" -> coin ? "GBP" : "EUR";
      case "eu-central" -> "EUR";
      case "ap-south" -> "INR";
      default -> "USD";
    };
  }

  private static String deviceOs(String channel, String desktopOs) {
    return switch (channel) {
      case "ios" -> "ios";
      case "android" -> "android";
      default -> desktopOs;
    };
  }
}
