package io.streametl.source.mqtt;

import io.streametl.common.Version;
import io.streametl.source.mqtt.client.ConnectFailures;
import io.streametl.source.mqtt.client.InflightWindow;
import io.streametl.source.mqtt.client.MqttConnection;
import io.streametl.source.mqtt.client.ReceivedMessage;
import io.streametl.source.mqtt.client.Subscription;
import io.streametl.source.mqtt.config.BadPayloadPolicy;
import io.streametl.common.config.ConfigProblem;
import io.streametl.source.mqtt.config.MqttSourceConfig;
import io.streametl.source.mqtt.config.MqttVersion;
import io.streametl.source.mqtt.config.RetainedPolicy;
import io.streametl.source.mqtt.config.TopicFilter;
import io.streametl.source.mqtt.mapping.MappingException;
import io.streametl.source.mqtt.mapping.MessageMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the messages of its subscriptions and hands them to Connect as records. A message is
 * acknowledged to the broker only in {@link #commitRecord}, once Kafka has its record (after the
 * transaction commits with exactly-once source support), so a crash loses nothing: the broker
 * keeps the unacknowledged messages in the task's persistent session and delivers them again to
 * the next task with the same client id. Duplicates after a crash are possible (at least once).
 */
public final class MqttSourceTask extends SourceTask {

  private static final Logger log = LoggerFactory.getLogger(MqttSourceTask.class);
  private static final long SUMMARY_INTERVAL_MS = 60_000;

  private MqttSourceConfig config;
  private InflightWindow<DecodedMessage> window;
  private MessageMapper mapper;
  private ErrorRecords errorRecords;
  private MqttConnection connection;
  private MqttSourceCounters counters;
  private final PendingAcks pending = new PendingAcks();
  private DeliveryStamp deliveries;
  private SharedSubscriptionRefresher refresher;
  private boolean skipRetained;
  private volatile boolean stopping;
  private long nextSummaryMs;

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new MqttSourceConfig(props);
    TaskAssignment assignment = TaskAssignment.fromTaskConfig(props);
    String clientId = config.clientIdPrefix() + "-" + assignment.taskIndex();
    List<TopicFilter> filters = config.topicFilters();
    List<Integer> qos = config.qosPerFilter();
    List<Subscription> subscriptions = new ArrayList<>();
    for (int index : assignment.filterIndexes()) {
      subscriptions.add(new Subscription(filters.get(index).subscription(config.sharedGroup()),
          qos.get(index)));
    }
    deliveries = new DeliveryStamp(clientId);
    window = new InflightWindow<>(config.maxInflight());
    counters = new MqttSourceCounters(window::inflight);
    MqttSourceMetrics.register(context, counters);
    mapper = new MessageMapper(config);
    errorRecords = config.badPayloadPolicy() == BadPayloadPolicy.ERROR_TOPIC
        ? new ErrorRecords(config.badPayloadTopic()) : null;
    // An MQTT 5 broker is asked not to send retained messages; 3.1.1 cannot ask.
    skipRetained = config.retainedPolicy() == RetainedPolicy.SKIP;
    connection = MqttConnection.create(config, clientId, subscriptions, this::onMessage);
    nextSummaryMs = System.currentTimeMillis() + SUMMARY_INTERVAL_MS;
    refresher = new SharedSubscriptionRefresher(
        config.sharedGroup().isEmpty() ? 0 : config.sharedResubscribeQuietMs(),
        System.currentTimeMillis());
    try {
      connection.connect().get(config.connectTimeoutMs() + 1_000L, TimeUnit.MILLISECONDS);
      // Returning only once subscribed makes "started" mean "receiving" (tests and operators).
      connection.subscribed().get(config.connectTimeoutMs(), TimeUnit.MILLISECONDS);
      log.info("MQTT source task {} connected to {} as {} (MQTT {})", assignment.taskIndex(),
          config.serverUri(), clientId, config.version().text());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connection.close();
      throw new ConnectException("Interrupted while connecting to " + config.serverUri());
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      Optional<ConfigProblem> permanent = ConnectFailures.permanent(cause, config.serverUri());
      if (permanent.isPresent()) {
        connection.close();
        throw new ConnectException("MQTT client " + clientId + " cannot connect to "
            + config.serverUri() + ": " + permanent.get().key() + ": "
            + permanent.get().message());
      }
      // Automatic reconnect keeps trying with backoff; subscriptions follow the connection.
      log.warn("MQTT client {} cannot reach {} yet ({}); retrying in the background",
          clientId, config.serverUri(), MqttConnection.describe(cause));
    }
  }

  /** On the connection's network thread: may block while the in-flight window is full. */
  private void onMessage(ReceivedMessage message) {
    counters.received.incrementAndGet();
    if (skipRetained && message.retained()) {
      // Dropped on purpose, so acknowledged: the broker must not send it again.
      message.acknowledge();
      if (counters.retainedSkipped.incrementAndGet() == 1 || config.version() == MqttVersion.V5) {
        log.info("MQTT source skips retained messages (retained.messages=skip); first on {}",
            message.topic());
      }
      return;
    }
    window.offer(decode(message), () -> {
      if (counters.backpressureWaits.incrementAndGet() == 1) {
        log.info("MQTT client {} holds {} messages Kafka has not acknowledged"
            + " (mqtt.max.inflight); it stops reading until Kafka catches up",
            connection.clientId(), config.maxInflight());
      }
    });
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (stopping) {
      return null;
    }
    connection.fatalProblem().ifPresent(problem -> {
      throw new ConnectException("MQTT client " + connection.clientId() + ": " + problem);
    });
    List<DecodedMessage> messages = window.take(config.maxBatchSize(), config.pollTimeoutMs());
    long now = System.currentTimeMillis();
    logSummaryWhenDue(now);
    resubscribeSharedWhenQuiet(now);
    if (messages.isEmpty()) {
      return null;
    }
    long oldest = Long.MAX_VALUE;
    for (DecodedMessage decoded : messages) {
      oldest = Math.min(oldest, decoded.message().receivedNanos());
    }
    counters.pollLatencyMs.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - oldest));
    List<SourceRecord> records = new ArrayList<>(messages.size());
    for (DecodedMessage decoded : messages) {
      ReceivedMessage message = decoded.message();
      SourceRecord record = decoded.record();
      if (record == null) {
        if (!(decoded.problem() instanceof MappingException e)) {
          throw new ConnectException("MQTT message on '" + message.topic() + "' could not be"
              + " mapped", decoded.problem());
        }
        counters.badPayloads.incrementAndGet();
        if (errorRecords == null) {
          // Unacknowledged, so not lost: the broker delivers it again after a restart.
          throw new ConnectException("MQTT message on '" + message.topic() + "' cannot become a"
              + " record: " + e.getMessage() + ". Set bad.payload.policy=error_topic to route such"
              + " messages to an error topic instead.");
        }
        log.debug("Bad MQTT payload on {}: {}", message.topic(), e.getMessage());
        record = errorRecords.build(message, e.getMessage());
      }
      record = deliveries.stamp(record);
      pending.put(record, message);
      records.add(record);
    }
    return records;
  }

  /**
   * Maps the message on the connection's delivery thread, so that JSON parsing and the topic-level
   * mapping overlap with the task thread's conversion and producing instead of adding to it. The
   * mapper is used by this one thread only (its inferred schemas are not shared).
   */
  private DecodedMessage decode(ReceivedMessage message) {
    try {
      return new DecodedMessage(message, mapper.map(message), null);
    } catch (MappingException | RuntimeException e) {
      return new DecodedMessage(message, null, e);
    }
  }

  /**
   * Kafka has the record (or a transform dropped it: metadata null): acknowledge its message and
   * free its place in the window.
   */
  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata) {
    ReceivedMessage message = pending.remove(record);
    if (message == null) {
      return;
    }
    message.acknowledge();
    counters.acknowledged.incrementAndGet();
    window.release();
  }

  private void resubscribeSharedWhenQuiet(long now) {
    if (refresher.due(now, counters.received(), window.inflight())
        && connection.resubscribeShared()) {
      String note = "MQTT client {} received nothing for {} ms on its shared subscriptions;"
          + " subscribing again, so a broker that stopped serving it resumes"
          + " (mqtt.shared.resubscribe.quiet.ms)";
      if (counters.sharedResubscribes.incrementAndGet() == 1) {
        log.info(note, connection.clientId(), config.sharedResubscribeQuietMs());
      } else {
        log.debug(note, connection.clientId(), config.sharedResubscribeQuietMs());
      }
    }
  }

  private void logSummaryWhenDue(long now) {
    if (now >= nextSummaryMs) {
      nextSummaryMs = now + SUMMARY_INTERVAL_MS;
      log.info("MQTT client {}: {}", connection.clientId(), counters.summary());
    }
  }

  /** The task's counters (for tests; operators read them as metrics). */
  public MqttSourceCounters counters() {
    return counters;
  }

  /**
   * Disconnects without acknowledging what Kafka does not have: those messages stay in the
   * broker's session for the next task with this client id.
   */
  @Override
  public void stop() {
    stopping = true;
    if (window != null) {
      window.close();
    }
    if (connection != null) {
      connection.close();
      log.info("MQTT client {} stopped: {}", connection.clientId(), counters.summary());
    }
    pending.clear();
  }
}
