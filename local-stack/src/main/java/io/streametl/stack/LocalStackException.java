package io.streametl.stack;

/**
 * A problem starting or running the local stack that the user can act on: a port in use, java or
 * the Kafka libs missing, a process that died during start-up. The message is written for the
 * user (what happened and what to do), so the CLI prints it as is, without a stack trace.
 */
public class LocalStackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LocalStackException(String message) {
    super(message);
  }

  public LocalStackException(String message, Throwable cause) {
    super(message, cause);
  }
}
