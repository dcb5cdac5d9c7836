package io.streametl.stack.bench;

import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorFailedException;
import io.streametl.stack.rest.ConnectorStatus;
import java.util.Optional;

/** Stops a wait at once when the connector or one of its tasks has FAILED, with Connect's trace. */
final class ConnectorHealth {

  private final ConnectRestClient rest;
  private final String name;

  ConnectorHealth(ConnectRestClient rest, String name) {
    this.rest = rest;
    this.name = name;
  }

  void failIfFailed() {
    Optional<ConnectorStatus> status = rest.findStatus(name);
    if (status.isEmpty()) {
      return;
    }
    ConnectorStatus current = status.get();
    if (current.isConnectorFailed()) {
      throw new ConnectorFailedException("Connector " + name + " FAILED:"
          + System.lineSeparator() + current.trace(), current);
    }
    current.firstFailedTask().ifPresent(task -> {
      throw new ConnectorFailedException("Task " + task.id() + " of connector " + name
          + " FAILED on worker " + task.workerId() + ":" + System.lineSeparator() + task.trace(),
          current);
    });
  }
}
