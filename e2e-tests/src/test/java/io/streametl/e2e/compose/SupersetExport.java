package io.streametl.e2e.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The Superset dashboard export of the compose stack (compose/superset/dashboard/) checked against
 * what {@code superset import-dashboards} of Superset {@value #SUPERSET_VERSION} requires, each
 * check returning its problems as messages naming the file and the key (empty: it imports).
 *
 * <p>The rules are read from Superset's source at the 4.1.2 release (apache/superset; the 4.1
 * branch plus PR #32500, the last change to these files before 4.1.2, at master commit
 * fc844d3dfd):
 *
 * <ul>
 *   <li>{@code superset/commands/importers/v1/utils.py}: {@code metadata.yaml} must hold {@code
 *       version: 1.0.0} (MetadataSchema, IMPORT_VERSION), {@code type} must be the model imported
 *       ({@code Dashboard}, validate_metadata_type); the zip's top folder is stripped (remove_root)
 *       and only {@code .yaml}/{@code .yml} files not starting with {@code .} or {@code _} are read
 *       (is_valid_config); a file is validated by the schema of its first path element.
 *   <li>the marshmallow schemas ImportV1DatabaseSchema (+ ImportV1DatabaseExtraSchema),
 *       ImportV1DatasetSchema (+ ImportV1ColumnSchema, ImportV1MetricSchema), ImportV1ChartSchema
 *       and ImportV1DashboardSchema: their fields, which are required, which may be null; an
 *       unknown key fails the load (marshmallow's default, RAISE, which these schemas keep).
 *   <li>the importers, which index keys the schemas do not require: {@code import_database} pops
 *       {@code allow_csv_upload} (the schema's pre_load renames {@code allow_file_upload}, the key
 *       an export writes) and reads {@code extra}; {@code find_chart_uuids} /
 *       {@code build_uuid_to_id_map} read {@code position}, every mapping's {@code type} and every
 *       CHART's {@code meta.uuid} and {@code meta.chartId}; {@code update_id_refs} maps the chart
 *       ids in {@code timed_refresh_immune_slices} and {@code expanded_slices} and the native
 *       filters' {@code datasetUuid}s, failing on one it does not know.
 *   <li>ImportDashboardsCommand: databases, datasets and charts are imported when reached from a
 *       dashboard's position through {@code dataset_uuid} and {@code database_uuid}.
 * </ul>
 *
 * <p>Beyond the import, the charts must name the dataset's columns and saved metrics, and the
 * position must be a tree the dashboard can lay out (Superset's 12-column grid).
 */
final class SupersetExport {

  /** The Superset release whose import rules these checks encode. */
  static final String SUPERSET_VERSION = "4.1.2";
  static final Path DIR = Path.of("compose/superset/dashboard");
  static final Path DOCKERFILE = Path.of("compose/superset/Dockerfile");
  static final Path BOOTSTRAP = Path.of("compose/superset/bootstrap.sh");
  static final String IMPORT_VERSION = "1.0.0";
  static final String METADATA = "metadata.yaml";
  static final int GRID_COLUMNS = 12;

  enum Kind { STRING, INTEGER, BOOLEAN, UUID, MAPPING, LIST, URL, STRING_OR_MAPPING }

  /** A schema field: its name, type, whether it must be present, whether it may be null. */
  record Field(String name, Kind kind, boolean required, boolean nullable) {}

  private static Field req(String name, Kind kind) {
    return new Field(name, kind, true, false);
  }

  private static Field opt(String name, Kind kind) {
    return new Field(name, kind, false, false);
  }

  private static Field nullable(String name, Kind kind) {
    return new Field(name, kind, false, true);
  }

  private static Map<String, Field> schema(Field... fields) {
    Map<String, Field> map = new LinkedHashMap<>();
    for (Field field : fields) {
      map.put(field.name(), field);
    }
    return map;
  }

  static final Map<String, Field> METADATA_SCHEMA = schema(
      req("version", Kind.STRING), opt("type", Kind.STRING), opt("timestamp", Kind.STRING));

  static final Map<String, Field> DATABASE = schema(
      req("database_name", Kind.STRING), req("sqlalchemy_uri", Kind.STRING),
      nullable("password", Kind.STRING), nullable("encrypted_extra", Kind.STRING),
      nullable("cache_timeout", Kind.INTEGER), opt("expose_in_sqllab", Kind.BOOLEAN),
      opt("allow_run_async", Kind.BOOLEAN), opt("allow_ctas", Kind.BOOLEAN),
      opt("allow_cvas", Kind.BOOLEAN), opt("allow_dml", Kind.BOOLEAN),
      opt("allow_csv_upload", Kind.BOOLEAN),
      // renamed to allow_csv_upload by the schema's pre_load (fix_allow_csv_upload)
      opt("allow_file_upload", Kind.BOOLEAN),
      opt("impersonate_user", Kind.BOOLEAN), opt("extra", Kind.MAPPING),
      req("uuid", Kind.UUID), req("version", Kind.STRING),
      nullable("is_managed_externally", Kind.BOOLEAN), nullable("external_url", Kind.STRING),
      nullable("ssh_tunnel", Kind.MAPPING));

  static final Map<String, Field> DATABASE_EXTRA = schema(
      opt("metadata_params", Kind.MAPPING), opt("engine_params", Kind.MAPPING),
      opt("metadata_cache_timeout", Kind.MAPPING), opt("schemas_allowed_for_csv_upload", Kind.LIST),
      // renamed by ImportV1DatabaseExtraSchema's pre_load
      opt("schemas_allowed_for_file_upload", Kind.LIST),
      opt("cost_estimate_enabled", Kind.BOOLEAN), opt("allows_virtual_table_explore", Kind.BOOLEAN),
      opt("cancel_query_on_windows_unload", Kind.BOOLEAN), opt("disable_data_preview", Kind.BOOLEAN),
      opt("disable_drill_to_detail", Kind.BOOLEAN), opt("allow_multi_catalog", Kind.BOOLEAN),
      nullable("version", Kind.STRING));

  static final Map<String, Field> DATASET = schema(
      req("table_name", Kind.STRING), nullable("main_dttm_col", Kind.STRING),
      nullable("description", Kind.STRING), nullable("default_endpoint", Kind.STRING),
      opt("offset", Kind.INTEGER), nullable("cache_timeout", Kind.INTEGER),
      nullable("schema", Kind.STRING), nullable("catalog", Kind.STRING), nullable("sql", Kind.STRING),
      nullable("params", Kind.MAPPING), nullable("template_params", Kind.MAPPING),
      opt("filter_select_enabled", Kind.BOOLEAN), nullable("fetch_values_predicate", Kind.STRING),
      // a JSON string is accepted too (the schema's pre_load fix_extra parses it)
      nullable("extra", Kind.STRING_OR_MAPPING),
      req("uuid", Kind.UUID), opt("columns", Kind.LIST), opt("metrics", Kind.LIST),
      req("version", Kind.STRING), req("database_uuid", Kind.UUID), opt("data", Kind.URL),
      nullable("is_managed_externally", Kind.BOOLEAN), nullable("external_url", Kind.STRING),
      opt("normalize_columns", Kind.BOOLEAN), opt("always_filter_main_dttm", Kind.BOOLEAN));

  static final Map<String, Field> COLUMN = schema(
      req("column_name", Kind.STRING), nullable("extra", Kind.STRING_OR_MAPPING),
      nullable("verbose_name", Kind.STRING), nullable("is_dttm", Kind.BOOLEAN),
      nullable("is_active", Kind.BOOLEAN), nullable("type", Kind.STRING),
      nullable("advanced_data_type", Kind.STRING), opt("groupby", Kind.BOOLEAN),
      opt("filterable", Kind.BOOLEAN), nullable("expression", Kind.STRING),
      nullable("description", Kind.STRING), nullable("python_date_format", Kind.STRING));

  static final Map<String, Field> METRIC = schema(
      req("metric_name", Kind.STRING), nullable("verbose_name", Kind.STRING),
      nullable("metric_type", Kind.STRING), req("expression", Kind.STRING),
      nullable("description", Kind.STRING), nullable("d3format", Kind.STRING),
      nullable("currency", Kind.STRING), nullable("extra", Kind.STRING_OR_MAPPING),
      nullable("warning_text", Kind.STRING));

  static final Map<String, Field> CHART = schema(
      req("slice_name", Kind.STRING), nullable("description", Kind.STRING),
      nullable("certified_by", Kind.STRING), nullable("certification_details", Kind.STRING),
      req("viz_type", Kind.STRING), opt("params", Kind.MAPPING),
      // a JSON string (validate_json)
      nullable("query_context", Kind.STRING), nullable("cache_timeout", Kind.INTEGER),
      req("uuid", Kind.UUID), req("version", Kind.STRING), req("dataset_uuid", Kind.UUID),
      nullable("is_managed_externally", Kind.BOOLEAN), nullable("external_url", Kind.STRING));

  static final Map<String, Field> DASHBOARD = schema(
      req("dashboard_title", Kind.STRING), nullable("description", Kind.STRING),
      nullable("css", Kind.STRING), nullable("slug", Kind.STRING), req("uuid", Kind.UUID),
      opt("position", Kind.MAPPING), opt("metadata", Kind.MAPPING), req("version", Kind.STRING),
      nullable("is_managed_externally", Kind.BOOLEAN), nullable("external_url", Kind.STRING),
      nullable("certified_by", Kind.STRING), nullable("certification_details", Kind.STRING),
      nullable("published", Kind.BOOLEAN));

  /** The schema of each top folder ImportDashboardsCommand reads (its {@code schemas}). */
  static final Map<String, Map<String, Field>> SCHEMAS = Map.of("databases", DATABASE,
      "datasets", DATASET, "charts", CHART, "dashboards", DASHBOARD);

  /** The pip package that provides each SQLAlchemy URI scheme the export may use. */
  static final Map<String, String> DRIVERS = Map.of("trino", "trino");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PIP_PIN = Pattern.compile("([A-Za-z0-9_.\\[\\]-]+)==([0-9][^\\s\\\\]*)");

  private final String label;
  /** The YAML files of the export by their path inside it ("charts/x.yaml"), parsed. */
  private final Map<String, JsonNode> configs;
  /** Files the import would skip or cannot parse, with the reason. */
  private final Map<String, String> unread;

  private SupersetExport(String label, Map<String, JsonNode> configs, Map<String, String> unread) {
    this.label = label;
    this.configs = configs;
    this.unread = unread;
  }

  /** The export in the repository. */
  static SupersetExport of(ComposeProject project) {
    return load(project.root().resolve(DIR), DIR.toString());
  }

  /** The export in {@code dir}; messages name its files as {@code label/<path>}. */
  static SupersetExport load(Path dir, String label) {
    Map<String, JsonNode> configs = new TreeMap<>();
    Map<String, String> unread = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = dir.relativize(file).toString().replace('\\', '/');
        String base = file.getFileName().toString();
        String lower = base.toLowerCase();
        if (base.startsWith(".") || base.startsWith("_")
            || !(lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
          unread.put(name, "the import skips it (is_valid_config reads only .yaml/.yml files not"
              + " starting with . or _)");
          continue;
        }
        try {
          Object tree = new Yaml().load(Files.readString(file));
          configs.put(name, tree == null ? null : JSON.valueToTree(tree));
        } catch (RuntimeException e) {
          unread.put(name, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SupersetExport(label, configs, unread);
  }

  private String at(String file) {
    return label + "/" + file;
  }

  /** The configs whose first path element is {@code folder}, by file. */
  private Map<String, JsonNode> in(String folder) {
    Map<String, JsonNode> found = new TreeMap<>();
    configs.forEach((file, config) -> {
      if (file.startsWith(folder + "/") && config != null && config.isObject()) {
        found.put(file, config);
      }
    });
    return found;
  }

  /** metadata.yaml: present, version 1.0.0, type Dashboard, an ISO timestamp, no other key. */
  List<String> metadata() {
    List<String> problems = new ArrayList<>();
    JsonNode metadata = configs.get(METADATA);
    if (metadata == null || !metadata.isObject()) {
      problems.add(at(METADATA) + ": missing or not a mapping; the import refuses a bundle without"
          + " it (load_metadata raises IncorrectVersionError)");
      return problems;
    }
    problems.addAll(fields(METADATA, "", metadata, METADATA_SCHEMA));
    if (!IMPORT_VERSION.equals(metadata.path("version").asText())) {
      problems.add(at(METADATA) + ": version is '" + metadata.path("version").asText()
          + "', the import reads only version " + IMPORT_VERSION);
    }
    if (metadata.has("type") && !"Dashboard".equals(metadata.path("type").asText())) {
      problems.add(at(METADATA) + ": type is '" + metadata.path("type").asText()
          + "', import-dashboards requires Dashboard");
    }
    if (metadata.path("timestamp").isTextual() && !isIsoDateTime(metadata.path("timestamp").asText())) {
      problems.add(at(METADATA) + ": timestamp '" + metadata.path("timestamp").asText()
          + "' is not an ISO 8601 date-time");
    }
    return problems;
  }

  /** Every file is one the import reads: YAML, under a folder it has a schema for. */
  List<String> files() {
    List<String> problems = new ArrayList<>();
    unread.forEach((file, reason) -> problems.add(at(file) + ": " + reason));
    configs.forEach((file, config) -> {
      if (file.equals(METADATA)) {
        return;
      }
      String folder = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
      if (!SCHEMAS.containsKey(folder)) {
        problems.add(at(file) + ": the import reads only metadata.yaml and files under "
            + new java.util.TreeSet<>(SCHEMAS.keySet()) + "/; it ignores this one");
      } else if (config == null || !config.isObject()) {
        problems.add(at(file) + ": not a YAML mapping");
      }
    });
    return problems;
  }

  /** Each config against its marshmallow schema: required keys, no unknown key, value types. */
  List<String> schemas() {
    List<String> problems = new ArrayList<>();
    SCHEMAS.forEach((folder, schema) -> in(folder).forEach((file, config) -> {
      problems.addAll(fields(file, "", config, schema));
      if (folder.equals("databases") && config.path("extra").isObject()) {
        problems.addAll(fields(file, "extra.", config.path("extra"), DATABASE_EXTRA));
      }
      if (folder.equals("datasets")) {
        nested(problems, file, config, "columns", COLUMN);
        nested(problems, file, config, "metrics", METRIC);
      }
      if (folder.equals("charts") && config.path("query_context").isTextual()) {
        try {
          JSON.readTree(config.path("query_context").asText());
        } catch (IOException e) {
          problems.add(at(file) + ": query_context is not valid JSON (validate_json)");
        }
      }
    }));
    return problems;
  }

  private void nested(List<String> problems, String file, JsonNode config, String key,
      Map<String, Field> schema) {
    int i = 0;
    for (JsonNode item : config.path(key)) {
      if (!item.isObject()) {
        problems.add(at(file) + ": " + key + "[" + i + "] is not a mapping");
      } else {
        problems.addAll(fields(file, key + "[" + i + "].", item, schema));
      }
      i++;
    }
  }

  private List<String> fields(String file, String prefix, JsonNode config, Map<String, Field> schema) {
    List<String> problems = new ArrayList<>();
    for (Field field : schema.values()) {
      if (field.required() && !config.has(field.name())) {
        problems.add(at(file) + ": " + prefix + field.name() + " is required");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Field field = schema.get(entry.getKey());
      JsonNode value = entry.getValue();
      if (field == null) {
        problems.add(at(file) + ": " + prefix + entry.getKey() + " is not a field of the import"
            + " schema (marshmallow rejects unknown fields)");
      } else if (value.isNull()) {
        if (!field.nullable()) {
          problems.add(at(file) + ": " + prefix + field.name() + " may not be null");
        }
      } else if (!fits(field.kind(), value)) {
        problems.add(at(file) + ": " + prefix + field.name() + " must be "
            + field.kind().name().toLowerCase().replace('_', ' ') + ", is " + value.getNodeType());
      }
    }
    return problems;
  }

  private static boolean fits(Kind kind, JsonNode value) {
    return switch (kind) {
      case STRING -> value.isTextual();
      case INTEGER -> value.isIntegralNumber();
      case BOOLEAN -> value.isBoolean();
      case MAPPING -> value.isObject();
      case LIST -> value.isArray();
      case STRING_OR_MAPPING -> value.isTextual() || value.isObject();
      case URL -> value.isTextual() && value.asText().matches("(?i)(https?|ftp)://\\S+");
      case UUID -> value.isTextual() && isUuid(value.asText());
    };
  }

  private static boolean isUuid(String text) {
    try {
      UUID.fromString(text);
      return text.length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isIsoDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(text);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  /** Keys the importers index although the schemas do not require them. */
  List<String> importerKeys() {
    List<String> problems = new ArrayList<>();
    in("databases").forEach((file, config) -> {
      if (!config.has("allow_csv_upload") && !config.has("allow_file_upload")) {
        problems.add(at(file) + ": allow_file_upload (or allow_csv_upload) is missing;"
            + " import_database pops allow_csv_upload and fails without it");
      }
      if (!config.path("extra").isObject()) {
        problems.add(at(file) + ": extra is missing; import_database reads config[\"extra\"]");
      }
    });
    in("dashboards").forEach((file, config) -> {
      if (!config.path("position").isObject()) {
        problems.add(at(file) + ": position is missing; the import reads config[\"position\"]");
        return;
      }
      config.path("position").fields().forEachRemaining(e -> {
        JsonNode component = e.getValue();
        if (!component.isObject()) {
          return;
        }
        if (!component.has("type")) {
          problems.add(at(file) + ": position." + e.getKey() + " has no type; build_uuid_to_id_map"
              + " reads the type of every component");
        } else if ("CHART".equals(component.path("type").asText())) {
          JsonNode meta = component.path("meta");
          if (!meta.isObject()) {
            problems.add(at(file) + ": position." + e.getKey() + " is a CHART without meta");
          } else {
            if (!meta.has("uuid")) {
              problems.add(at(file) + ": position." + e.getKey() + ".meta.uuid is missing; the"
                  + " import finds the chart by it");
            }
            if (!meta.path("chartId").isIntegralNumber()) {
              problems.add(at(file) + ": position." + e.getKey() + ".meta.chartId is missing or"
                  + " not a number; build_uuid_to_id_map reads it for every CHART with a uuid");
            }
          }
        }
      });
    });
    return problems;
  }

  /** The uuid links: chart to dataset, dataset to database, dashboard position to chart. */
  List<String> references() {
    List<String> problems = new ArrayList<>();
    Map<String, String> databases = uuids("databases", problems);
    Map<String, String> datasets = uuids("datasets", problems);
    Map<String, String> charts = uuids("charts", problems);
    uuids("dashboards", problems);

    Set<String> usedDatabases = new HashSet<>();
    in("datasets").forEach((file, config) -> {
      String ref = config.path("database_uuid").asText();
      usedDatabases.add(ref);
      if (!databases.containsKey(ref)) {
        problems.add(at(file) + ": database_uuid " + ref + " names no file under databases/");
      }
    });
    Set<String> usedDatasets = new HashSet<>();
    in("charts").forEach((file, config) -> {
      String ref = config.path("dataset_uuid").asText();
      usedDatasets.add(ref);
      if (!datasets.containsKey(ref)) {
        problems.add(at(file) + ": dataset_uuid " + ref + " names no file under datasets/");
      }
    });
    Set<String> placed = new HashSet<>();
    in("dashboards").forEach((file, config) -> {
      Map<Long, String> chartIds = new HashMap<>();
      config.path("position").fields().forEachRemaining(e -> {
        JsonNode meta = e.getValue().path("meta");
        if (!"CHART".equals(e.getValue().path("type").asText()) || !meta.has("uuid")) {
          return;
        }
        String ref = meta.path("uuid").asText();
        placed.add(ref);
        if (!charts.containsKey(ref)) {
          problems.add(at(file) + ": position." + e.getKey() + ".meta.uuid " + ref
              + " names no file under charts/");
        }
        if (meta.path("chartId").isIntegralNumber()) {
          String other = chartIds.put(meta.path("chartId").asLong(), e.getKey());
          if (other != null) {
            problems.add(at(file) + ": position." + e.getKey() + ".meta.chartId "
                + meta.path("chartId").asLong() + " is also the chartId of position." + other);
          }
        }
      });
      JsonNode metadata = config.path("metadata");
      for (JsonNode id : metadata.path("timed_refresh_immune_slices")) {
        if (!chartIds.containsKey(id.asLong())) {
          problems.add(at(file) + ": metadata.timed_refresh_immune_slices names chart id "
              + id.asText() + ", which no CHART of the position has (update_id_refs fails on it)");
        }
      }
      metadata.path("expanded_slices").fieldNames().forEachRemaining(id -> {
        if (!id.matches("\\d+") || !chartIds.containsKey(Long.parseLong(id))) {
          problems.add(at(file) + ": metadata.expanded_slices names chart id " + id
              + ", which no CHART of the position has (update_id_refs fails on it)");
        }
      });
      int f = 0;
      for (JsonNode filter : metadata.path("native_filter_configuration")) {
        for (JsonNode target : filter.path("targets")) {
          String ref = target.path("datasetUuid").asText("");
          if (!ref.isEmpty() && !datasets.containsKey(ref)) {
            problems.add(at(file) + ": metadata.native_filter_configuration[" + f
                + "] targets datasetUuid " + ref + ", which names no file under datasets/");
          }
        }
        f++;
      }
    });
    charts.forEach((uuid, file) -> {
      if (!placed.contains(uuid)) {
        problems.add(at(file) + ": uuid " + uuid + " is on no dashboard's position; import-dashboards"
            + " imports what a dashboard reaches");
      }
    });
    datasets.forEach((uuid, file) -> {
      if (!usedDatasets.contains(uuid)) {
        problems.add(at(file) + ": uuid " + uuid + " is the dataset_uuid of no chart");
      }
    });
    databases.forEach((uuid, file) -> {
      if (!usedDatabases.contains(uuid)) {
        problems.add(at(file) + ": uuid " + uuid + " is the database_uuid of no dataset");
      }
    });
    return problems;
  }

  /** The uuids of a folder's configs, each to its file; a repeated uuid is a problem. */
  private Map<String, String> uuids(String folder, List<String> problems) {
    Map<String, String> uuids = new LinkedHashMap<>();
    in(folder).forEach((file, config) -> {
      String uuid = config.path("uuid").asText();
      String other = uuids.putIfAbsent(uuid, file);
      if (other != null) {
        problems.add(at(file) + ": uuid " + uuid + " is also the uuid of " + at(other));
      }
    });
    return uuids;
  }

  /** The position is a tree from ROOT_ID the dashboard can lay out on its 12-column grid. */
  List<String> layout() {
    List<String> problems = new ArrayList<>();
    in("dashboards").forEach((file, config) -> {
      JsonNode position = config.path("position");
      if (!position.isObject()) {
        return;
      }
      if (!"v2".equals(position.path("DASHBOARD_VERSION_KEY").asText())) {
        problems.add(at(file) + ": position.DASHBOARD_VERSION_KEY must be v2");
      }
      if (!"ROOT".equals(position.path("ROOT_ID").path("type").asText())) {
        problems.add(at(file) + ": position.ROOT_ID is missing or not of type ROOT");
      }
      if (!"GRID".equals(position.path("GRID_ID").path("type").asText())) {
        problems.add(at(file) + ": position.GRID_ID is missing or not of type GRID");
      }
      Map<String, JsonNode> components = new LinkedHashMap<>();
      position.fields().forEachRemaining(e -> {
        if (e.getValue().isObject()) {
          components.put(e.getKey(), e.getValue());
        }
      });
      components.forEach((key, component) -> {
        if (!key.equals(component.path("id").asText())) {
          problems.add(at(file) + ": position." + key + ".id is '" + component.path("id").asText()
              + "', not its key");
        }
        for (String field : List.of("children", "parents")) {
          for (JsonNode ref : component.path(field)) {
            if (!components.containsKey(ref.asText())) {
              problems.add(at(file) + ": position." + key + "." + field + " names " + ref.asText()
                  + ", which the position does not have");
            }
          }
        }
        if ("CHART".equals(component.path("type").asText())) {
          int width = component.path("meta").path("width").asInt(0);
          if (width < 1 || width > GRID_COLUMNS) {
            problems.add(at(file) + ": position." + key + ".meta.width must be 1 to " + GRID_COLUMNS);
          }
          if (component.path("meta").path("height").asInt(0) < 1) {
            problems.add(at(file) + ": position." + key + ".meta.height must be positive");
          }
        }
        if ("ROW".equals(component.path("type").asText())) {
          int width = 0;
          for (JsonNode child : component.path("children")) {
            width += components.getOrDefault(child.asText(), JSON.nullNode()).path("meta")
                .path("width").asInt(0);
          }
          if (width > GRID_COLUMNS) {
            problems.add(at(file) + ": position." + key + " holds " + width + " columns, more than"
                + " the grid's " + GRID_COLUMNS);
          }
        }
      });
      Set<String> reached = new LinkedHashSet<>();
      List<String> queue = new ArrayList<>(List.of("ROOT_ID"));
      while (!queue.isEmpty()) {
        String key = queue.remove(0);
        if (reached.add(key)) {
          components.getOrDefault(key, JSON.nullNode()).path("children")
              .forEach(child -> queue.add(child.asText()));
        }
      }
      components.forEach((key, component) -> {
        if (!reached.contains(key) && !"HEADER".equals(component.path("type").asText())) {
          problems.add(at(file) + ": position." + key + " is not reached from ROOT_ID through"
              + " children; the dashboard does not show it");
        }
      });
    });
    return problems;
  }

  /** The charts' params name the dataset's columns and saved metrics. */
  List<String> chartFields() {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> datasets = new HashMap<>();
    in("datasets").forEach((file, config) -> datasets.put(config.path("uuid").asText(), config));
    in("datasets").forEach((file, config) -> {
      String dttm = config.path("main_dttm_col").asText("");
      if (!dttm.isEmpty()) {
        JsonNode column = column(config, dttm);
        if (column == null) {
          problems.add(at(file) + ": main_dttm_col " + dttm + " is not one of the columns");
        } else if (!column.path("is_dttm").asBoolean(false)) {
          problems.add(at(file) + ": main_dttm_col " + dttm + " is a column without is_dttm: true");
        }
      }
    });
    in("charts").forEach((file, config) -> {
      JsonNode params = config.path("params");
      if (params.has("viz_type") && !params.path("viz_type").asText().equals(config.path("viz_type").asText())) {
        problems.add(at(file) + ": params.viz_type '" + params.path("viz_type").asText()
            + "' differs from viz_type '" + config.path("viz_type").asText() + "'");
      }
      JsonNode dataset = datasets.get(config.path("dataset_uuid").asText());
      if (dataset == null) {
        return; // references() reports it
      }
      Set<String> metrics = new HashSet<>();
      dataset.path("metrics").forEach(m -> metrics.add(m.path("metric_name").asText()));
      for (String key : List.of("metrics", "metric", "percent_metrics", "timeseries_limit_metric")) {
        JsonNode value = params.path(key);
        for (JsonNode metric : value.isArray() ? value : List.of(value)) {
          if (metric.isTextual() && !metrics.contains(metric.asText())) {
            problems.add(at(file) + ": params." + key + " names metric " + metric.asText()
                + ", which the dataset does not define");
          }
        }
      }
      for (String key : List.of("groupby", "columns", "all_columns", "x_axis", "granularity_sqla",
          "series", "entity")) {
        JsonNode value = params.path(key);
        for (JsonNode column : value.isArray() ? value : List.of(value)) {
          if (column.isTextual() && column(dataset, column.asText()) == null) {
            problems.add(at(file) + ": params." + key + " names column " + column.asText()
                + ", which the dataset does not have");
          }
        }
      }
      for (JsonNode order : params.path("order_by_cols")) {
        try {
          String column = JSON.readTree(order.asText()).path(0).asText();
          if (column(dataset, column) == null && !metrics.contains(column)) {
            problems.add(at(file) + ": params.order_by_cols names " + column
                + ", which the dataset does not have");
          }
        } catch (IOException e) {
          problems.add(at(file) + ": params.order_by_cols entry " + order.asText()
              + " is not a JSON [column, ascending] pair");
        }
      }
    });
    return problems;
  }

  private static JsonNode column(JsonNode dataset, String name) {
    for (JsonNode column : dataset.path("columns")) {
      if (name.equals(column.path("column_name").asText())) {
        return column;
      }
    }
    return null;
  }

  /**
   * The image: built from the Superset release these checks encode, with a pinned pip driver for
   * every database's SQLAlchemy URI scheme.
   */
  List<String> image(String dockerfile) {
    List<String> problems = new ArrayList<>();
    Matcher from = Pattern.compile("(?m)^FROM\\s+apache/superset:(\\S+)").matcher(dockerfile);
    if (!from.find()) {
      problems.add(DOCKERFILE + ": no FROM apache/superset:<version>");
    } else if (!from.group(1).equals(SUPERSET_VERSION)) {
      problems.add(DOCKERFILE + ": FROM apache/superset:" + from.group(1) + ", but the export and"
          + " SupersetExport's rules are checked against Superset " + SUPERSET_VERSION
          + "; re-check them against the new release's import schemas");
    }
    Map<String, String> pinned = new HashMap<>();
    Matcher pin = PIP_PIN.matcher(dockerfile);
    while (pin.find()) {
      pinned.put(pin.group(1).replaceAll("\\[.*]", "").toLowerCase(), pin.group(2));
    }
    in("databases").forEach((file, config) -> {
      String uri = config.path("sqlalchemy_uri").asText();
      String scheme = uri.contains("://") ? uri.substring(0, uri.indexOf("://")).split("\\+")[0] : "";
      String driver = DRIVERS.get(scheme);
      if (driver == null) {
        problems.add(at(file) + ": sqlalchemy_uri scheme '" + scheme + "' has no known driver package");
      } else if (!pinned.containsKey(driver)) {
        problems.add(at(file) + ": sqlalchemy_uri " + uri + " needs the pip package " + driver
            + ", which " + DOCKERFILE + " does not install at a pinned version (the image ships"
            + " without database drivers)");
      }
    });
    return problems;
  }

  /** bootstrap.sh imports the directory docker-compose.yml mounts the export at, as the CLI wants. */
  static List<String> wiring(ComposeProject project) {
    List<String> problems = new ArrayList<>();
    String bootstrap = ComposeProject.read(project.root().resolve(BOOTSTRAP));
    JsonNode superset = project.services().get("superset");
    String target = null;
    if (superset != null) {
      for (JsonNode volume : superset.path("volumes")) {
        String[] parts = volume.asText().split(":");
        if (parts.length >= 2 && Path.of(parts[0]).normalize().equals(Path.of("./" + DIR).normalize())) {
          target = parts[1];
        }
      }
    }
    if (target == null) {
      problems.add(ComposeProject.FILE + ": service superset does not mount ./" + DIR);
      return problems;
    }
    Path mount = Path.of(target);
    String parent = mount.getParent() == null ? "/" : mount.getParent().toString();
    String name = mount.getFileName().toString();
    if (!bootstrap.contains("make_archive(") || !bootstrap.contains("'" + parent + "', '" + name + "'")) {
      problems.add(BOOTSTRAP + ": does not zip " + target + " (root '" + parent + "', base '" + name
          + "'), where " + ComposeProject.FILE + " mounts the export; import-dashboards reads a zip"
          + " whose one top folder it strips");
    }
    if (!bootstrap.contains("superset import-dashboards --path ") || !bootstrap.contains("--username ")) {
      problems.add(BOOTSTRAP + ": must run `superset import-dashboards --path <zip> --username"
          + " <user>` (both options are required in " + SUPERSET_VERSION + ")");
    }
    return problems;
  }
}
