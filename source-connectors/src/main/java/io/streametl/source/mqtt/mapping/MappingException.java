package io.streametl.source.mqtt.mapping;

/** A message that cannot become a record; the message is the reason, for the error topic. */
public final class MappingException extends Exception {

  private static final long serialVersionUID = 1L;

  public MappingException(String reason) {
    super(reason);
  }
}
