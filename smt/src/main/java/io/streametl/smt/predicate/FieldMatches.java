package io.streametl.smt.predicate;

import io.streametl.common.fieldpath.FieldValue;
import io.streametl.smt.RecordPart;
import io.streametl.smt.ScalarText;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * True when the field's text matches a regular expression as a whole.
 *
 * @param <R> the record type
 */
public abstract class FieldMatches<R extends ConnectRecord<R>> extends FieldPredicate<R> {

  public static final String PATTERN_CONFIG = "pattern";

  public static final String OVERVIEW_DOC =
      "A predicate that is true when a field of the record <code>value</code> (<code>"
          + FieldMatches.Value.class.getName() + "</code>) or <code>key</code> (<code>"
          + FieldMatches.Key.class.getName() + "</code>) matches a Java regular expression as a"
          + " whole (as Kafka's RegexRouter matches). Numbers and booleans are matched by their"
          + " text; absent and null fields, structs, maps and arrays never match.";

  public static final ConfigDef CONFIG_DEF = baseConfigDef()
      .define(PATTERN_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
          new PatternValidator(), ConfigDef.Importance.HIGH,
          "The Java regular expression the whole field text must match, e.g. (?i)test-.*",
          "Field", 2, ConfigDef.Width.MEDIUM, "Pattern");

  private Pattern pattern;

  FieldMatches(RecordPart part) {
    super(part);
  }

  static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ConfigException(PATTERN_CONFIG, regex,
          e.getDescription() + " near index " + e.getIndex());
    }
  }

  @Override
  void configureCondition(SimpleConfig config) {
    pattern = compile(config.getString(PATTERN_CONFIG));
  }

  @Override
  boolean matches(FieldValue found) {
    return found.isPresent()
        && ScalarText.of(found.value()).map(text -> pattern.matcher(text).matches()).orElse(false);
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  /** Compiles the pattern with the method {@code configure()} uses. */
  private static final class PatternValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value != null) {
        compile(value.toString());
      }
    }

    @Override
    public String toString() {
      return "a Java regular expression";
    }
  }

  /** Tests a field of the record key. */
  public static class Key<R extends ConnectRecord<R>> extends FieldMatches<R> {
    public Key() {
      super(RecordPart.KEY);
    }
  }

  /** Tests a field of the record value. */
  public static class Value<R extends ConnectRecord<R>> extends FieldMatches<R> {
    public Value() {
      super(RecordPart.VALUE);
    }
  }
}
