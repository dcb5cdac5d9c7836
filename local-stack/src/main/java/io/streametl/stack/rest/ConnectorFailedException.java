package io.streametl.stack.rest;

/**
 * A connector or one of its tasks reached FAILED while we waited for it to run. The message holds
 * the failed component and Connect's stack trace of the failure (the "trace" of the status API).
 */
public final class ConnectorFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ConnectorStatus status;

  public ConnectorFailedException(String message, ConnectorStatus status) {
    super(message);
    this.status = status;
  }

  public ConnectorStatus status() {
    return status;
  }
}
