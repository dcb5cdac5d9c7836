package io.streametl.stack.cli;

import io.streametl.stack.LocalStackException;
import io.streametl.stack.PortInUseException;
import io.streametl.stack.bench.MqttBenchSettings;
import io.streametl.stack.bench.MqttBenchmark;
import io.streametl.stack.bench.BenchSettings;
import io.streametl.stack.bench.BenchmarkException;
import io.streametl.stack.bench.SinkBenchmark;
import io.streametl.stack.devices.SimulatorSettings;
import io.streametl.stack.rest.ConnectRestException;
import io.streametl.stack.rest.ConnectorFailedException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ./streametl} command line: {@code demo}, {@code query}, {@code bench-sink}, {@code bench-mqtt}, and
 * {@code demo-api} and {@code simulate-devices} (the demo's API and devices on their own). Errors
 * the user can fix (a port in use, missing build output, a bad option) are printed as one line,
 * without a stack trace; anything else is a bug and keeps its trace.
 */
public final class StreamEtlCli {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int INTERRUPTED = 130;

  private StreamEtlCli() {}

  public static void main(String[] args) {
    // Our own log config (concise console output), unless the caller chose one.
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "io/streametl/stack/cli/cli-log4j2.xml");
    }
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
      out.print(Usage.text());
      return args.length == 0 ? USAGE : OK;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    ShutdownSignal shutdown = null;
    try {
      if (rest.contains("--help")) {
        out.print(Usage.text());
        return OK;
      }
      switch (args[0]) {
        case "demo" -> {
          DemoOptions options = DemoOptions.parse(rest);
          shutdown = ShutdownSignal.install();
          return new DemoCommand(options, shutdown, out).run();
        }
        case "query" -> {
          return new QueryCommand(QueryOptions.parse(rest), out).run();
        }
        case "bench-sink" -> {
          BenchSettings settings = BenchSinkOptions.parse(rest);
          shutdown = ShutdownSignal.install();
          new SinkBenchmark(settings, out).run();
          return OK;
        }
        case "bench-mqtt" -> {
          MqttBenchSettings settings = BenchMqttOptions.parse(rest);
          shutdown = ShutdownSignal.install();
          new MqttBenchmark(settings, out).run();
          return OK;
        }
        case "demo-api" -> {
          DemoApiOptions options = DemoApiOptions.parse(rest,
              Optional.ofNullable(System.getenv(DemoApi.TOKEN_ENV)));
          shutdown = ShutdownSignal.install();
          return new DemoApiCommand(options, shutdown, out).run();
        }
        case "simulate-devices" -> {
          SimulatorSettings settings = SimulateDevicesOptions.parse(rest);
          shutdown = ShutdownSignal.install();
          return new SimulateDevicesCommand(settings, shutdown, out).run();
        }
        default -> throw new UsageException("Unknown command '" + args[0]
            + "'. Commands: demo, query, bench-sink, bench-mqtt, help.");
      }
    } catch (UsageException e) {
      err.println("streametl: " + e.getMessage() + " See ./streametl help.");
      return USAGE;
    } catch (RuntimeException | InterruptedException e) {
      if (shutdown != null && shutdown.isStopRequested()) {
        // Ctrl-C while starting: the stack was stopped under the command's feet; not an error.
        out.println("Stopped.");
        return INTERRUPTED;
      }
      err.println("streametl: " + describe(e));
      return FAILED;
    } finally {
      if (shutdown != null) {
        shutdown.finished();
      }
    }
  }

  /** The message for a known failure; a full trace for anything unexpected. */
  static String describe(Exception e) {
    if (e instanceof PortInUseException portInUse) {
      return portInUse.getMessage() + " Choose another with " + optionFor(portInUse) + ".";
    }
    if (e instanceof ConnectorFailedException) {
      return e.getMessage() + System.lineSeparator() + "The workers' logs are in <data-dir>/logs.";
    }
    if (e instanceof LocalStackException || e instanceof BenchmarkException
        || e instanceof ConnectRestException
        || e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
      return e.getMessage();
    }
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    return "unexpected error: " + trace;
  }

  private static String optionFor(PortInUseException e) {
    return switch (e.purpose()) {
      case KAFKA_BROKER -> "--kafka-port";
      case KAFKA_CONTROLLER -> "--controller-port";
      case CONNECT_REST -> "--connect-ports";
      case MQTT_BROKER -> "--mqtt-port";
    };
  }
}
