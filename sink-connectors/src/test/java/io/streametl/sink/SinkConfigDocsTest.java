package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.config.ConfigDocs;
import io.streametl.sink.state.aggregate.AggregationConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * The committed docs/config/DedupAggregateSinkConnector.md matches the ConfigDefs, including the
 * keys every aggregation has (documented for an aggregation named {@code <name>}).
 */
class SinkConfigDocsTest {

  static final String REGENERATE = "./mvnw -o -q -B -pl sink-connectors test"
      + " -Dtest=SinkConfigDocsTest -Dstreametl.docs.write=true";

  private static final Path PAGE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
      .resolve("../docs/config/DedupAggregateSinkConnector.md").normalize();

  static String page() {
    ConfigDef all = new ConfigDef(SinkConfig.CONFIG_DEF);
    AggregationConfig.configDef("<name>").configKeys().values().forEach(all::define);
    String overview = DedupAggregateSinkConnector.OVERVIEW_DOC + "\n\n"
        + "Each aggregation listed in <code>aggregations</code> takes the keys of the groups named "
        + "\"Aggregation &lt;name&gt;\", with its name in place of <code>&lt;name&gt;</code>, plus "
        + "<code>aggregation.&lt;name&gt;.table</code> (default: the events table followed by "
        + "<code>_&lt;name&gt;</code>). Catalog properties are passed through as "
        + "<code>iceberg.catalog.&lt;property&gt;</code>, Hadoop settings as "
        + "<code>iceberg.hadoop.&lt;property&gt;</code>, table properties as "
        + "<code>iceberg.table.properties.&lt;property&gt;</code>.";
    return ConfigDocs.markdown(new ConfigDocs.Page("DedupAggregateSinkConnector",
        List.of(DedupAggregateSinkConnector.class.getName()), overview, all, REGENERATE));
  }

  @Test
  void theCommittedPageIsCurrent() throws IOException {
    String expected = page();
    assertThat(ConfigDocs.committedText(PAGE, expected))
        .as("%s is missing or stale; regenerate with: %s", PAGE, REGENERATE)
        .hasValue(expected);
  }

  @Test
  void everySettingIsDocumented() {
    assertThat(SinkConfig.CONFIG_DEF.configKeys().values())
        .allSatisfy(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    assertThat(page()).contains("aggregation.<name>.window", "dedup.ttl", "maintenance.interval");
  }
}
