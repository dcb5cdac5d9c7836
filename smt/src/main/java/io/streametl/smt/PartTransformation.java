package io.streametl.smt;

import io.streametl.common.Version;
import io.streametl.common.fieldpath.ValueTypes;
import java.util.Map;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * The template every transform of this bundle shares: it works on the key or the value (its
 * nested {@code Key} and {@code Value} classes only pass a {@link RecordPart}), and
 * {@link #apply} is written once, dispatching on what the part holds:
 *
 * <ol>
 *   <li>{@code null} (a tombstone, or a null key): {@link #applyToNull}, by default unchanged;
 *   <li>a {@code Struct}: {@link #applyToStruct};
 *   <li>a schemaless {@code Map}: {@link #applyToMap} (a Map with a MAP schema only where the
 *       transform {@linkplain #readsOnly() only reads});
 *   <li>anything else: {@link #applyToOther}, by default a {@link DataException} that says what
 *       the part holds by type, never by content.
 * </ol>
 *
 * @param <R> the record type
 */
public abstract class PartTransformation<R extends ConnectRecord<R>>
    implements Transformation<R>, Versioned {

  private final RecordPart part;

  protected PartTransformation(RecordPart part) {
    this.part = part;
  }

  @Override
  public final R apply(R record) {
    Object data = part.data(record);
    if (data == null) {
      return applyToNull(record);
    }
    if (data instanceof Struct) {
      return applyToStruct(record, (Struct) data);
    }
    if (data instanceof Map) {
      if (part.schema(record) != null && !readsOnly()) {
        throw new DataException(
            name() + ": record " + part.word() + " is a map with a MAP schema; only a Struct or a"
                + " schemaless Map can be " + purpose() + "; check the " + part.word()
                + " converter");
      }
      return applyToMap(record, asStringKeyed(data));
    }
    return applyToOther(record, data);
  }

  /** A record whose part is {@code null}; passes unchanged unless a transform says otherwise. */
  protected R applyToNull(R record) {
    return record;
  }

  protected abstract R applyToStruct(R record, Struct data);

  protected abstract R applyToMap(R record, Map<String, Object> data);

  /** A part that is neither null, a Struct nor a Map: fails unless a transform handles it. */
  protected R applyToOther(R record, Object data) {
    throw notStructOrMap(data);
  }

  /**
   * Whether this transform only reads the part (validators, predicates), so a Map with a MAP
   * schema can be read like a schemaless one; transforms that write fields return false.
   */
  protected boolean readsOnly() {
    return false;
  }

  /** What a record becomes through this transform, for messages: "validated", "enriched". */
  protected abstract String purpose();

  /** The part this variant works on. */
  protected final RecordPart part() {
    return part;
  }

  /** {@code record} with this variant's part replaced. */
  protected final R withData(R record, Schema schema, Object data) {
    return part.withData(record, schema, data);
  }

  /**
   * The transform's name for messages and headers: the class enclosing the {@code Key} or
   * {@code Value} variant (ValidateFields, not ValidateFields$Value).
   */
  public final String name() {
    Class<?> enclosing = getClass().getEnclosingClass();
    return (enclosing != null ? enclosing : getClass()).getSimpleName();
  }

  protected final DataException notStructOrMap(Object data) {
    return new DataException(
        name() + ": record " + part.word() + " is "
            + ValueTypes.withArticle(ValueTypes.describe(data)) + ", not a Struct or Map, so it"
            + " cannot be " + purpose() + "; check the " + part.word() + " converter");
  }

  @Override
  public String version() {
    return Version.get();
  }

  @SuppressWarnings("unchecked") // Connect's schemaless values are maps keyed by field name
  private static Map<String, Object> asStringKeyed(Object data) {
    return (Map<String, Object>) data;
  }
}
