package io.streametl.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Superset export of the compose stack imports with {@code superset import-dashboards} of the
 * pinned Superset (the rules and where they come from: {@link SupersetExport}), and each check
 * fails, naming the file and the key, on an export broken in its way.
 */
class SupersetExportTest {

  private final ComposeProject project = ComposeProject.load();
  private final SupersetExport export = SupersetExport.of(project);

  @Test
  void metadataIsAVersion1DashboardExport() {
    assertThat(export.metadata()).isEmpty();
  }

  @Test
  void everyFileIsOneTheImportReads() {
    assertThat(export.files()).isEmpty();
  }

  @Test
  void everyConfigLoadsWithItsImportSchema() {
    assertThat(export.schemas()).isEmpty();
  }

  @Test
  void everyKeyTheImportersIndexIsPresent() {
    assertThat(export.importerKeys()).isEmpty();
  }

  @Test
  void everyUuidReferenceResolves() {
    assertThat(export.references()).isEmpty();
  }

  @Test
  void thePositionIsATreeOnTheGrid() {
    assertThat(export.layout()).isEmpty();
  }

  @Test
  void theChartsNameTheDatasetsColumnsAndMetrics() {
    assertThat(export.chartFields()).isEmpty();
  }

  @Test
  void theImageIsTheCheckedReleaseWithAPinnedDriver() {
    String dockerfile = ComposeProject.read(project.root().resolve(SupersetExport.DOCKERFILE));
    assertThat(export.image(dockerfile)).isEmpty();
    assertThat(project.services().get("superset").path("image").asText())
        .as("the superset service's image tag names the Superset release")
        .contains(SupersetExport.SUPERSET_VERSION);
  }

  @Test
  void theBootstrapImportsWhereComposeMountsTheExport() {
    assertThat(SupersetExport.wiring(project)).isEmpty();
  }

  /** The same checks on copies of a small valid export, each broken in one way. */
  @Nested
  class OnABrokenExport {

    @TempDir
    Path dir;

    static final String DB = "6f1d8a52-3c4e-4b7a-9d2f-5e8c1a7b3d01";
    static final String DS = "0b7e4c2d-9a1f-4e63-8c5b-2d4f6a8e1c02";
    static final String CH = "3c9a1e7f-2b4d-4f8a-a6c1-7e2d9b5f4a03";
    static final String DA = "9e4b2d6f-7a1c-4d3e-b5f8-2c6a9d1e7b06";

    static final String METADATA = """
        version: 1.0.0
        type: Dashboard
        timestamp: '2026-01-01T00:00:00.000000+00:00'
        """;
    static final String DATABASE = """
        database_name: Trino
        sqlalchemy_uri: trino://superset@trino:8080/iceberg
        expose_in_sqllab: true
        allow_file_upload: false
        extra: {allows_virtual_table_explore: true}
        uuid: %s
        version: 1.0.0
        """.formatted(DB);
    static final String DATASET = """
        table_name: t
        main_dttm_col: ts
        schema: demo
        sql: SELECT 1
        uuid: %s
        database_uuid: %s
        version: 1.0.0
        columns:
        - {column_name: ts, is_dttm: true, type: TIMESTAMP}
        - {column_name: region, is_dttm: false, type: VARCHAR}
        metrics:
        - {metric_name: events, expression: COUNT(*)}
        """.formatted(DS, DB);
    static final String CHART = """
        slice_name: Events
        viz_type: echarts_timeseries_line
        params: {viz_type: echarts_timeseries_line, x_axis: ts, metrics: [events], groupby: [region]}
        query_context: null
        uuid: %s
        dataset_uuid: %s
        version: 1.0.0
        """.formatted(CH, DS);
    static final String DASHBOARD = """
        dashboard_title: D
        uuid: %s
        version: 1.0.0
        position:
          DASHBOARD_VERSION_KEY: v2
          ROOT_ID: {type: ROOT, id: ROOT_ID, children: [GRID_ID]}
          GRID_ID: {type: GRID, id: GRID_ID, children: [ROW-1], parents: [ROOT_ID]}
          ROW-1: {type: ROW, id: ROW-1, children: [CHART-1], parents: [ROOT_ID, GRID_ID]}
          CHART-1:
            type: CHART
            id: CHART-1
            children: []
            parents: [ROOT_ID, GRID_ID, ROW-1]
            meta: {chartId: 1, width: 12, height: 50, uuid: %s}
        metadata: {timed_refresh_immune_slices: [], expanded_slices: {}}
        """.formatted(DA, CH);

    private SupersetExport write(String metadata, String database, String dataset, String chart,
        String dashboard) throws IOException {
      Files.writeString(dir.resolve("metadata.yaml"), metadata);
      Files.createDirectories(dir.resolve("databases"));
      Files.writeString(dir.resolve("databases/Trino.yaml"), database);
      Files.createDirectories(dir.resolve("datasets/Trino"));
      Files.writeString(dir.resolve("datasets/Trino/t.yaml"), dataset);
      Files.createDirectories(dir.resolve("charts"));
      Files.writeString(dir.resolve("charts/Events.yaml"), chart);
      Files.createDirectories(dir.resolve("dashboards"));
      Files.writeString(dir.resolve("dashboards/D.yaml"), dashboard);
      return SupersetExport.load(dir, "export");
    }

    private SupersetExport valid() throws IOException {
      return write(METADATA, DATABASE, DATASET, CHART, DASHBOARD);
    }

    @Test
    void theValidExportPassesEveryCheck() throws IOException {
      SupersetExport export = valid();
      assertThat(export.metadata()).isEmpty();
      assertThat(export.files()).isEmpty();
      assertThat(export.schemas()).isEmpty();
      assertThat(export.importerKeys()).isEmpty();
      assertThat(export.references()).isEmpty();
      assertThat(export.layout()).isEmpty();
      assertThat(export.chartFields()).isEmpty();
      assertThat(export.image("FROM apache/superset:4.1.2\nRUN pip install trino==0.333.0\n")).isEmpty();
    }

    @Test
    void metadataOfAnotherVersionOrType() throws IOException {
      SupersetExport export = write(METADATA.replace("version: 1.0.0", "version: 2.0.0")
          .replace("Dashboard", "Chart").replace("2026-01-01T", "yesterday "), DATABASE, DATASET,
          CHART, DASHBOARD);
      assertThat(export.metadata())
          .anyMatch(p -> p.startsWith("export/metadata.yaml: version is '2.0.0'"))
          .anyMatch(p -> p.startsWith("export/metadata.yaml: type is 'Chart'"))
          .anyMatch(p -> p.startsWith("export/metadata.yaml: timestamp"));
    }

    @Test
    void missingMetadata() throws IOException {
      valid();
      Files.delete(dir.resolve("metadata.yaml"));
      assertThat(SupersetExport.load(dir, "export").metadata()).singleElement().asString()
          .startsWith("export/metadata.yaml: missing");
    }

    @Test
    void filesTheImportSkips() throws IOException {
      valid();
      Files.writeString(dir.resolve("charts/notes.txt"), "x");
      Files.createDirectories(dir.resolve("queries"));
      Files.writeString(dir.resolve("queries/q.yaml"), "a: 1\n");
      assertThat(SupersetExport.load(dir, "export").files())
          .anyMatch(p -> p.startsWith("export/charts/notes.txt: the import skips it"))
          .anyMatch(p -> p.startsWith("export/queries/q.yaml: the import reads only"));
    }

    @Test
    void schemaViolations() throws IOException {
      SupersetExport export = write(METADATA,
          DATABASE.replace("database_name: Trino\n", "").replace("expose_in_sqllab: true",
              "expose_in_sqllab: null").replace("allows_virtual_table_explore", "no_such_extra"),
          DATASET.replace("uuid: " + DS, "uuid: not-a-uuid").replace("{metric_name: events, ",
              "{metric_name: events, colour: red, "),
          CHART.replace("query_context: null", "query_context: '{not json'")
              .replace("version: 1.0.0\n", "").replace("slice_name: Events", "slice_name: Events\ntags: [a]"),
          DASHBOARD.replace("dashboard_title: D", "dashboard_title: 7"));
      assertThat(export.schemas())
          .contains("export/databases/Trino.yaml: database_name is required",
              "export/databases/Trino.yaml: expose_in_sqllab may not be null",
              "export/charts/Events.yaml: version is required",
              "export/charts/Events.yaml: query_context is not valid JSON (validate_json)",
              "export/dashboards/D.yaml: dashboard_title must be string, is NUMBER")
          .anyMatch(p -> p.startsWith("export/databases/Trino.yaml: extra.no_such_extra is not a field"))
          .anyMatch(p -> p.startsWith("export/datasets/Trino/t.yaml: uuid must be uuid"))
          .anyMatch(p -> p.startsWith("export/datasets/Trino/t.yaml: metrics[0].colour is not a field"))
          .anyMatch(p -> p.startsWith("export/charts/Events.yaml: tags is not a field"));
    }

    @Test
    void keysTheImportersIndex() throws IOException {
      SupersetExport export = write(METADATA,
          DATABASE.replace("allow_file_upload: false\n", "").replace("extra: {allows_virtual_table_explore: true}\n", ""),
          DATASET, CHART, DASHBOARD.replace("chartId: 1, ", ""));
      assertThat(export.importerKeys())
          .anyMatch(p -> p.startsWith("export/databases/Trino.yaml: allow_file_upload (or allow_csv_upload) is missing"))
          .anyMatch(p -> p.startsWith("export/databases/Trino.yaml: extra is missing"))
          .anyMatch(p -> p.startsWith("export/dashboards/D.yaml: position.CHART-1.meta.chartId is missing"));
      assertThat(write(METADATA, DATABASE, DATASET, CHART, "dashboard_title: D\nuuid: " + DA
          + "\nversion: 1.0.0\n").importerKeys()).singleElement().asString()
          .startsWith("export/dashboards/D.yaml: position is missing");
    }

    @Test
    void danglingAndUnusedUuids() throws IOException {
      String otherDataset = "11111111-2222-4333-8444-555555555555";
      String otherChart = "66666666-7777-4888-9999-aaaaaaaaaaaa";
      SupersetExport export = write(METADATA, DATABASE,
          DATASET.replace("database_uuid: " + DB, "database_uuid: " + otherDataset),
          CHART.replace("dataset_uuid: " + DS, "dataset_uuid: " + otherDataset),
          DASHBOARD.replace("uuid: " + CH, "uuid: " + otherChart)
              .replace("timed_refresh_immune_slices: []", "timed_refresh_immune_slices: [9]")
              .replace("expanded_slices: {}", "expanded_slices: {'8': true}"));
      assertThat(export.references())
          .anyMatch(p -> p.startsWith("export/datasets/Trino/t.yaml: database_uuid " + otherDataset + " names no file"))
          .anyMatch(p -> p.startsWith("export/charts/Events.yaml: dataset_uuid " + otherDataset + " names no file"))
          .anyMatch(p -> p.startsWith("export/dashboards/D.yaml: position.CHART-1.meta.uuid " + otherChart + " names no file"))
          .anyMatch(p -> p.startsWith("export/dashboards/D.yaml: metadata.timed_refresh_immune_slices names chart id 9"))
          .anyMatch(p -> p.startsWith("export/dashboards/D.yaml: metadata.expanded_slices names chart id 8"))
          .anyMatch(p -> p.startsWith("export/charts/Events.yaml: uuid " + CH + " is on no dashboard"))
          .anyMatch(p -> p.startsWith("export/databases/Trino.yaml: uuid " + DB + " is the database_uuid of no dataset"));
    }

    @Test
    void aPositionThatIsNotATreeOnTheGrid() throws IOException {
      SupersetExport export = write(METADATA, DATABASE, DATASET, CHART, DASHBOARD
          .replace("DASHBOARD_VERSION_KEY: v2", "DASHBOARD_VERSION_KEY: v1")
          .replace("children: [ROW-1]", "children: [ROW-2]")
          .replace("width: 12", "width: 14"));
      assertThat(export.layout())
          .contains("export/dashboards/D.yaml: position.DASHBOARD_VERSION_KEY must be v2",
              "export/dashboards/D.yaml: position.GRID_ID.children names ROW-2, which the position does not have",
              "export/dashboards/D.yaml: position.CHART-1.meta.width must be 1 to 12",
              "export/dashboards/D.yaml: position.ROW-1 holds 14 columns, more than the grid's 12")
          .anyMatch(p -> p.startsWith("export/dashboards/D.yaml: position.ROW-1 is not reached from ROOT_ID"));
    }

    @Test
    void chartsNamingWhatTheDatasetLacks() throws IOException {
      SupersetExport export = write(METADATA, DATABASE,
          DATASET.replace("main_dttm_col: ts", "main_dttm_col: region"),
          CHART.replace("x_axis: ts", "x_axis: window_start").replace("metrics: [events]", "metrics: [revenue]")
              .replace("{viz_type: echarts_timeseries_line", "{viz_type: table"),
          DASHBOARD);
      assertThat(export.chartFields())
          .contains("export/datasets/Trino/t.yaml: main_dttm_col region is a column without is_dttm: true",
              "export/charts/Events.yaml: params.x_axis names column window_start, which the dataset does not have",
              "export/charts/Events.yaml: params.metrics names metric revenue, which the dataset does not define",
              "export/charts/Events.yaml: params.viz_type 'table' differs from viz_type 'echarts_timeseries_line'");
    }

    @Test
    void anImageOfAnotherReleaseOrWithoutTheDriver() throws IOException {
      SupersetExport export = valid();
      assertThat(export.image("FROM apache/superset:5.0.0\nRUN pip install trino\n"))
          .anyMatch(p -> p.contains("FROM apache/superset:5.0.0") && p.contains("re-check"))
          .anyMatch(p -> p.startsWith("export/databases/Trino.yaml: sqlalchemy_uri trino://superset@trino:8080/iceberg"
              + " needs the pip package trino"));
    }
  }
}
