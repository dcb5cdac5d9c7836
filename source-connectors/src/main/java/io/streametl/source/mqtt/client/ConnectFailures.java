package io.streametl.source.mqtt.client;

import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import io.streametl.common.config.ConfigProblem;
import io.streametl.source.mqtt.config.MqttSourceConfig;
import io.streametl.source.mqtt.config.ServerUri;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Tells connect failures that retrying cannot fix (credentials refused, TLS handshake or
 * certificate problems) from passing ones (broker down, busy, restarting), and says which setting
 * to change. Messages name settings, never their values, so no password ends up in a log or a
 * validation result.
 */
public final class ConnectFailures {

  private ConnectFailures() {}

  /**
   * The setting to fix and what is wrong, if {@code error} will not go away by retrying.
   *
   * @param uri the broker address (its host appears in hostname verification failures)
   */
  public static Optional<ConfigProblem> permanent(Throwable error, ServerUri uri) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof Mqtt5ConnAckException e) {
        return connAck(e.getMqttMessage().getReasonCode().name(),
            e.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD
                || e.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED
                || e.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.BAD_AUTHENTICATION_METHOD,
            e.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID
                || e.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.BANNED);
      }
      if (t instanceof Mqtt3ConnAckException e) {
        Mqtt3ConnAckReturnCode code = e.getMqttMessage().getReturnCode();
        return connAck(code.name(), code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD
                || code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED,
            code == Mqtt3ConnAckReturnCode.IDENTIFIER_REJECTED);
      }
      if (t instanceof SSLException) {
        return Optional.of(tls(error, uri));
      }
      if (uri.tls() && t instanceof ConnectionFailedException
          && t.getCause() instanceof ClosedChannelException) {
        // The TCP connection stood, then the broker closed it before the TLS session (and
        // MQTT) was up: it refused the handshake without an alert.
        return Optional.of(new ConfigProblem(MqttSourceConfig.SERVER_URI, "TLS handshake failed:"
            + " the broker closed the connection during the handshake. Check that " + uri
            + " is a TLS listener (not plain MQTT) and whether it requires a client certificate ("
            + MqttSourceConfig.KEYSTORE_LOCATION + ")"));
      }
    }
    return Optional.empty();
  }

  private static Optional<ConfigProblem> connAck(String code, boolean credentials,
      boolean clientId) {
    if (credentials) {
      return Optional.of(new ConfigProblem(MqttSourceConfig.PASSWORD, "the broker refused the"
          + " credentials (" + code + "): check " + MqttSourceConfig.USERNAME + " and "
          + MqttSourceConfig.PASSWORD));
    }
    if (clientId) {
      return Optional.of(new ConfigProblem(MqttSourceConfig.CLIENT_ID, "the broker refused the"
          + " client id (" + code + "): check " + MqttSourceConfig.CLIENT_ID));
    }
    // Server unavailable, busy, quota exceeded and the like: worth retrying.
    return Optional.empty();
  }

  private static ConfigProblem tls(Throwable error, ServerUri uri) {
    String text = chainText(error);
    if (has(error, CertificateException.class) && (text.contains("subject alternative name")
        || text.contains("no name matching") || text.contains("hostname"))) {
      return new ConfigProblem(MqttSourceConfig.SERVER_URI, "TLS hostname verification failed:"
          + " the broker's certificate does not name the host '" + uri.host() + "'. Connect with a"
          + " host name the certificate lists in " + MqttSourceConfig.SERVER_URI + " (or, for tests"
          + " only, set " + MqttSourceConfig.HOSTNAME_VERIFICATION + "=false)"
          + detail(error));
    }
    if (has(error, CertPathBuilderException.class) || has(error, CertPathValidatorException.class)
        || text.contains("pkix path") || text.contains("unable to find valid certification path")) {
      return new ConfigProblem(MqttSourceConfig.TRUSTSTORE_LOCATION, "TLS handshake failed: the"
          + " broker's certificate is not trusted. Put its certificate or its CA in "
          + MqttSourceConfig.TRUSTSTORE_LOCATION + detail(error));
    }
    if (text.contains("certificate_required") || text.contains("bad_certificate")
        || text.contains("unknown_ca") || text.contains("certificate_unknown")
        || text.contains("access_denied")) {
      return new ConfigProblem(MqttSourceConfig.KEYSTORE_LOCATION, "TLS handshake failed: the"
          + " broker refused the client certificate (mutual TLS). Set "
          + MqttSourceConfig.KEYSTORE_LOCATION + " to a keystore with a certificate the broker"
          + " trusts" + detail(error));
    }
    return new ConfigProblem(MqttSourceConfig.SERVER_URI, "TLS handshake failed. Check that "
        + uri + " is a TLS listener and the " + MqttSourceConfig.TRUSTSTORE_LOCATION + " / "
        + MqttSourceConfig.KEYSTORE_LOCATION + " settings" + detail(error));
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String chainText(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(' ').append(t.getMessage());
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  /** The TLS library's own words: certificates and host names, never a password. */
  private static String detail(Throwable error) {
    Throwable deepest = null;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SSLException || t instanceof CertificateException
          || t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
        deepest = t;
      }
    }
    return deepest == null || deepest.getMessage() == null ? ""
        : " (" + deepest.getClass().getSimpleName() + ": " + deepest.getMessage() + ")";
  }
}
