package io.streametl.stack.cli;

import java.util.List;
import java.util.Optional;

/**
 * The options of {@code streametl demo-api}: where the demo API listens and the bearer token it
 * asks for. The token defaults to {@code STREAMETL_API_TOKEN}, the variable the HTTP source's
 * config reads on the workers, so one setting serves both sides of a compose stack.
 *
 * @param bind the address to listen on: 127.0.0.1 (the default) or, in a container, 0.0.0.0
 * @param port the port to listen on
 * @param token the bearer token every request must carry
 */
record DemoApiOptions(String bind, int port, String token) {

  static final String DEFAULT_BIND = "127.0.0.1";
  static final int DEFAULT_PORT = 18089;

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.value("--bind", "ADDRESS", "address to listen on (default " + DEFAULT_BIND
          + "; 0.0.0.0 in a container)"),
      OptionSpec.value("--port", "PORT", "port to listen on (default " + DEFAULT_PORT + ")"),
      OptionSpec.value("--token", "TOKEN", "bearer token the API requires (default $"
          + DemoApi.TOKEN_ENV + ")"));

  static DemoApiOptions parse(List<String> args, Optional<String> tokenFromEnv) {
    ParsedOptions options = ParsedOptions.parse("demo-api", SPECS, args);
    String token = options.value("--token").or(() -> tokenFromEnv.filter(t -> !t.isBlank()))
        .orElseThrow(() -> new UsageException("demo-api needs a token: --token TOKEN or $"
            + DemoApi.TOKEN_ENV + "."));
    int port = options.port("--port", DEFAULT_PORT);
    if (port == 0) {
      throw new UsageException("Option --port of demo-api needs a fixed port: the HTTP source's"
          + " base.url names it.");
    }
    return new DemoApiOptions(options.string("--bind", DEFAULT_BIND), port, token);
  }
}
