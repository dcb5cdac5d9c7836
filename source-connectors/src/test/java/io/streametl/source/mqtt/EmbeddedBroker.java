package io.streametl.source.mqtt;

import io.streametl.source.testsupport.TestCertificates;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * A real HiveMQ CE broker in the test JVM on a free port, with file persistence in its own folder,
 * so a stop and a start on the same folder keeps sessions and queued messages (a broker restart).
 * Optionally with a TLS listener (and client certificates required when a truststore is given),
 * and with username/password authentication through an embedded extension (HiveMQ CE alone
 * accepts every client). The extension also records every SUBSCRIBE the broker receives.
 */
final class EmbeddedBroker implements AutoCloseable {

  final Path folder;
  final int port;
  final int tlsPort;
  /** The one username and password the broker accepts, or null when it accepts everyone. */
  final String username;
  final String password;
  private final String tlsListener;
  /** "clientId filter" for each filter of each SUBSCRIBE received, in arrival order. */
  private final Queue<String> subscribes = new ConcurrentLinkedQueue<>();
  private EmbeddedHiveMQ hivemq;

  private EmbeddedBroker(Path folder, int port, int tlsPort, String tlsListener, String username,
      String password) {
    this.folder = folder;
    this.port = port;
    this.tlsPort = tlsPort;
    this.tlsListener = tlsListener;
    this.username = username;
    this.password = password;
  }

  static EmbeddedBroker start(Path folder) throws Exception {
    return start(folder, null, null);
  }

  /**
   * @param keystore the server's PKCS12 keystore for a TLS listener, or null for none
   * @param clientTruststore when not null, client certificates are required and checked with it
   */
  static EmbeddedBroker start(Path folder, Path keystore, Path clientTruststore) throws Exception {
    return start(folder, keystore, clientTruststore, null, null);
  }

  /** A broker that accepts only clients sending this username and password (MQTT CONNECT). */
  static EmbeddedBroker withCredentials(Path folder, String username, String password)
      throws Exception {
    return start(folder, null, null, username, password);
  }

  /** Reserves the ports and writes the config, but does not start the broker yet. */
  static EmbeddedBroker notStarted(Path folder) throws Exception {
    return new EmbeddedBroker(folder, freePort(), -1, "", null, null);
  }

  private static EmbeddedBroker start(Path folder, Path keystore, Path clientTruststore,
      String username, String password) throws Exception {
    int port = freePort();
    int tlsPort = keystore == null ? -1 : freePort();
    String tls = "";
    if (keystore != null) {
      tls = "<tls-tcp-listener><port>" + tlsPort + "</port><bind-address>127.0.0.1</bind-address>"
          + "<tls><keystore><path>" + keystore + "</path><password>" + TestCertificates.PASSWORD
          + "</password><private-key-password>" + TestCertificates.PASSWORD
          + "</private-key-password></keystore>"
          + (clientTruststore == null ? "" : "<truststore><path>" + clientTruststore
              + "</path><password>" + TestCertificates.PASSWORD + "</password></truststore>"
              + "<client-authentication-mode>REQUIRED</client-authentication-mode>")
          + "</tls></tls-tcp-listener>";
    }
    EmbeddedBroker broker = new EmbeddedBroker(folder, port, tlsPort, tls, username, password);
    broker.startAgain();
    return broker;
  }

  /** Every filter subscribed to by this client so far ($share/ included), in order. */
  List<String> subscribesOf(String clientId) {
    String prefix = clientId + " ";
    return subscribes.stream().filter(entry -> entry.startsWith(prefix))
        .map(entry -> entry.substring(prefix.length())).toList();
  }

  String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  String tlsUri(String host) {
    return "ssl://" + host + ":" + tlsPort;
  }

  /** Starts a broker on the same port and folder: sessions and queued messages survive. */
  void startAgain() throws Exception {
    Files.createDirectories(folder.resolve("data"));
    Files.createDirectories(folder.resolve("ext"));
    Files.writeString(folder.resolve("config.xml"), "<hivemq><listeners><tcp-listener><port>"
        + port + "</port><bind-address>127.0.0.1</bind-address></tcp-listener>" + tlsListener
        + "</listeners><persistence><mode>file</mode></persistence>"
        + "<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>"
        + "</hivemq>");
    EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(folder)
        .withDataFolder(folder.resolve("data"))
        .withExtensionsFolder(folder.resolve("ext"));
    builder = builder.withEmbeddedExtension(EmbeddedExtension.builder()
        .withId("test-extension").withName("test extension").withVersion("1")
        .withPriority(1000).withStartPriority(1000).withAuthor("streametl tests")
        .withExtensionMain(new TestExtension(username, password, subscribes))
        .build());
    hivemq = builder.build();
    hivemq.start().join();
  }

  /**
   * Starts the broker on a fresh data folder, as a broker that lost its disk would: every session,
   * subscription and queued message is gone.
   */
  void startWithoutData() throws Exception {
    stop();
    Path data = folder.resolve("data");
    if (Files.exists(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    startAgain();
  }

  void stop() throws Exception {
    if (hivemq != null) {
      hivemq.stop().join();
      hivemq.close();
      hivemq = null;
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Records every SUBSCRIBE, and authenticates the CONNECT packet's username and password against
   * one known pair when a pair is given.
   */
  private static final class TestExtension implements ExtensionMain {

    private final String username;
    private final byte[] password;
    private final Queue<String> subscribes;

    TestExtension(String username, String password, Queue<String> subscribes) {
      this.username = username;
      this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
      this.subscribes = subscribes;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
      Services.initializerRegistry().setClientInitializer((initializerInput, client) ->
          client.addSubscribeInboundInterceptor((subscribeInput, subscribeOutput) -> {
            String clientId = subscribeInput.getClientInformation().getClientId();
            subscribeInput.getSubscribePacket().getSubscriptions()
                .forEach(s -> subscribes.add(clientId + " " + s.getTopicFilter()));
          }));
      if (username == null) {
        return;
      }
      SimpleAuthenticator authenticator = (authInput, authOutput) -> {
        var connect = authInput.getConnectPacket();
        boolean userOk = connect.getUserName().map(username::equals).orElse(false);
        boolean passwordOk = connect.getPassword().map(EmbeddedBroker::bytes)
            .map(given -> java.util.Arrays.equals(given, password)).orElse(false);
        if (userOk && passwordOk) {
          authOutput.authenticateSuccessfully();
        } else {
          authOutput.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
              "wrong username or password");
        }
      };
      Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.asReadOnlyBuffer();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
