package io.streametl.e2e;

import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the workers' logs say about the MQTT clients of one connector's tasks: the lines
 * "MQTT client &lt;prefix&gt;-&lt;task&gt; ..." that record each connection, lost connection and
 * stop, in time order over all workers. A run in which each client connected once and never lost
 * its connection had no interruption: no reason for the broker to send any message twice.
 */
final class MqttClientLog {

  private static final Pattern CONNECTED =
      Pattern.compile("MQTT client (\\S+) (connected to|reconnected to) ");
  private static final String LOST = " lost its connection ";

  private final List<String> lines;

  private MqttClientLog(List<String> lines) {
    this.lines = lines;
  }

  /** The lines of the clients {@code <clientIdPrefix>-<task index>} in every worker's log. */
  static MqttClientLog of(LocalStack stack, String clientIdPrefix) {
    String needle = "MQTT client " + clientIdPrefix + "-";
    List<String> lines = new ArrayList<>();
    for (ConnectWorker worker : stack.workers()) {
      try (Stream<String> all = Files.lines(worker.logFile())) {
        all.filter(line -> line.contains(needle)).forEach(lines::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read " + worker.logFile(), e);
      }
    }
    // Each line starts with "[yyyy-MM-dd HH:mm:ss,SSS]": text order is time order.
    lines.sort(null);
    return new MqttClientLog(lines);
  }

  /** The clients that connected at least once. */
  List<String> clients() {
    List<String> clients = new ArrayList<>();
    for (String line : lines) {
      Matcher connected = CONNECTED.matcher(line);
      if (connected.find() && !clients.contains(connected.group(1))) {
        clients.add(connected.group(1));
      }
    }
    return clients;
  }

  /**
   * Connections beyond each client's first (a reconnect, or a task restarted by a rebalance) plus
   * lost connections: 0 when nothing interrupted any client.
   */
  long interruptions() {
    long connections = lines.stream().filter(line -> CONNECTED.matcher(line).find()).count();
    long lost = lines.stream().filter(line -> line.contains(LOST)).count();
    return connections - clients().size() + lost;
  }

  /** The lines, one per line, for a test's failure message. */
  String describe() {
    return lines.isEmpty() ? "(no line about these clients in the workers' logs)"
        : String.join("\n", lines);
  }
}
