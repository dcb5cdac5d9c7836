package io.streametl.stack.cli;

import java.util.List;

/** The help text, generated from the commands' option specs so it cannot drift from them. */
final class Usage {

  private Usage() {}

  static String text() {
    StringBuilder out = new StringBuilder();
    out.append("Usage: ./streametl <command> [options]\n\n");
    out.append("Commands:\n");
    out.append("  demo        start Kafka and Connect locally, create the demo connectors, show"
        + " progress until Ctrl-C\n");
    out.append("  query       count the rows of the demo's Iceberg table and show some of them\n");
    out.append("  bench-sink  our sink against the stock Iceberg sink and a raw consumer on one"
        + " topic: throughput, freshness (docs/benchmarks/sink.md)\n");
    out.append("  bench-mqtt  the MQTT source against a bare MQTT subscriber on the same broker:"
        + " messages/s at QoS 0 and 1 (docs/benchmarks/mqtt-source.md)\n");
    out.append("  demo-api    the demo API on its own (the compose stack's HTTP source reads it)\n");
    out.append("  simulate-devices  the demo's devices on their own, publishing to an MQTT broker\n");
    out.append("  help        show this text\n");
    appendOptions(out, "demo", DemoOptions.SPECS);
    appendOptions(out, "query", QueryOptions.SPECS);
    appendOptions(out, "bench-sink", BenchSinkOptions.SPECS);
    appendOptions(out, "bench-mqtt", BenchMqttOptions.SPECS);
    appendOptions(out, "demo-api", DemoApiOptions.SPECS);
    appendOptions(out, "simulate-devices", SimulateDevicesOptions.SPECS);
    return out.toString();
  }

  private static void appendOptions(StringBuilder out, String command, List<OptionSpec> specs) {
    out.append("\nOptions of ").append(command).append(":\n");
    for (OptionSpec spec : specs) {
      out.append(String.format(java.util.Locale.ROOT, "  %-32s %s%n", spec.usage(),
          spec.description()));
    }
  }
}
