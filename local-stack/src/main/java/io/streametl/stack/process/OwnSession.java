package io.streametl.stack.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a child in a session of its own (util-linux {@code setsid}) where the system has one.
 *
 * <p>Ctrl-C in a terminal, and {@code timeout} or a process manager stopping the CLI, signal the
 * whole process group. Children in the CLI's group would all get the signal at once: the broker
 * would stop while the Connect workers still need it to finish their tasks, whose graceful stop
 * then times out. In a session of their own, only the CLI gets the signal, and its shutdown hook
 * stops the workers first and the broker after them. A child still never outlives the CLI: its
 * {@link ParentWatchdog} ends it when the CLI is gone, whatever the session.
 *
 * <p>Without {@code setsid} (macOS has none) children start as before, in the CLI's group.
 */
final class OwnSession {

  private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/setsid"),
      Path.of("/bin/setsid"));
  private static final Optional<Path> SETSID =
      CANDIDATES.stream().filter(Files::isExecutable).findFirst();

  private OwnSession() {}

  /** {@code command} prefixed with {@code setsid} where there is one, else unchanged. */
  static List<String> command(List<String> command) {
    return command(command, SETSID);
  }

  static List<String> command(List<String> command, Optional<Path> setsid) {
    if (setsid.isEmpty()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(command.size() + 1);
    wrapped.add(setsid.get().toString());
    wrapped.addAll(command);
    return wrapped;
  }
}
