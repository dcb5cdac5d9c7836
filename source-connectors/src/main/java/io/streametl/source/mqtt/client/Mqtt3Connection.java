package io.streametl.source.mqtt.client;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import io.streametl.source.mqtt.config.MqttSourceConfig;
import io.streametl.source.mqtt.config.MqttTlsConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An MQTT 3.1.1 connection: cleanSession=false unless mqtt.clean.start (the broker decides how long
 * the session lives), no user properties, no retain handling (the task drops retained messages
 * itself when asked to skip them).
 */
final class Mqtt3Connection extends MqttConnection {

  private final Mqtt3AsyncClient client;

  Mqtt3Connection(MqttSourceConfig config, String clientId, List<Subscription> subscriptions,
      Consumer<ReceivedMessage> sink) {
    this(config, clientId, subscriptions, sink, true);
  }

  Mqtt3Connection(MqttSourceConfig config, String clientId, List<Subscription> subscriptions,
      Consumer<ReceivedMessage> sink, boolean reconnect) {
    super(config, clientId, subscriptions, sink);
    this.client = clientBuilder(reconnect).useMqttVersion3().build().toAsync();
    reopenPublishFlow();
  }

  @Override
  protected void reopenPublishFlow() {
    openPublishFlow(client.toRx().publishes(MqttGlobalPublishFilter.ALL, true),
        publish -> deliver((Mqtt3Publish) publish));
  }

  private void deliver(Mqtt3Publish publish) {
    sink.accept(new ReceivedMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
        publish.getQos().getCode(), publish.isRetain(), List.of(), null, publish::acknowledge));
  }

  @Override
  public CompletableFuture<Void> connect() {
    Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> connect = client.connectWith()
        .cleanSession(config.cleanStart())
        .keepAlive(config.keepAliveSeconds());
    if (!config.username().isEmpty()) {
      Mqtt3SimpleAuth auth = config.password() == null
          ? Mqtt3SimpleAuth.builder().username(config.username()).build()
          : Mqtt3SimpleAuth.builder().username(config.username()).password(
              MqttTlsConfig.reveal(config.password()).getBytes(StandardCharsets.UTF_8)).build();
      connect = connect.simpleAuth(auth);
    }
    return connect.send().thenApply(connAck -> null);
  }

  @Override
  protected boolean sessionPresent(MqttClientConnectedContext context) {
    return ((Mqtt3ClientConnectedContext) context).getConnAck().isSessionPresent();
  }

  @Override
  protected CompletableFuture<Optional<String>> subscribe(List<Subscription> requested) {
    List<Mqtt3Subscription> entries = new ArrayList<>();
    for (Subscription s : requested) {
      entries.add(Mqtt3Subscription.builder().topicFilter(s.filter())
          .qos(MqttQos.fromCode(s.qos())).build());
    }
    return client.subscribe(Mqtt3Subscribe.builder().addSubscriptions(entries).build())
        .thenApply(subAck -> {
          List<String> refused = new ArrayList<>();
          List<Mqtt3SubAckReturnCode> codes = subAck.getReturnCodes();
          for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).isError()) {
              refused.add(requested.get(i).filter());
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
