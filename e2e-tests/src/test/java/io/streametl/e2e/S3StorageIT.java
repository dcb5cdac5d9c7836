package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The dedup/aggregate sink with its tables on S3-compatible object storage: Iceberg's S3FileIO
 * (shipped in the bundle) configured through the sink's pass-through catalog properties, against
 * an S3Proxy server in this JVM on loopback, with the catalog's pointers in a JDBC catalog on
 * SQLite. Data files, metadata and the dedup state files must all land in the bucket, and
 * nothing on local disk.
 */
@ExtendWith(LocalStackExtension.class)
class S3StorageIT {

  private static final String BUCKET = "streametl-e2e";
  private static final String ACCESS_KEY = "streametl-e2e";
  private static final String REGION = "us-east-1";

  @TempDir
  Path dir;
  private final String secretKey = "secret-" + UUID.randomUUID();
  private IsolatedS3Proxy s3;
  private PipelineRun run;
  private JdbcCatalog reader;

  @AfterEach
  void stop() throws Exception {
    if (run != null) {
      run.stop();
    }
    if (reader != null) {
      reader.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void theSinkWritesItsTablesAndDedupStateToS3CompatibleStorage(LocalStack stack) throws Exception {
    s3 = IsolatedS3Proxy.start(s3ProxyJar(), ACCESS_KEY, secretKey);
    try (S3Client client = s3Client()) {
      client.createBucket(request -> request.bucket(BUCKET));
    }
    Map<String, String> catalog = new HashMap<>();
    catalog.put("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"));
    catalog.put("warehouse", "s3://" + BUCKET + "/warehouse");
    catalog.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    catalog.put("s3.endpoint", s3.endpoint().toString());
    catalog.put("s3.path-style-access", "true");
    catalog.put("s3.access-key-id", ACCESS_KEY);
    catalog.put("s3.secret-access-key", secretKey);
    catalog.put("client.region", REGION);
    Map<String, String> sinkOverrides = new HashMap<>();
    catalog.forEach((key, value) -> sinkOverrides.put("iceberg.catalog." + key, value));
    reader = new JdbcCatalog();
    reader.initialize("local", catalog); // the catalog name in the sink's config file

    run = new PipelineRun(stack, 4_000, 2_000, 0.05, sinkOverrides);
    PipelineRun.Expected expected = run.expected();
    run.start();
    TableIdentifier events = TableIdentifier.parse(run.table);
    TableIdentifier perMinute = TableIdentifier.parse(run.table + "_per_minute");

    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .until(() -> eventIds(events).size() >= expected.validIds().size());

    List<String> ids = eventIds(events);
    assertThat(ids).hasSameSizeAs(expected.validIds());
    assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(expected.validIds()));

    String warehouse = "s3://" + BUCKET + "/warehouse/";
    for (TableIdentifier identifier : List.of(events, perMinute)) {
      Table table = reader.loadTable(identifier);
      assertThat(table.location()).as("location of %s", identifier).startsWith(warehouse);
      assertThat(((HasTableOperations) table).operations().current().metadataFileLocation())
          .as("metadata of %s", identifier).startsWith(warehouse);
      assertThat(dataFileLocations(table)).as("data files of %s", identifier)
          .isNotEmpty().allMatch(location -> location.startsWith(warehouse));
    }

    List<String> keys = objectKeys();
    assertThat(keys).as("dedup state files in the bucket")
        .anyMatch(key -> key.contains("/streametl-state/" + run.sink.name() + "/"));
    assertThat(keys).as("Parquet data files in the bucket").anyMatch(key -> key.endsWith(".parquet"));

    // Nothing of the tables on local disk: the catalog folder holds only the SQLite database, and
    // the stack's local warehouse (the config file's default) has no trace of this run's tables.
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(path -> !path.equals(dir)))
          .allMatch(path -> Files.isRegularFile(path) && path.getFileName().toString().startsWith("catalog.db"));
    }
    String tableName = events.name();
    try (Stream<Path> files = Files.walk(stack.layout().icebergDir())) {
      assertThat(files).noneMatch(path -> path.toString().contains(tableName));
    }

    // The secret reached the workers only through the connector config: no worker logged it.
    assertThat(filesContaining(stack.layout().logsDir(), secretKey)).isEmpty();
  }

  private List<String> eventIds(TableIdentifier identifier) {
    if (!reader.tableExists(identifier)) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(reader.loadTable(identifier)).select("event_id")
        .build()) {
      rows.forEach(row -> ids.add((String) row.getField("event_id")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  private static List<String> dataFileLocations(Table table) throws IOException {
    List<String> locations = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> locations.add(task.file().location()));
    }
    return locations;
  }

  private List<String> objectKeys() {
    try (S3Client client = s3Client()) {
      return client.listObjectsV2Paginator(request -> request.bucket(BUCKET)).contents().stream()
          .map(S3Object::key).toList();
    }
  }

  private S3Client s3Client() {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .forcePathStyle(true)
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  /** Files under a folder that contain an ASCII text, read byte for byte (logs of any encoding). */
  private static List<Path> filesContaining(Path folder, String asciiText) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).filter(path -> {
        try {
          return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1).contains(asciiText);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private static Path s3ProxyJar() {
    String value = System.getProperty("streametl.s3proxy.jar");
    if (value == null || value.isBlank() || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalStateException("streametl.s3proxy.jar=" + value + " is not a file: run this test through"
          + " Maven (./mvnw -B -pl e2e-tests verify -Dit.test=S3StorageIT), which copies S3Proxy there.");
    }
    return Path.of(value);
  }

  /**
   * S3Proxy (its in-memory "transient" blob store, SigV4 authentication, a free port on 127.0.0.1)
   * in a class loader of its own. Its self-contained jar carries Jetty (relocated), SLF4J 2,
   * Logback, Jackson 3 and an AWS SDK of other versions than this test's class path, so it sees
   * only the JDK; it is driven through S3Proxy's own test helper, S3ProxyJunitCore.
   */
  private static final class IsolatedS3Proxy implements AutoCloseable {

    private final URLClassLoader loader;
    private final Object server;
    private final URI endpoint;

    private IsolatedS3Proxy(URLClassLoader loader, Object server, URI endpoint) {
      this.loader = loader;
      this.server = server;
      this.endpoint = endpoint;
    }

    static IsolatedS3Proxy start(Path jar, String accessKey, String secretKey) throws Exception {
      URLClassLoader loader = new URLClassLoader("s3proxy", new URL[] {jar.toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader); // Jetty's threads and S3Proxy's service lookups inherit it
      try {
        Class<?> builderType = loader.loadClass("org.gaul.s3proxy.junit.S3ProxyJunitCore$Builder");
        Object builder = builderType.getConstructor().newInstance();
        builderType.getMethod("withCredentials", String.class, String.class).invoke(builder, accessKey, secretKey);
        builderType.getMethod("withBlobStoreProvider", String.class).invoke(builder, "transient");
        Object server = builderType.getMethod("build").invoke(builder);
        server.getClass().getMethod("beforeEach").invoke(server);
        URI endpoint = (URI) server.getClass().getMethod("getUri").invoke(server);
        return new IsolatedS3Proxy(loader, server, endpoint);
      } catch (InvocationTargetException e) {
        loader.close();
        throw e.getCause() instanceof Exception cause ? cause : e;
      } catch (ReflectiveOperationException | RuntimeException e) {
        loader.close();
        throw e;
      } finally {
        thread.setContextClassLoader(previous);
      }
    }

    URI endpoint() {
      return endpoint;
    }

    @Override
    public void close() throws Exception {
      try {
        server.getClass().getMethod("afterEach").invoke(server);
      } finally {
        loader.close();
      }
    }
  }
}
