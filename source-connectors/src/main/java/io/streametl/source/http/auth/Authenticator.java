package io.streametl.source.http.auth;

import io.streametl.source.http.client.HttpRequestSpec;
import java.net.URI;

/** Adds credentials to requests. Secrets are read from their Password only here. */
public interface Authenticator {

  /**
   * The request with credentials.
   *
   * @throws AuthException when credentials cannot be obtained (a token endpoint failing)
   */
  HttpRequestSpec authenticate(HttpRequestSpec request) throws AuthException, InterruptedException;

  /**
   * Called after a 401: drops cached credentials. True if new ones may succeed, so the request is
   * worth one more try; false if the same credentials would be sent again.
   */
  default boolean renewAfterUnauthorized() {
    return false;
  }

  /** The URI without any credential this authenticator puts in it (before it is stored). */
  default URI strip(URI uri) {
    return uri;
  }

  /** What the credentials are, for messages: never the secret itself. */
  String describe();
}
