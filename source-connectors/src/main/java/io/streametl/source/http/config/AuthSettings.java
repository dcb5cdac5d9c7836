package io.streametl.source.http.config;

import io.streametl.common.config.ConfigProblem;

import io.streametl.common.config.EnumChoices;

import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** The connector settings of the "Authentication" group. Every secret is a PASSWORD. */
final class AuthSettings {

  static final String GROUP = "Authentication";

  static final String TYPE = "auth.type";
  static final String BASIC_USERNAME = "auth.basic.username";
  static final String BASIC_PASSWORD = "auth.basic.password";
  static final String BEARER_TOKEN = "auth.bearer.token";
  static final String API_KEY = "auth.api.key";
  static final String API_KEY_NAME = "auth.api.key.name";
  static final String API_KEY_LOCATION = "auth.api.key.location";
  static final String OAUTH2_TOKEN_URL = "auth.oauth2.token.url";
  static final String OAUTH2_CLIENT_ID = "auth.oauth2.client.id";
  static final String OAUTH2_CLIENT_SECRET = "auth.oauth2.client.secret";
  static final String OAUTH2_SCOPE = "auth.oauth2.scope";
  static final String OAUTH2_CLIENT_AUTH = "auth.oauth2.client.auth.method";
  static final String OAUTH2_REFRESH_MARGIN_MS = "auth.oauth2.refresh.margin.ms";

  private static final String SECRET_NOTE = " A PASSWORD: hidden in the REST API, and best"
      + " given through a config provider, e.g. ${env:API_TOKEN} or ${file:/etc/secrets.properties:token}.";

  private AuthSettings() {}

  static void define(ConfigDef def) {
    int order = 0;
    def.define(TYPE, Type.STRING, EnumChoices.value(AuthType.NONE), EnumChoices.validator(AuthType.class),
        Importance.HIGH, "How every request authenticates: none, basic, bearer, api_key or"
            + " oauth2 (client credentials grant).",
        GROUP, ++order, Width.SHORT, "Auth type");
    def.define(BASIC_USERNAME, Type.STRING, "", Importance.MEDIUM, "basic: the user name.",
        GROUP, ++order, Width.MEDIUM, "User name");
    def.define(BASIC_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
        "basic: the password." + SECRET_NOTE, GROUP, ++order, Width.MEDIUM, "Password");
    def.define(BEARER_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
        "bearer: the token sent as Authorization: Bearer {token}." + SECRET_NOTE,
        GROUP, ++order, Width.MEDIUM, "Bearer token");
    def.define(API_KEY, Type.PASSWORD, null, Importance.MEDIUM,
        "api_key: the key." + SECRET_NOTE, GROUP, ++order, Width.MEDIUM, "API key");
    def.define(API_KEY_NAME, Type.STRING, "X-API-Key", Importance.MEDIUM,
        "api_key: the header or query parameter that carries the key.",
        GROUP, ++order, Width.SHORT, "API key name");
    def.define(API_KEY_LOCATION, Type.STRING, EnumChoices.value(ApiKeyLocation.HEADER),
        EnumChoices.validator(ApiKeyLocation.class), Importance.MEDIUM,
        "api_key: 'header' or 'query'. A key in the query is removed from next-page URLs before"
            + " they are stored in source offsets.",
        GROUP, ++order, Width.SHORT, "API key location");
    def.define(OAUTH2_TOKEN_URL, Type.STRING, "", Validators.optionalAbsoluteUrl(), Importance.MEDIUM,
        "oauth2: the token endpoint.", GROUP, ++order, Width.LONG, "Token URL");
    def.define(OAUTH2_CLIENT_ID, Type.STRING, "", Importance.MEDIUM, "oauth2: the client id.",
        GROUP, ++order, Width.MEDIUM, "Client id");
    def.define(OAUTH2_CLIENT_SECRET, Type.PASSWORD, null, Importance.MEDIUM,
        "oauth2: the client secret." + SECRET_NOTE, GROUP, ++order, Width.MEDIUM, "Client secret");
    def.define(OAUTH2_SCOPE, Type.STRING, "", Importance.LOW,
        "oauth2: the scope to request (space-separated); empty to send none.",
        GROUP, ++order, Width.MEDIUM, "Scope");
    def.define(OAUTH2_CLIENT_AUTH, Type.STRING, EnumChoices.value(OAuth2ClientAuth.BASIC),
        EnumChoices.validator(OAuth2ClientAuth.class), Importance.LOW,
        "oauth2: how the client authenticates to the token endpoint: 'basic' (HTTP Basic,"
            + " client_secret_basic) or 'post' (client_id and client_secret in the form body).",
        GROUP, ++order, Width.SHORT, "Client authentication");
    def.define(OAUTH2_REFRESH_MARGIN_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0),
        Importance.LOW, "oauth2: a cached token is renewed this long before it expires. A 401"
            + " also renews it once before the request is retried.",
        GROUP, ++order, Width.SHORT, "Refresh margin (ms)");
  }

  static AuthConfig parse(AbstractConfig config) {
    return new AuthConfig(
        EnumChoices.parse(AuthType.class, config.getString(TYPE)),
        config.getString(BASIC_USERNAME),
        config.getPassword(BASIC_PASSWORD),
        config.getPassword(BEARER_TOKEN),
        config.getPassword(API_KEY),
        config.getString(API_KEY_NAME),
        EnumChoices.parse(ApiKeyLocation.class, config.getString(API_KEY_LOCATION)),
        config.getString(OAUTH2_TOKEN_URL),
        config.getString(OAUTH2_CLIENT_ID),
        config.getPassword(OAUTH2_CLIENT_SECRET),
        config.getString(OAUTH2_SCOPE),
        EnumChoices.parse(OAuth2ClientAuth.class, config.getString(OAUTH2_CLIENT_AUTH)),
        config.getLong(OAUTH2_REFRESH_MARGIN_MS));
  }

  static void check(AbstractConfig config, List<ConfigProblem> problems) {
    AuthType type = EnumChoices.parse(AuthType.class, config.getString(TYPE));
    switch (type) {
      case BASIC -> require(config, BASIC_USERNAME, "auth.type=basic", problems);
      case BEARER -> requireSecret(config, BEARER_TOKEN, "auth.type=bearer", problems);
      case API_KEY -> {
        requireSecret(config, API_KEY, "auth.type=api_key", problems);
        String name = config.getString(API_KEY_NAME);
        ApiKeyLocation location = EnumChoices.parse(ApiKeyLocation.class, config.getString(API_KEY_LOCATION));
        if (name.isBlank() || (location == ApiKeyLocation.HEADER && !Validators.isHeaderName(name))) {
          problems.add(new ConfigProblem(API_KEY_NAME, "'" + name + "' is not a valid "
              + (location == ApiKeyLocation.HEADER ? "header" : "parameter") + " name"));
        }
      }
      case OAUTH2 -> {
        require(config, OAUTH2_TOKEN_URL, "auth.type=oauth2", problems);
        require(config, OAUTH2_CLIENT_ID, "auth.type=oauth2", problems);
        requireSecret(config, OAUTH2_CLIENT_SECRET, "auth.type=oauth2", problems);
      }
      default -> { }
    }
  }

  private static void require(AbstractConfig config, String key, String because,
      List<ConfigProblem> problems) {
    if (config.getString(key).isBlank()) {
      problems.add(new ConfigProblem(key, "is required with " + because));
    }
  }

  private static void requireSecret(AbstractConfig config, String key, String because,
      List<ConfigProblem> problems) {
    Password secret = config.getPassword(key);
    if (secret == null || secret.value().isEmpty()) {
      problems.add(new ConfigProblem(key, "is required with " + because));
    }
  }
}
