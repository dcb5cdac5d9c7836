package io.streametl.stack;

/** An explicitly requested port is already taken by another process (or twice in our own settings). */
public final class PortInUseException extends LocalStackException {

  private static final long serialVersionUID = 1L;

  private final int port;
  private final PortPurpose purpose;

  public PortInUseException(int port, PortPurpose purpose, String message) {
    super(message);
    this.port = port;
    this.purpose = purpose;
  }

  public int port() {
    return port;
  }

  public PortPurpose purpose() {
    return purpose;
  }
}
