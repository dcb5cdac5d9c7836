package io.streametl.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the ports of the stack before any process starts: explicit ports are checked so a
 * conflict is one clear line instead of a bind stack trace deep in a child's log, and 0 becomes a
 * free port chosen by the operating system.
 */
public final class Ports {

  /** Every process of the stack listens on the loopback interface only. */
  public static final String HOST = "127.0.0.1";

  private Ports() {}

  /** One port to resolve: what it is for and the requested number (0 = any free port). */
  public record Request(PortPurpose purpose, String label, int port) {
    public Request {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("Port for " + label + " must be 0-65535, got " + port);
      }
    }
  }

  /**
   * Returns the resolved port for each request, in order. Explicit ports are validated first (a
   * duplicate or a port in use fails), then the zeros are filled with free ports that differ from
   * the explicit ones.
   */
  public static List<Integer> resolve(List<Request> requests) {
    Map<Integer, Request> explicit = new HashMap<>();
    for (Request request : requests) {
      if (request.port() == 0) {
        continue;
      }
      Request earlier = explicit.putIfAbsent(request.port(), request);
      if (earlier != null) {
        throw new PortInUseException(request.port(), request.purpose(),
            "Port " + request.port() + " is given both for " + earlier.label() + " and for "
                + request.label() + ".");
      }
      requireFree(request);
    }
    List<Integer> resolved = new ArrayList<>(requests.size());
    for (Request request : requests) {
      int port = request.port();
      while (port == 0 || (request.port() == 0 && explicit.containsKey(port))) {
        port = pickFree();
      }
      explicit.putIfAbsent(port, request);
      resolved.add(port);
    }
    return resolved;
  }

  /** Fails with a {@link PortInUseException} if something already listens on the port. */
  public static void requireFree(Request request) {
    if (!isFree(request.port())) {
      throw new PortInUseException(request.port(), request.purpose(),
          "Port " + request.port() + " for " + request.label() + " is already in use.");
    }
  }

  /**
   * Whether a listener could bind the port on the loopback interface now. Linux refuses the bind
   * if another socket listens on the port on this or the wildcard address, which is the conflict
   * the broker or worker would hit.
   */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port that was free a moment ago; the small race with other processes is accepted. */
  public static int pickFree() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free port on " + HOST, e);
    }
  }
}
