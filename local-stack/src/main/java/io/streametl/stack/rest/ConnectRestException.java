package io.streametl.stack.rest;

/**
 * A Connect REST call that failed: an error status (with Connect's own error message) or no
 * answer at all (status 0).
 */
public class ConnectRestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public ConnectRestException(int status, String message) {
    super(message);
    this.status = status;
  }

  public ConnectRestException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status, or 0 when the worker did not answer. */
  public int status() {
    return status;
  }

  public boolean isNotFound() {
    return status == 404;
  }
}
