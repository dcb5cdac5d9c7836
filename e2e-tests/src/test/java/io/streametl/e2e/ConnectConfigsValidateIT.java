package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import io.streametl.stack.rest.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every connector config we ship in connect-configs/ passes Connect's own validation on a real
 * worker with the bundle installed: the configs and the plugins' ConfigDefs cannot drift apart.
 */
@ExtendWith(LocalStackExtension.class)
class ConnectConfigsValidateIT {

  @TestFactory
  Stream<DynamicTest> everyShippedConfigValidatesWithoutErrors(LocalStack stack,
      E2eSettings settings) throws IOException {
    List<Path> files = jsonFiles(settings.connectConfigs());
    assertThat(files)
        .as("connector configs (*.json) in %s: the demo and these tests need at least one",
            settings.connectConfigs())
        .isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          ConnectorConfigFile config = ConnectorConfigFile.load(file);
          ValidationResult result = stack.rest().validate(config);
          assertThat(result.errorCount())
              .as("validation errors of %s:%n%s", file, result.describeErrors())
              .isZero();
        }));
  }

  /** The connector configs shipped in connect-configs/, in name order. */
  static List<Path> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }
}
