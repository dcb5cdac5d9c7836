package io.streametl.common.fieldpath;

import java.util.List;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * The fields a path leads through in structs of particular schemas, so that the next read of
 * structs with the same schemas takes each field by its index instead of looking its name up.
 * A record stream usually has one value schema, and a transform or sink reads the same few paths
 * in every record: {@code Schema.field(name)} was the largest share of their reads.
 *
 * <p>Immutable, and only built for {@link ConnectSchema}s, which cannot change after they are
 * built, so a route never goes stale. Schemas are matched by identity: an equal schema that is
 * another object takes the ordinary way once and replaces the route.
 */
final class StructRoute {

  /** Returned by {@link #follow} when a struct on the way has another schema, or is no struct. */
  static final Object OFF_ROUTE = new Object();

  private final Schema[] schemas;
  private final Field[] fields;

  private StructRoute(Schema[] schemas, Field[] fields) {
    this.schemas = schemas;
    this.fields = fields;
  }

  /**
   * The route of {@code path} in {@code root}, or null if it leaves the structs of immutable
   * schemas (a map, a null or a missing field on the way).
   */
  static StructRoute trace(Struct root, List<String> segments) {
    // Called after each ordinary read of a path without a route. A path that never gets one
    // (through a map, or into a SchemaBuilder's struct) must not allocate a route each time, so
    // the first walk only checks.
    Object current = root;
    for (String name : segments) {
      Field field = immutableField(current, name);
      if (field == null) {
        return null;
      }
      current = ((Struct) current).get(field);
    }
    Schema[] schemas = new Schema[segments.size()];
    Field[] fields = new Field[segments.size()];
    current = root;
    for (int i = 0; i < segments.size(); i++) {
      Struct struct = (Struct) current;
      schemas[i] = struct.schema();
      fields[i] = struct.schema().field(segments.get(i));
      current = struct.get(fields[i]);
    }
    return new StructRoute(schemas, fields);
  }

  /** The field {@code name} of {@code value} if it is a struct of an immutable schema, or null. */
  private static Field immutableField(Object value, String name) {
    if (!(value instanceof Struct struct) || !(struct.schema() instanceof ConnectSchema)) {
      return null;
    }
    return struct.schema().field(name);
  }

  /**
   * The value at the end of the route, defaults applied as {@link Struct#get(Field)} does, or
   * {@link #OFF_ROUTE}.
   */
  Object follow(Struct root) {
    Object current = root;
    for (int i = 0; i < fields.length; i++) {
      if (!(current instanceof Struct struct) || struct.schema() != schemas[i]) {
        return OFF_ROUTE;
      }
      current = struct.get(fields[i]);
    }
    return current;
  }
}
