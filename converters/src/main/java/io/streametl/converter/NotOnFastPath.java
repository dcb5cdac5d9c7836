package io.streametl.converter;

/**
 * Thrown inside {@link PayloadReader} when a payload is anything but the plain, well-typed JSON the
 * fast path handles. The converter then hands the record to {@code JsonConverter}, which decodes it
 * or reports the error in its own words. One shared instance without a stack trace: it is control
 * flow, not a failure.
 */
final class NotOnFastPath extends RuntimeException {

  static final NotOnFastPath INSTANCE = new NotOnFastPath();

  private NotOnFastPath() {
    super("not on the fast path", null, false, false);
  }
}
