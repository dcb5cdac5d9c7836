package io.streametl.source.http;

import io.streametl.common.metrics.PluginMetricsSupport;
import io.streametl.common.Version;
import io.streametl.source.http.auth.Authenticator;
import io.streametl.source.http.auth.Authenticators;
import io.streametl.source.http.client.JdkTransport;
import io.streametl.source.http.client.RateLimiter;
import io.streametl.source.http.client.RetryPolicy;
import io.streametl.source.http.client.Sleeper;
import io.streametl.source.http.client.Transport;
import io.streametl.source.http.client.WakeableSleeper;
import io.streametl.source.http.config.ClientConfig;
import io.streametl.source.http.config.EndpointConfig;
import io.streametl.source.http.config.HttpSourceConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the endpoints assigned to it. Each poll fetches from every endpoint that is due (its
 * sync interval passed, its chain not finished, or its retry backoff over), a few pages each, and
 * returns their records; when none is due it waits at most {@value #MAX_IDLE_WAIT_MS} ms so the
 * worker can commit and stop promptly. One endpoint waiting for a retry does not hold up the others.
 */
public final class HttpSourceTask extends SourceTask {

  /** The longest a poll blocks when no endpoint is due. */
  static final long MAX_IDLE_WAIT_MS = 1000;

  private static final Logger log = LoggerFactory.getLogger(HttpSourceTask.class);

  private final Clock clock;
  private final Sleeper sleeper;
  private final TransportFactory transports;
  private volatile boolean stopping;
  private Transport transport;
  private List<EndpointRunner> runners = List.of();

  public HttpSourceTask() {
    this(Clock.systemUTC(), new WakeableSleeper(), JdkTransport::new);
  }

  HttpSourceTask(Clock clock, Sleeper sleeper, TransportFactory transports) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.transports = transports;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
    HttpSourceConfig config = new HttpSourceConfig(props);
    TaskAssignment assignment = TaskAssignment.fromTaskConfig(props);
    ClientConfig client = config.client();
    transport = transports.create(client, config.tls(),
        "streametl-http-" + config.connectorName() + "-" + assignment.taskIndex());
    RateLimiter rateLimiter = new RateLimiter(
        client.rateLimitPerSecond() / Math.max(1, assignment.taskCount()), clock, sleeper);
    Authenticator auth = Authenticators.create(config.auth(), transport, clock, rateLimiter);
    RequestExecutor executor = new RequestExecutor(transport, auth, rateLimiter,
        new RetryPolicy(client, new SecureRandom()), clock);
    EndpointRunner.Collaborators shared = new EndpointRunner.Collaborators(executor, auth,
        config.badResponses(), client.maxRetries(), client.responseMaxBytes(), clock,
        PluginMetricsSupport.orNull(() -> context.pluginMetrics(), "the HTTP source"),
        config.connectorName() + "." + assignment.taskIndex());

    List<EndpointConfig> endpoints = config.endpoints().stream()
        .filter(e -> assignment.endpoints().contains(e.name())).toList();
    List<Map<String, Object>> partitions = endpoints.stream()
        .map(e -> new EndpointPartition(e.name()).toMap()).collect(Collectors.toList());
    Map<Map<String, Object>, Map<String, Object>> stored =
        context.offsetStorageReader().offsets(partitions);
    List<EndpointRunner> created = new ArrayList<>();
    for (EndpointConfig endpoint : endpoints) {
      Map<String, Object> offset = stored == null ? null
          : stored.get(new EndpointPartition(endpoint.name()).toMap());
      created.add(new EndpointRunner(endpoint, config.connectorName(), offset, shared));
    }
    runners = List.copyOf(created);
    log.info("HTTP source task {} of {} reads endpoints {}", assignment.taskIndex() + 1,
        assignment.taskCount(), assignment.endpoints());
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (stopping || runners.isEmpty()) {
      if (!stopping) {
        sleeper.sleep(MAX_IDLE_WAIT_MS);
      }
      return null;
    }
    long now = clock.millis();
    long due = runners.stream().mapToLong(EndpointRunner::dueAtMs).min().orElse(Long.MAX_VALUE);
    if (due > now) {
      sleeper.sleep(Math.min(due - now, MAX_IDLE_WAIT_MS));
      now = clock.millis();
      if (stopping || due > now) {
        return null;
      }
    }
    List<SourceRecord> records = new ArrayList<>();
    List<EndpointRunner> dueRunners = new ArrayList<>();
    for (EndpointRunner runner : runners) {
      if (runner.dueAtMs() <= now) {
        dueRunners.add(runner);
      }
    }
    dueRunners.sort(Comparator.comparingLong(EndpointRunner::dueAtMs));
    try {
      for (EndpointRunner runner : dueRunners) {
        runner.run(records, () -> stopping);
      }
    } catch (InterruptedException e) {
      if (stopping) {
        return null; // nothing of this poll is committed: the next task fetches it again
      }
      throw e;
    }
    return stopping ? null : records;
  }

  @Override
  public void stop() {
    stopping = true;
    sleeper.wakeUp();
    if (transport != null) {
      transport.abort();
    }
    runners.forEach(EndpointRunner::close);
  }
}
