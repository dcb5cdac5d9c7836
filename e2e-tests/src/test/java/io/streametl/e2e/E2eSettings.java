package io.streametl.e2e;

import io.streametl.stack.LocalStack;
import io.streametl.stack.StackLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the end-to-end tests run against, from the system properties the pom sets. Each missing
 * input fails with the build step that produces it.
 *
 * @param testPluginJar the test-only connector plugin, installed next to the bundle when present
 */
record E2eSettings(Path bundleZip, Path kafkaLibs, Path mqttBrokerLibs, Path connectConfigs,
    Optional<Path> testPluginJar, Path dataDir) {

  static E2eSettings fromSystemProperties() {
    Path bundle = existing("streametl.bundle.zip", "the plugin bundle; build it with"
        + " ./mvnw -B -pl packaging -am install -DskipTests");
    Path libs = existing("streametl.kafka.libs", "the Kafka libs; build them with"
        + " ./mvnw -B -pl kafka-dist install");
    Path mqttLibs = existing("streametl.mqtt.broker.libs", "the MQTT broker's libs; build them"
        + " with ./mvnw -B -pl mqtt-broker install");
    Path configs = existing("streametl.connect.configs", "the connect-configs directory");
    Optional<Path> testPlugin = Optional.ofNullable(System.getProperty("streametl.test.plugin.jar"))
        .map(Path::of).filter(Files::isRegularFile);
    Path dataDir = Path.of(System.getProperty("streametl.e2e.data.dir", "target/e2e-stack"));
    return new E2eSettings(bundle, libs, mqttLibs, configs, testPlugin, dataDir.toAbsolutePath());
  }

  /**
   * A stack of a test's own beside the shared one, reset first, with the Kafka libs and the
   * bundle: its directory is {@code <shared dir>-<name>}, not inside the shared one, which is
   * reset only while it holds nothing but a stack (and a test may run before it first starts).
   */
  LocalStack.Builder ownStack(String name) {
    Path own = dataDir.resolveSibling(dataDir.getFileName() + "-" + name);
    new StackLayout(own).reset();
    return LocalStack.builder().dataDir(own).kafkaLibs(kafkaLibs).bundleZip(bundleZip);
  }

  private static Path existing(String property, String what) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set: run the"
          + " end-to-end tests through Maven (./mvnw -B -f e2e-tests/pom.xml verify) or set it.");
    }
    Path path = Path.of(value).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IllegalStateException(property + "=" + path + " does not exist: " + what + ".");
    }
    return path;
  }
}
