package io.streametl.stack.rest;

/**
 * One task of a connector as the status API reports it.
 *
 * @param trace the stack trace of the failure when the state is FAILED, otherwise null
 */
public record TaskStatus(int id, String state, String workerId, String trace) {

  public boolean isRunning() {
    return ConnectorStatus.RUNNING.equals(state);
  }

  public boolean isFailed() {
    return ConnectorStatus.FAILED.equals(state);
  }
}
