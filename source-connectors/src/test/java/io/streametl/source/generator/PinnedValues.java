package io.streametl.source.generator;

/**
 * Values of the published sequence, recorded once from the implementation. They must never
 * change: other modules' tests recompute the generator's records from its config.
 */
final class PinnedValues {

  static final String EVENT_ID_SEED_7_POSITION_0 = "5be4aaa4-2096-4d24-815d-833dd3e14c79";
  static final String USER_ID_SEED_7_POSITION_0 = "user-004603";
  static final String JSON_SEED_7_POSITION_0 =
      "{\"event_id\":\"5be4aaa4-2096-4d24-815d-833dd3e14c79\",\"user_id\":\"user-004603\","
          + "\"event_type\":\"signup\",\"plan\":\"free\",\"region\":\"eu-west\",\"channel\":\"web\","
          + "\"amount\":0.00,\"currency\":\"GBP\",\"event_time\":\"2026-11-21T10:00:00.000Z\","
          + "\"device\":{\"os\":\"linux\",\"app_version\":\"4.15.1\"}}";
  /** Kinds of positions 0..29, seed 7, with duplicate, late and invalid ratios 0.1, 0.1, 0.3. */
  static final String NOISY_KINDS_0_TO_29 =
      "LATE,VALID,VALID,LATE,INVALID_MISSING_FIELD,DUPLICATE,INVALID_MISSING_FIELD,VALID,VALID,"
          + "VALID,VALID,VALID,VALID,VALID,UNPARSEABLE,INVALID_MISSING_FIELD,INVALID_WRONG_TYPE,"
          + "DUPLICATE,VALID,VALID,DUPLICATE,INVALID_WRONG_TYPE,VALID,VALID,DUPLICATE,VALID,VALID,"
          + "VALID,VALID,DUPLICATE";

  private PinnedValues() {}
}
