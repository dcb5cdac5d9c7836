package io.streametl.sink.bigquery;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryReadClient;
import com.google.cloud.bigquery.storage.v1.BigQueryReadSettings;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Builds Google's official clients from the connection settings: the REST client (datasets,
 * tables, ledger reads) and the Storage Write API client. Credentials come from a key file, an
 * inline key, or application default credentials; plaintext endpoints (emulators, fakes) use none.
 * The clients' own retries of the write calls are switched off: {@link Retrier} owns retrying, so
 * that every call backs off the same, bounded way.
 */
final class BigQueryClients {

  static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/bigquery");

  private BigQueryClients() {}

  static Credentials credentials(BigQuerySettings.Connection connection) {
    if (connection.plaintext()) {
      return NoCredentials.getInstance();
    }
    try {
      if (!connection.keyJson().isEmpty()) {
        try (InputStream in = new ByteArrayInputStream(connection.keyJson().getBytes(StandardCharsets.UTF_8))) {
          return GoogleCredentials.fromStream(in).createScoped(SCOPES);
        }
      }
      if (!connection.keyFile().isEmpty()) {
        try (InputStream in = new FileInputStream(connection.keyFile())) {
          return GoogleCredentials.fromStream(in).createScoped(SCOPES);
        }
      }
      return GoogleCredentials.getApplicationDefault().createScoped(SCOPES);
    } catch (IOException e) {
      // The message of a parse failure may quote the key: name the source, not the content.
      String source = !connection.keyJson().isEmpty() ? BigQueryConfig.CREDENTIALS_JSON
          : !connection.keyFile().isEmpty() ? BigQueryConfig.CREDENTIALS_FILE + " (" + connection.keyFile() + ")"
          : "application default credentials";
      throw new ConnectException("cannot load Google credentials from " + source
          + ": check that it is a service-account key in JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  static BigQuery rest(BigQuerySettings settings, Credentials credentials) {
    BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
        .setProjectId(settings.project())
        .setCredentials(credentials)
        .setLocation(settings.location())
        // One attempt per call: Retrier retries (BigQueryException says which errors may be retried).
        .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build());
    if (!settings.connection().restEndpoint().isEmpty()) {
      options.setHost(settings.connection().restEndpoint());
    }
    return options.build().getService();
  }

  /** The Storage Read API client (ledger and state reads), on the same endpoint as the write client. */
  static BigQueryReadClient read(BigQuerySettings settings, Credentials credentials) {
    try {
      BigQuerySettings.Connection connection = settings.connection();
      String endpoint = connection.grpcEndpoint().isEmpty() ? BigQueryReadSettings.getDefaultEndpoint()
          : connection.grpcEndpoint();
      InstantiatingGrpcChannelProvider.Builder channel = BigQueryReadSettings.defaultGrpcTransportProviderBuilder()
          .setEndpoint(endpoint);
      if (connection.plaintext()) {
        channel.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
      }
      BigQueryReadSettings.Builder builder = BigQueryReadSettings.newBuilder()
          .setEndpoint(endpoint)
          .setTransportChannelProvider(channel.build())
          .setCredentialsProvider(connection.plaintext() ? NoCredentialsProvider.create()
              : FixedCredentialsProvider.create(credentials));
      builder.createReadSessionSettings().setRetryableCodes(Set.of());
      builder.readRowsSettings().setRetryableCodes(Set.of());
      return BigQueryReadClient.create(builder.build());
    } catch (IOException e) {
      throw new ConnectException("cannot create the BigQuery Storage Read client", e);
    }
  }

  static BigQueryWriteClient write(BigQuerySettings settings, Credentials credentials) {
    try {
      BigQueryWriteSettings.Builder builder = BigQueryWriteSettings.newBuilder();
      BigQuerySettings.Connection connection = settings.connection();
      String endpoint = connection.grpcEndpoint().isEmpty() ? BigQueryWriteSettings.getDefaultEndpoint()
          : connection.grpcEndpoint();
      InstantiatingGrpcChannelProvider.Builder channel = BigQueryWriteSettings.defaultGrpcTransportProviderBuilder()
          .setEndpoint(endpoint);
      if (connection.plaintext()) {
        channel.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
      }
      CredentialsProvider provider = connection.plaintext() ? NoCredentialsProvider.create()
          : FixedCredentialsProvider.create(credentials);
      builder.setEndpoint(endpoint).setTransportChannelProvider(channel.build()).setCredentialsProvider(provider);
      builder.createWriteStreamSettings().setRetryableCodes(Set.of());
      builder.finalizeWriteStreamSettings().setRetryableCodes(Set.of());
      builder.batchCommitWriteStreamsSettings().setRetryableCodes(Set.of());
      builder.getWriteStreamSettings().setRetryableCodes(Set.of());
      builder.flushRowsSettings().setRetryableCodes(Set.of());
      return BigQueryWriteClient.create(builder.build());
    } catch (IOException e) {
      throw new ConnectException("cannot create the BigQuery Storage Write client for "
          + (settings.connection().grpcEndpoint().isEmpty() ? "the default endpoint" : settings.connection().grpcEndpoint()), e);
    }
  }
}
