package io.streametl.sink.state.aggregate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.sink.state.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The aggregation configs: {@code aggregations=by_region,...} names them, and each has keys under
 * {@code aggregation.<name>.}. Names are chosen by the user, so the keys cannot sit in a static
 * ConfigDef: {@link #configDef(String)} builds one per name (with validators that call the same
 * parsers as {@link #parse}, and docs; {@code configDef("<name>")} renders the reference), and
 * {@link #validate} checks a whole connector config for {@code Connector.validate()}.
 */
public final class AggregationConfig {

  public static final String AGGREGATIONS = "aggregations";
  public static final String PREFIX = "aggregation.";
  public static final String WINDOW = "window";
  public static final String TIME_FIELD = "time-field";
  public static final String GROUP_BY = "group-by";
  public static final String METRICS = "metrics";
  public static final String ALLOWED_LATENESS = "allowed-lateness";
  public static final String WATERMARK_DELAY = "watermark.delay";
  public static final String TOO_LATE = "too-late";
  public static final String MAX_AHEAD = "time-field.max-ahead";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final String NONE = "none";

  /** The top-level {@code aggregations} list, for the connector's static ConfigDef. */
  public static final ConfigDef AGGREGATIONS_DEF = new ConfigDef().define(AGGREGATIONS, Type.LIST, "",
      new NamesValidator(), Importance.MEDIUM,
      "Names of the windowed aggregations to maintain (lower-case letters, digits and '_'), each configured "
          + "under 'aggregation.<name>.*'. Empty: no aggregation.",
      "Aggregations", 1, Width.LONG, "Aggregations");

  private AggregationConfig() {}

  /** The key of {@code suffix} for the aggregation {@code name}, e.g. {@code aggregation.by_region.window}. */
  public static String key(String name, String suffix) {
    return PREFIX + name + "." + suffix;
  }

  /** The definitions of one aggregation's keys. */
  public static ConfigDef configDef(String name) {
    String group = "Aggregation " + name;
    return new ConfigDef()
        .define(key(name, WINDOW), Type.STRING, ConfigDef.NO_DEFAULT_VALUE, validator(WindowSpec::parse, WindowSpec.SYNTAX),
            Importance.HIGH, "Windows on event time, aligned to the epoch: " + WindowSpec.SYNTAX
                + ". Hopping windows must be a whole multiple of the hop.", group, 1, Width.SHORT, "Window")
        .define(key(name, TIME_FIELD), Type.STRING, ConfigDef.NO_DEFAULT_VALUE, validator(FieldPath::parse, "a field path"),
            Importance.HIGH, "Field path of the event time: a Timestamp, epoch milliseconds (int64) or ISO-8601 "
                + "text with a zone offset. Records without it go to the dead-letter queue.",
            group, 2, Width.MEDIUM, "Time field")
        .define(key(name, GROUP_BY), Type.LIST, "", listValidator(GroupColumn::parse, "field paths, each optionally 'as column'"), Importance.HIGH,
            "Field paths to group by, e.g. 'region,channel,plan'; 'device.os' makes column 'device_os', "
                + "'device.os as os' names it. A missing field groups as null. Empty: one group per window.",
            group, 3, Width.LONG, "Group by")
        .define(key(name, METRICS), Type.LIST, "count", listValidator(MetricSpec::parse, MetricSpec.SYNTAX), Importance.HIGH,
            "Metrics, each " + MetricSpec.SYNTAX + ". Example: count,sum(amount):decimal,min(amount),max(amount),"
                + "approx_distinct(user_id).", group, 4, Width.LONG, "Metrics")
        .define(key(name, ALLOWED_LATENESS), Type.STRING, "0", validator(Durations::parse, Durations.SYNTAX), Importance.MEDIUM,
            "How long after a window ends (by the watermark) a late record still adds to it, as a further partial "
                + "row. Later records are too late: counted, and handled by 'too-late'. " + Durations.SYNTAX + ".",
            group, 5, Width.SHORT, "Allowed lateness")
        .define(key(name, WATERMARK_DELAY), Type.STRING, "0", validator(Durations::parse, Durations.SYNTAX), Importance.MEDIUM,
            "How far the watermark trails the highest event time seen in the partition. " + Durations.SYNTAX + ".",
            group, 6, Width.SHORT, "Watermark delay")
        .define(key(name, TOO_LATE), Type.STRING, TooLatePolicy.DEAD_LETTER.toString(),
            validator(TooLatePolicy::parse, "dead-letter or drop"), Importance.MEDIUM,
            "What to do with a record too late for all its windows: 'dead-letter' (report it to the dead-letter "
                + "queue) or 'drop'. Either way it is counted.", group, 7, Width.SHORT, "Too-late records")
        .define(key(name, MAX_AHEAD), Type.STRING, "1h", validator(AggregationConfig::parseMaxAhead, "a duration or none"),
            Importance.LOW, "Reject (to the dead-letter queue) a record whose event time is further than this ahead "
                + "of its Kafka timestamp, so that one wrong clock cannot move the watermark past every open window. "
                + "'none' disables the check. " + Durations.SYNTAX + ".", group, 8, Width.SHORT, "Max event time ahead");
  }

  /**
   * Every aggregation named in {@code props}.
   *
   * @throws ConfigException naming the key at fault and what to write
   */
  public static List<AggregationSpec> parse(Map<String, String> props) {
    List<String> names = strings(AGGREGATIONS_DEF.parse(props).get(AGGREGATIONS));
    List<AggregationSpec> specs = new ArrayList<>(names.size());
    for (String name : names) {
      specs.add(parseOne(name, props));
    }
    return List.copyOf(specs);
  }

  private static AggregationSpec parseOne(String name, Map<String, String> props) {
    Map<String, Object> values = configDef(name).parse(props);
    String window = (String) values.get(key(name, WINDOW));
    List<String> groupBy = strings(values.get(key(name, GROUP_BY)));
    List<String> metrics = strings(values.get(key(name, METRICS)));
    List<GroupColumn> groups = new ArrayList<>();
    groupBy.forEach(g -> groups.add(GroupColumn.parse(g)));
    try {
      return new AggregationSpec(name, WindowSpec.parse(window),
          FieldPath.parse((String) values.get(key(name, TIME_FIELD))), groups, MetricSpec.parseAll(metrics),
          Durations.parse((String) values.get(key(name, ALLOWED_LATENESS))),
          Durations.parse((String) values.get(key(name, WATERMARK_DELAY))),
          TooLatePolicy.parse((String) values.get(key(name, TOO_LATE))),
          parseMaxAhead((String) values.get(key(name, MAX_AHEAD))));
    } catch (IllegalArgumentException e) {
      // Cross-field problems (two columns with one name): attach them to the metrics key.
      throw new ConfigException(key(name, METRICS), props.get(key(name, METRICS)), e.getMessage());
    }
  }

  /**
   * Checks every aggregation key in {@code props}, for {@code Connector.validate()}: the result
   * holds one {@link ConfigValue} per key, with error messages on the keys at fault.
   */
  public static Map<String, ConfigValue> validate(Map<String, String> props) {
    Map<String, ConfigValue> results = new LinkedHashMap<>(AGGREGATIONS_DEF.validateAll(props));
    ConfigValue namesValue = results.get(AGGREGATIONS);
    if (!namesValue.errorMessages().isEmpty()) {
      return results;
    }
    for (Object name : (List<?>) namesValue.value()) {
      Map<String, ConfigValue> perKey = configDef((String) name).validateAll(props);
      results.putAll(perKey);
      boolean clean = perKey.values().stream().allMatch(v -> v.errorMessages().isEmpty());
      if (clean) {
        try {
          parseOne((String) name, props);
        } catch (ConfigException e) {
          results.get(key((String) name, METRICS)).addErrorMessage(e.getMessage());
        }
      }
    }
    return results;
  }

  private static List<String> strings(Object list) {
    List<String> result = new ArrayList<>();
    for (Object element : (List<?>) list) {
      result.add((String) element);
    }
    return result;
  }

  static Optional<Duration> parseMaxAhead(String text) {
    return text != null && text.trim().equalsIgnoreCase(NONE) ? Optional.empty() : Optional.of(Durations.parse(text));
  }

  private static ConfigDef.Validator validator(Function<String, ?> parser, String description) {
    return new ParsingValidator(parser, description, false);
  }

  private static ConfigDef.Validator listValidator(Function<String, ?> parser, String description) {
    return new ParsingValidator(parser, description, true);
  }

  /**
   * Validates with the parser the configuration itself uses; describes the accepted values for the
   * generated config reference.
   */
  private record ParsingValidator(Function<String, ?> parser, String description, boolean list)
      implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
      if (value == null) {
        return; // a missing required value is reported by ConfigDef itself
      }
      if (list) {
        for (Object element : (List<?>) value) {
          parseOne(name, element == null ? null : element.toString());
        }
      } else {
        parseOne(name, (String) value);
      }
    }

    private void parseOne(String name, String value) {
      try {
        parser.apply(value);
      } catch (IllegalArgumentException e) { // ConfigException is one too
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** Aggregation names: short, lower-case identifiers, each listed once. */
  static final class NamesValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      Map<String, Boolean> seen = new HashMap<>();
      for (Object element : (List<?>) value) {
        String aggregation = element.toString();
        if (!NAME.matcher(aggregation).matches()) {
          throw new ConfigException(name, value, "'" + aggregation + "' is not an aggregation name: use lower-case "
              + "letters, digits and '_', starting with a letter (at most 63 characters)");
        }
        if (seen.put(aggregation, true) != null) {
          throw new ConfigException(name, value, "'" + aggregation + "' is listed twice");
        }
      }
    }

    @Override
    public String toString() {
      return "list of names: lower-case letters, digits and '_'";
    }
  }
}
