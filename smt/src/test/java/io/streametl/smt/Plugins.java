package io.streametl.smt;

import io.streametl.common.config.ConfigDocs;
import io.streametl.smt.enrich.DeriveEventId;
import io.streametl.smt.enrich.FieldToHeader;
import io.streametl.smt.enrich.HeaderToField;
import io.streametl.smt.enrich.InsertMetadata;
import io.streametl.smt.lookup.Lookup;
import io.streametl.smt.pii.ProtectFields;
import io.streametl.smt.predicate.FieldEquals;
import io.streametl.smt.predicate.FieldExists;
import io.streametl.smt.predicate.FieldIn;
import io.streametl.smt.predicate.FieldMatches;
import io.streametl.smt.validate.ParseTimestamps;
import io.streametl.smt.validate.ValidateFields;
import io.streametl.smt.validate.ValidateJsonSchema;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Every plugin of this module, each as the class that holds its {@code CONFIG_DEF} and
 * {@code OVERVIEW_DOC} with nested {@code Key} and {@code Value} variants: what the contract
 * test and the config reference generator walk.
 */
public final class Plugins {

  public static final List<Class<?>> TRANSFORMS = List.of(
      ValidateFields.class, ValidateJsonSchema.class, ParseTimestamps.class,
      InsertMetadata.class, HeaderToField.class, FieldToHeader.class, Lookup.class,
      DeriveEventId.class, ProtectFields.class);

  public static final List<Class<?>> PREDICATES = List.of(
      FieldEquals.class, FieldMatches.class, FieldIn.class, FieldExists.class);

  /** The command that rewrites docs/config, as shown at the top of every page. */
  public static final String REGENERATE =
      "./mvnw -o -q -B -pl smt test -Dtest=ConfigReferenceDocsTest -Dstreametl.docs.write=true";

  private Plugins() {}

  public static Stream<Class<?>> all() {
    return Stream.concat(TRANSFORMS.stream(), PREDICATES.stream());
  }

  public static List<String> variantNames(Class<?> plugin) {
    return List.of(plugin.getName() + "$Key", plugin.getName() + "$Value");
  }

  public static ConfigDef configDef(Class<?> plugin) {
    return (ConfigDef) staticField(plugin, "CONFIG_DEF");
  }

  public static String overview(Class<?> plugin) {
    return (String) staticField(plugin, "OVERVIEW_DOC");
  }

  public static ConfigDocs.Page page(Class<?> plugin) {
    return new ConfigDocs.Page(plugin.getSimpleName(), variantNames(plugin), overview(plugin),
        configDef(plugin), REGENERATE);
  }

  private static Object staticField(Class<?> plugin, String name) {
    try {
      return plugin.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(plugin.getSimpleName() + " has no public static " + name, e);
    }
  }
}
