package io.streametl.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void portInUseIsOneLineNamingThePortAndWhatItWasFor() throws IOException {
    try (ServerSocket taken = listeningSocket()) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> Ports.resolve(List.of(
          new Ports.Request(PortPurpose.KAFKA_BROKER, "the Kafka broker", port))))
          .isInstanceOfSatisfying(PortInUseException.class, e -> {
            assertThat(e.port()).isEqualTo(port);
            assertThat(e.purpose()).isEqualTo(PortPurpose.KAFKA_BROKER);
          })
          .hasMessage("Port " + port + " for the Kafka broker is already in use.");
    }
  }

  @Test
  void samePortTwiceIsRejectedBeforeAnythingStarts() {
    int port = Ports.pickFree();

    assertThatThrownBy(() -> Ports.resolve(List.of(
        new Ports.Request(PortPurpose.CONNECT_REST, "worker 0", port),
        new Ports.Request(PortPurpose.CONNECT_REST, "worker 1", port))))
        .isInstanceOf(PortInUseException.class)
        .hasMessage("Port " + port + " is given both for worker 0 and for worker 1.");
  }

  @Test
  void zeroBecomesDistinctFreePortsThatAvoidTheExplicitOnes() {
    int explicit = Ports.pickFree();

    List<Integer> resolved = Ports.resolve(List.of(
        new Ports.Request(PortPurpose.KAFKA_BROKER, "broker", 0),
        new Ports.Request(PortPurpose.KAFKA_CONTROLLER, "controller", explicit),
        new Ports.Request(PortPurpose.CONNECT_REST, "worker 0", 0),
        new Ports.Request(PortPurpose.CONNECT_REST, "worker 1", 0)));

    assertThat(resolved).hasSize(4).doesNotHaveDuplicates().element(1).isEqualTo(explicit);
    assertThat(resolved).allMatch(port -> port > 0);
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertThatThrownBy(() -> new Ports.Request(PortPurpose.CONNECT_REST, "worker 0", 70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0-65535");
  }

  private static ServerSocket listeningSocket() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(Ports.HOST), 0));
    return socket;
  }
}
