package io.streametl.source.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * For the TLS tests of the HTTP and MQTT sources: a server and a client key pair made by the JDK's keytool, each trusted by the other's PKCS12
 * truststore: everything a TLS and mutual-TLS test needs, with no files checked in.
 */
public final class TestCertificates {

  public static final String PASSWORD = "changeit";

  public final Path serverKeystore;
  public final Path serverTruststore;
  public final Path clientKeystore;
  public final Path clientTruststore;

  private TestCertificates(Path dir) {
    serverKeystore = dir.resolve("server.p12");
    serverTruststore = dir.resolve("server-trust.p12");
    clientKeystore = dir.resolve("client.p12");
    clientTruststore = dir.resolve("client-trust.p12");
  }

  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    return create(dir, "SAN=ip:127.0.0.1,dns:localhost");
  }

  /** @param serverSan the server certificate's subject alternative names, as keytool -ext takes */
  public static TestCertificates create(Path dir, String serverSan) throws IOException, InterruptedException {
    java.nio.file.Files.createDirectories(dir);
    TestCertificates certs = new TestCertificates(dir);
    keyPair(certs.serverKeystore, "server", "CN=broker", serverSan);
    keyPair(certs.clientKeystore, "client", "CN=streametl-client", null);
    trust(certs.serverKeystore, "server", dir.resolve("server.crt"), certs.clientTruststore);
    trust(certs.clientKeystore, "client", dir.resolve("client.crt"), certs.serverTruststore);
    return certs;
  }

  /** The server's SSLContext: its key pair, and trust in the client's certificate. */
  public SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(serverKeystore), PASSWORD.toCharArray());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(serverTruststore));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return store;
    }
  }

  private static void keyPair(Path keystore, String alias, String dname, String san)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", dname, "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
    if (san != null) {
      args.add("-ext");
      args.add(san);
    }
    keytool(args);
  }

  private static void trust(Path keystore, String alias, Path certificate, Path truststore)
      throws IOException, InterruptedException {
    keytool(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(),
        "-storepass", PASSWORD, "-file", certificate.toString()));
    keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD));
  }

  private static void keytool(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool " + args.get(0) + " failed: " + output);
    }
  }
}
