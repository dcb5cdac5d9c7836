package io.streametl.e2e;

import io.streametl.stack.LocalStack;
import io.streametl.stack.StackLayout;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ONE local stack (KRaft broker + 2 distributed Connect workers, the bundle on plugin.path)
 * for the whole test JVM and hands it to tests as a {@link LocalStack} or {@link E2eSettings}
 * parameter. Starting a cluster costs tens of seconds on 2 cores, so every test class shares it:
 * the stack lives in the root context's store and is closed when the test plan ends.
 *
 * <p>Tests share the cluster, so each uses its own connector names and topics and leaves the
 * cluster as it found it (all workers running and joined).
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStackExtension.class);
  private static final Namespace NAMESPACE = Namespace.create(LocalStackExtension.class);

  /** Closed by JUnit with the root store, after the last test class. */
  private record SharedStack(E2eSettings settings, LocalStack stack) implements AutoCloseable {
    @Override
    public void close() {
      stack.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // Started here rather than lazily in a test, so its start-up time is not charged to a test.
    shared(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalStack.class || type == E2eSettings.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SharedStack shared = shared(context);
    return parameter.getParameter().getType() == LocalStack.class ? shared.stack()
        : shared.settings();
  }

  private static SharedStack shared(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedStack.class, key -> start(), SharedStack.class);
  }

  private static SharedStack start() {
    E2eSettings settings = E2eSettings.fromSystemProperties();
    // A fresh cluster per run: topics, offsets and connectors of an earlier run would leak in.
    new StackLayout(settings.dataDir()).reset();
    LocalStack.Builder builder = LocalStack.builder()
        .dataDir(settings.dataDir())
        .kafkaLibs(settings.kafkaLibs())
        .mqttBroker(settings.mqttBrokerLibs())
        .bundleZip(settings.bundleZip())
        .workers(2);
    settings.testPluginJar().ifPresent(builder::additionalPlugin);
    LocalStack stack = builder.build().start();
    LOG.info("Shared local stack for the end-to-end tests started in {}; logs in {}",
        stack.startupTimes().describe(), stack.layout().logsDir());
    return new SharedStack(settings, stack);
  }
}
