package io.streametl.source.generator;

/** Field names of a subscription event, shared by every output format. */
public final class SubscriptionEventFields {

  public static final String EVENT_ID = "event_id";
  public static final String USER_ID = "user_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String PLAN = "plan";
  public static final String REGION = "region";
  public static final String CHANNEL = "channel";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String EVENT_TIME = "event_time";
  public static final String DEVICE = "device";
  public static final String DEVICE_OS = "os";
  public static final String DEVICE_APP_VERSION = "app_version";

  private SubscriptionEventFields() {}
}
