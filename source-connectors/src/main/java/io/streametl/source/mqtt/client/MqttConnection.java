package io.streametl.source.mqtt.client;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import io.reactivex.Flowable;
import io.reactivex.Scheduler;
import io.reactivex.schedulers.Schedulers;
import io.streametl.common.config.ConfigProblem;
import io.streametl.source.mqtt.config.MqttSourceConfig;
import io.streametl.source.mqtt.config.MqttTlsConfig;
import io.streametl.source.mqtt.config.ServerUri;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's connection to the broker with the HiveMQ client (MQTT 5 or 3.1.1): a persistent
 * session under a stable client id, automatic reconnect with exponential backoff, subscriptions
 * made whenever the broker has no session for the client (first connect, or the session expired),
 * and every incoming message handed to a sink with manual acknowledgement.
 *
 * <p>Each connection has its own network and delivery threads. The sink runs on the delivery
 * thread and may block there (see {@link InflightWindow}); that holds up only this connection,
 * never another task's in the same worker.
 */
public abstract class MqttConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

  protected final MqttSourceConfig config;
  protected final String clientId;
  protected final List<Subscription> subscriptions;
  /** The shared ones among {@link #subscriptions}: what {@link #resubscribeShared} renews. */
  private final List<Subscription> sharedSubscriptions;
  protected final Consumer<ReceivedMessage> sink;
  private final ExecutorService networkThread;
  private final ExecutorService deliveryThread;
  private final AtomicBoolean subscribedOnce = new AtomicBoolean();
  private final AtomicBoolean connectedOnce = new AtomicBoolean();
  /** Set (on the network thread) when the client ended the flow of incoming messages. */
  private final AtomicBoolean publishFlowEnded = new AtomicBoolean();
  protected final Scheduler deliveryScheduler;
  private final CompletableFuture<Void> firstSubscription = new CompletableFuture<>();
  private final AtomicReference<String> fatal = new AtomicReference<>();
  private volatile boolean closing;

  protected MqttConnection(MqttSourceConfig config, String clientId,
      List<Subscription> subscriptions, Consumer<ReceivedMessage> sink) {
    this.config = config;
    this.clientId = clientId;
    this.subscriptions = List.copyOf(subscriptions);
    this.sharedSubscriptions = this.subscriptions.stream().filter(Subscription::shared).toList();
    this.sink = sink;
    this.networkThread = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mqtt-" + clientId);
      thread.setDaemon(true);
      return thread;
    });
    this.deliveryThread = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mqtt-" + clientId + "-delivery");
      thread.setDaemon(true);
      return thread;
    });
    this.deliveryScheduler = Schedulers.from(deliveryThread);
  }

  /**
   * Hands every incoming message to {@code deliver} on the delivery thread, with manual
   * acknowledgement. The client ends this flow when its session ends (the broker answered
   * "session present: false" after a reconnect), and the messages of the new subscriptions would
   * then find no flow and never be delivered: a new flow is opened as soon as the old one ends,
   * whether that happens before or after the connected listener runs (the client does not order
   * the two).
   */
  protected void openPublishFlow(Flowable<? extends Object> publishes,
      Consumer<Object> deliver) {
    publishes
        .doOnError(error -> publishFlowEnded())
        .doOnComplete(this::publishFlowEnded)
        // Ending is expected (session end, close): nothing to report on the delivery thread.
        .onErrorResumeNext(Flowable.empty())
        .observeOn(deliveryScheduler, true)
        .subscribe(deliver::accept);
  }

  private void publishFlowEnded() {
    publishFlowEnded.set(true);
    if (!closing) {
      // Off the client's thread: it is still ending the session's flows.
      CompletableFuture.runAsync(this::reopenPublishFlowIfEnded);
    }
  }

  private void reopenPublishFlowIfEnded() {
    if (!closing && publishFlowEnded.compareAndSet(true, false)) {
      log.info("MQTT client {}: the broker had no session; receiving on a new message flow",
          clientId);
      reopenPublishFlow();
    }
  }

  /** Opens the flow of incoming messages again (see {@link #openPublishFlow}). */
  protected abstract void reopenPublishFlow();

  /** A connection of the configured MQTT version; call {@link #connect} to start it. */
  public static MqttConnection create(MqttSourceConfig config, String clientId,
      List<Subscription> subscriptions, Consumer<ReceivedMessage> sink) {
    switch (config.version()) {
      case V3_1_1:
        return new Mqtt3Connection(config, clientId, subscriptions, sink);
      default:
        return new Mqtt5Connection(config, clientId, subscriptions, sink);
    }
  }

  /** The builder every version shares: address, TLS, timeouts, thread, reconnect, listeners. */
  protected MqttClientBuilder clientBuilder(boolean reconnect) {
    ServerUri uri = config.serverUri();
    // TLS goes inside the transport config: in hivemq-mqtt-client 1.4, builder.sslConfig() after
    // transportConfig().applyTransportConfig() is silently ignored, and the client would speak
    // plain MQTT to an ssl:// address.
    MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
        .serverHost(uri.host())
        .serverPort(uri.port())
        .socketConnectTimeout(config.connectTimeoutMs(), TimeUnit.MILLISECONDS)
        .mqttConnectTimeout(config.connectTimeoutMs(), TimeUnit.MILLISECONDS);
    if (uri.tls()) {
      transport = transport.sslConfig(sslConfig(config.tls()));
    }
    MqttClientBuilder builder = MqttClient.builder()
        .identifier(clientId)
        .transportConfig(transport.build())
        .executorConfig()
        .nettyExecutor(networkThread)
        .nettyThreads(1)
        // The client runs callbacks on its application scheduler, by default a pool shared by
        // every client in the JVM: a task blocked at its in-flight bound would stall the others.
        .applicationScheduler(deliveryScheduler)
        .applyExecutorConfig();
    if (reconnect) {
      builder = builder.automaticReconnect()
          .initialDelay(config.reconnectBackoffInitialMs(), TimeUnit.MILLISECONDS)
          .maxDelay(config.reconnectBackoffMaxMs(), TimeUnit.MILLISECONDS)
          .applyAutomaticReconnect()
          .addConnectedListener(this::onConnected)
          .addDisconnectedListener(this::onDisconnected);
    }
    return builder;
  }

  private static MqttClientSslConfig sslConfig(MqttTlsConfig tls) {
    TrustManagerFactory trust = TlsFactories.trust(tls);
    KeyManagerFactory keys = TlsFactories.keys(tls);
    MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder();
    if (trust != null) {
      ssl = ssl.trustManagerFactory(trust);
    }
    if (keys != null) {
      ssl = ssl.keyManagerFactory(keys);
    }
    if (!tls.hostnameVerification()) {
      // Without a verifier the client checks the host name against the certificate (HTTPS rules).
      ssl = ssl.hostnameVerifier((host, session) -> true);
    }
    return ssl.build();
  }

  private void onConnected(MqttClientConnectedContext context) {
    if (closing) {
      // A reconnect that was already under way when close() ran: leave at once, without
      // subscribing, so the session stays with whoever owns it now (the task's successor).
      log.info("MQTT client {} reconnected after it was closed; disconnecting", clientId);
      disconnect();
      return;
    }
    connectedOnce.set(true);
    boolean sessionPresent = sessionPresent(context);
    reopenPublishFlowIfEnded();
    if (!sessionPresent || !subscribedOnce.get()) {
      log.info("MQTT client {} connected to {} (session present: {}); subscribing to {}",
          clientId, config.serverUri(), sessionPresent, subscriptions);
      subscribe(subscriptions).whenComplete((problem, error) -> {
        if (error != null) {
          log.warn("MQTT client {} could not subscribe (retried on the next connect): {}",
              clientId, error.toString());
        } else if (problem.isPresent()) {
          log.error("MQTT client {}: the broker refused subscriptions: {}", clientId, problem.get());
          fatal.compareAndSet(null, "the broker refused subscriptions: " + problem.get());
        } else {
          subscribedOnce.set(true);
          firstSubscription.complete(null);
        }
      });
    } else {
      log.info("MQTT client {} reconnected to {}; the broker kept its session and subscriptions",
          clientId, config.serverUri());
    }
  }

  private void onDisconnected(MqttClientDisconnectedContext context) {
    // This class subscribes itself when the session is gone (onConnected), so the client's own
    // resubscription would send every SUBSCRIBE twice.
    context.getReconnector().resubscribeIfSessionExpired(false);
    if (closing) {
      context.getReconnector().reconnect(false);
      return;
    }
    if (context.getReconnector().isReconnect()) {
      holdReconnectUntilBackoffEnds(context.getReconnector());
    }
    Optional<ConfigProblem> permanent =
        ConnectFailures.permanent(context.getCause(), config.serverUri());
    if (permanent.isPresent() && !connectedOnce.get()) {
      // Never connected and retrying cannot help (credentials, certificates): stop, so that the
      // connect future fails with the cause and start() reports it instead of waiting.
      context.getReconnector().reconnect(false);
      String problem = permanent.get().key() + ": " + permanent.get().message();
      fatal.compareAndSet(null, "cannot connect to " + config.serverUri() + ": " + problem);
      log.error("MQTT client {} cannot connect to {} and stops trying: {}", clientId,
          config.serverUri(), problem);
      return;
    }
    if (permanent.isPresent()) {
      log.error("MQTT client {} lost its connection to {}: {}: {}; reconnecting in {} ms",
          clientId, config.serverUri(), permanent.get().key(), permanent.get().message(),
          context.getReconnector().getDelay(TimeUnit.MILLISECONDS));
    } else {
      log.warn("MQTT client {} lost its connection to {} ({}); reconnecting in {} ms",
          clientId, config.serverUri(), context.getCause().toString(),
          context.getReconnector().getDelay(TimeUnit.MILLISECONDS));
    }
  }

  /**
   * The client schedules its reconnect when the connection drops and goes ahead with it after the
   * backoff, even if {@link #close()} ran in between: its disconnect fails on a client that is not
   * connected. The stopped task's client would then come back under the task's client id, take
   * the session from the task's successor (which takes it back, and so on), and acknowledge the
   * messages it got with no task left to deliver them. So the reconnect also waits for the end of
   * the backoff, and is called off there if the connection was closed meanwhile. (The reconnector
   * may only be changed on the client's event loop, where the callback runs.)
   */
  private void holdReconnectUntilBackoffEnds(MqttClientReconnector reconnector) {
    long backoffMs = reconnector.getDelay(TimeUnit.MILLISECONDS);
    CompletableFuture<Void> backoffEnded = new CompletableFuture<Void>()
        .completeOnTimeout(null, backoffMs, TimeUnit.MILLISECONDS);
    reconnector.reconnectWhen(backoffEnded, (ignored, error) -> {
      if (closing) {
        reconnector.reconnect(false);
      }
    });
  }

  protected abstract boolean sessionPresent(MqttClientConnectedContext context);

  /** Subscribes to these filters; completes with the refused ones, if any. */
  protected abstract CompletableFuture<Optional<String>> subscribe(List<Subscription> requested);

  /** Whether the client is connected now. */
  protected abstract boolean connected();

  /**
   * Sends the SUBSCRIBE of the shared subscriptions again, while connected and once subscribed
   * (see {@code SharedSubscriptionRefresher} for why). A failure or a refusal is logged, not
   * fatal: the task received through these subscriptions before, and the next quiet spell tries
   * again.
   *
   * @return whether a SUBSCRIBE was sent
   */
  public boolean resubscribeShared() {
    if (sharedSubscriptions.isEmpty() || closing || !subscribedOnce.get() || !connected()) {
      return false;
    }
    subscribe(sharedSubscriptions).whenComplete((problem, error) -> {
      if (error != null) {
        log.warn("MQTT client {} could not subscribe again to {}: {}", clientId,
            sharedSubscriptions, error.toString());
      } else if (problem.isPresent()) {
        log.warn("MQTT client {}: the broker refused subscribing again to {}", clientId,
            problem.get());
      }
    });
    return true;
  }

  /** Starts the connection; completes when the broker accepted it. */
  public abstract CompletableFuture<Void> connect();

  protected abstract CompletableFuture<Void> disconnect();

  /** Completes once the broker accepted this connection's subscriptions the first time. */
  public CompletableFuture<Void> subscribed() {
    return firstSubscription;
  }

  /** Why the task cannot go on (subscriptions refused), or empty. */
  public Optional<String> fatalProblem() {
    return Optional.ofNullable(fatal.get());
  }

  public String clientId() {
    return clientId;
  }

  /** The most telling message in a failure's cause chain (no secrets: no config values). */
  public static String describe(Throwable error) {
    Throwable deepest = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof Mqtt5ConnAckException || t instanceof Mqtt3ConnAckException
          || t instanceof SSLException) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
      deepest = t;
    }
    return deepest.getClass().getSimpleName()
        + (deepest.getMessage() == null ? "" : ": " + deepest.getMessage());
  }

  /**
   * Disconnects without acknowledging anything more: what Kafka does not have stays in the
   * broker's session and is delivered again to the next task with this client id.
   */
  @Override
  public void close() {
    closing = true;
    try {
      disconnect().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.debug("MQTT client {} did not disconnect cleanly: {}", clientId, e.toString());
    } finally {
      networkThread.shutdown();
      deliveryThread.shutdown();
    }
  }
}
