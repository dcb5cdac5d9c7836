package io.streametl.stack.bench;

import io.streametl.stack.rest.ConnectorConfigFile;
import java.nio.file.Path;

/** The connector config files of connect-configs/, as the benchmark loads them. */
final class ShippedConfigs {

  static final Path DIR = Path.of("../connect-configs");

  private ShippedConfigs() {}

  static ConnectorConfigFile load(String file) {
    return ConnectorConfigFile.load(DIR.resolve(file));
  }
}
