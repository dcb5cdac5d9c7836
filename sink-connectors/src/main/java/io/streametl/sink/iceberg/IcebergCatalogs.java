package io.streametl.sink.iceberg;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Iceberg catalog from pass-through properties, with a bounded retry at start-up. */
public final class IcebergCatalogs {

  private static final Logger LOG = LoggerFactory.getLogger(IcebergCatalogs.class);
  private static final int INIT_ATTEMPTS = 5;

  /**
   * Hadoop defaults under the user's {@code iceberg.hadoop.*} settings: local files through
   * {@link NoForkLocalFileSystem}. Hadoop caches one file system per scheme for the whole JVM,
   * whatever the configuration that asked for it, so the cache is off for {@code file://}: this
   * catalog then gets its own file system and never hands it to another connector in the worker.
   */
  static final Map<String, String> HADOOP_DEFAULTS = Map.of(
      "fs.file.impl", NoForkLocalFileSystem.class.getName(),
      "fs.file.impl.disable.cache", "true");

  private IcebergCatalogs() {}

  /**
   * Several tasks starting at once may initialise a JDBC catalog's tables together; on SQLite one
   * of them then fails with "duplicate column name" although the catalog is fine. A second
   * attempt finds the tables ready, so initialisation is retried a few times before giving up.
   */
  public static Catalog load(String name, Map<String, String> properties) {
    return load(name, properties, Map.of());
  }

  /**
   * @param hadoopProperties Hadoop settings (from {@code iceberg.hadoop.*}) for catalogs and file
   *     systems that read a Hadoop Configuration: the hadoop catalog, HadoopFileIO, S3A
   */
  public static Catalog load(String name, Map<String, String> properties, Map<String, String> hadoopProperties) {
    Map<String, String> props = new HashMap<>(properties);
    Configuration hadoopConf = hadoopConfiguration(hadoopProperties);
    RuntimeException last = null;
    for (int attempt = 1; attempt <= INIT_ATTEMPTS; attempt++) {
      try {
        return CatalogUtil.buildIcebergCatalog(name, props, hadoopConf);
      } catch (RuntimeException e) {
        last = e;
        LOG.warn("Initialising Iceberg catalog '{}' failed (attempt {} of {}): {}", name, attempt, INIT_ATTEMPTS,
            e.getMessage());
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new ConnectException("cannot initialise Iceberg catalog '" + name + "' (type "
        + props.getOrDefault("type", props.get("catalog-impl")) + "); check the iceberg.catalog.* settings", last);
  }

  /** {@link #HADOOP_DEFAULTS} overridden by the user's settings. */
  static Configuration hadoopConfiguration(Map<String, String> hadoopProperties) {
    Configuration hadoopConf = new Configuration();
    HADOOP_DEFAULTS.forEach(hadoopConf::set);
    hadoopProperties.forEach(hadoopConf::set);
    return hadoopConf;
  }
}
