package io.streametl.stack.cli;

import io.streametl.stack.devices.DeviceSimulator;
import io.streametl.stack.devices.SimulatorSettings;
import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code streametl simulate-devices}: the demo's device fleet on its own, publishing telemetry to
 * any MQTT broker until stopped (the compose stack runs it against Mosquitto). It prints what the
 * broker acknowledged every ten seconds.
 */
final class SimulateDevicesCommand {

  private static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);

  private final SimulatorSettings settings;
  private final ShutdownSignal shutdown;
  private final PrintStream out;

  SimulateDevicesCommand(SimulatorSettings settings, ShutdownSignal shutdown, PrintStream out) {
    this.settings = settings;
    this.shutdown = shutdown;
    this.out = out;
  }

  int run() throws InterruptedException {
    // The simulator retries a failed publish but needs the broker for its first connect; in a
    // compose stack that start-up race is handled by depends_on and a restart policy.
    try (DeviceSimulator simulator = new DeviceSimulator(settings)) {
      Thread publisher = new Thread(simulator::runUntilStopped, "streametl-device-simulator");
      publisher.setDaemon(true);
      publisher.start();
      out.println(settings.devices() + " devices publish " + settings.messagesPerSecond()
          + " messages/s at QoS " + settings.qos().getCode() + " to tcp://"
          + settings.serverHost() + ":" + settings.serverPort() + ". Ctrl-C stops.");
      while (!shutdown.awaitStop(STATUS_INTERVAL)) {
        out.println("simulate-devices: " + simulator.published() + " published ("
            + simulator.malformed() + " malformed, " + simulator.resent() + " resent)");
      }
      simulator.stop();
      publisher.join(Duration.ofSeconds(10).toMillis());
      out.println("Stopped after " + simulator.published() + " messages.");
      return StreamEtlCli.OK;
    }
  }
}
