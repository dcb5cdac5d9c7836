package io.streametl.stack.rest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * GET /connectors/{name}/status: the state of the connector and of each task, and which worker
 * runs each.
 *
 * @param type "source" or "sink"
 * @param trace the connector's failure trace when its state is FAILED, otherwise null
 */
public record ConnectorStatus(String name, String type, String state, String workerId, String trace,
    List<TaskStatus> tasks) {

  public static final String RUNNING = "RUNNING";
  public static final String FAILED = "FAILED";

  public ConnectorStatus {
    tasks = List.copyOf(tasks);
  }

  public boolean isConnectorRunning() {
    return RUNNING.equals(state);
  }

  public boolean isConnectorFailed() {
    return FAILED.equals(state);
  }

  /** Connector and exactly {@code expectedTasks} tasks RUNNING. */
  public boolean isRunning(int expectedTasks) {
    return isConnectorRunning() && tasks.size() == expectedTasks
        && tasks.stream().allMatch(TaskStatus::isRunning);
  }

  /** Connector and at least one task RUNNING, every task RUNNING. */
  public boolean isRunningWithTasks() {
    return isRunning(Math.max(1, tasks.size()));
  }

  public Optional<TaskStatus> firstFailedTask() {
    return tasks.stream().filter(TaskStatus::isFailed).findFirst();
  }

  /** The workers running the connector or any of its tasks. */
  public Set<String> workerIds() {
    Set<String> ids = new TreeSet<>();
    if (workerId != null) {
      ids.add(workerId);
    }
    tasks.stream().map(TaskStatus::workerId).filter(id -> id != null).forEach(ids::add);
    return ids;
  }

  /** One line such as "RUNNING, tasks 2/2 RUNNING". */
  public String summary() {
    long running = tasks.stream().filter(TaskStatus::isRunning).count();
    return state + ", tasks " + running + "/" + tasks.size() + " RUNNING";
  }
}
