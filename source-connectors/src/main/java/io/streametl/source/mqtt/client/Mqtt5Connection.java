package io.streametl.source.mqtt.client;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.streametl.source.mqtt.config.MqttSourceConfig;
import io.streametl.source.mqtt.config.MqttTlsConfig;
import io.streametl.source.mqtt.config.RetainedPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** An MQTT 5 connection: receive maximum as the in-flight bound, retain handling, user properties. */
final class Mqtt5Connection extends MqttConnection {

  private final Mqtt5AsyncClient client;

  Mqtt5Connection(MqttSourceConfig config, String clientId, List<Subscription> subscriptions,
      Consumer<ReceivedMessage> sink) {
    this(config, clientId, subscriptions, sink, true);
  }

  /** @param reconnect false for a one-off probe */
  Mqtt5Connection(MqttSourceConfig config, String clientId, List<Subscription> subscriptions,
      Consumer<ReceivedMessage> sink, boolean reconnect) {
    super(config, clientId, subscriptions, sink);
    this.client = clientBuilder(reconnect).useMqttVersion5().build().toAsync();
    // Registered before connecting, so messages the broker kept in the session are not missed.
    reopenPublishFlow();
  }

  @Override
  protected void reopenPublishFlow() {
    openPublishFlow(client.toRx().publishes(MqttGlobalPublishFilter.ALL, true),
        publish -> deliver((Mqtt5Publish) publish));
  }

  private void deliver(Mqtt5Publish publish) {
    List<Map.Entry<String, String>> properties = new ArrayList<>();
    publish.getUserProperties().asList().forEach(p ->
        properties.add(Map.entry(p.getName().toString(), p.getValue().toString())));
    String contentType = publish.getContentType().map(Object::toString).orElse(null);
    sink.accept(new ReceivedMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
        publish.getQos().getCode(), publish.isRetain(), properties, contentType,
        publish::acknowledge));
  }

  @Override
  public CompletableFuture<Void> connect() {
    Mqtt5ConnectBuilder.Send<CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck>> connect =
        client.connectWith()
            .cleanStart(config.cleanStart())
            .sessionExpiryInterval(config.sessionExpirySeconds())
            .keepAlive(config.keepAliveSeconds())
            .restrictions().receiveMaximum(config.maxInflight()).applyRestrictions();
    String username = config.username();
    String password = MqttTlsConfig.reveal(config.password());
    if (!username.isEmpty() || config.password() != null) {
      byte[] secret = password.getBytes(StandardCharsets.UTF_8);
      Mqtt5SimpleAuth auth = username.isEmpty()
          ? Mqtt5SimpleAuth.builder().password(secret).build()
          : config.password() == null ? Mqtt5SimpleAuth.builder().username(username).build()
          : Mqtt5SimpleAuth.builder().username(username).password(secret).build();
      connect = connect.simpleAuth(auth);
    }
    return connect.send().thenApply(connAck -> null);
  }

  @Override
  protected boolean sessionPresent(MqttClientConnectedContext context) {
    return ((Mqtt5ClientConnectedContext) context).getConnAck().isSessionPresent();
  }

  @Override
  protected CompletableFuture<Optional<String>> subscribe(List<Subscription> requested) {
    boolean skipRetained = config.retainedPolicy() == RetainedPolicy.SKIP;
    List<Mqtt5Subscription> entries = new ArrayList<>();
    for (Subscription s : requested) {
      entries.add(Mqtt5Subscription.builder()
          .topicFilter(s.filter())
          .qos(MqttQos.fromCode(s.qos()))
          .retainHandling(skipRetained ? Mqtt5RetainHandling.DO_NOT_SEND : Mqtt5RetainHandling.SEND)
          .build());
    }
    return client.subscribe(Mqtt5Subscribe.builder().addSubscriptions(entries).build())
        .thenApply(subAck -> {
          List<String> refused = new ArrayList<>();
          List<Mqtt5SubAckReasonCode> codes = subAck.getReasonCodes();
          for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).isError()) {
              refused.add(requested.get(i).filter() + " (" + codes.get(i) + ")");
            }
          }
          return refused.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", refused));
        });
  }

  @Override
  protected boolean connected() {
    return client.getState().isConnected();
  }

  @Override
  protected CompletableFuture<Void> disconnect() {
    return client.disconnect();
  }
}
