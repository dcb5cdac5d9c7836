package io.streametl.common.fieldpath;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * {@link StructValueWriter#copyWith} worked out once for one source schema, one target schema and
 * a fixed list of top-level paths, for transforms that write the same fields into every record
 * (such as InsertMetadata). Per record it only reads each copied field by index and puts it:
 * no path tree, no name look-ups. The result is the same struct {@code copyWith} builds.
 *
 * <p>Only made where that sameness is plain ({@link #of}): every written path is a top-level field
 * of the target, no field is written twice, and every copied field has the same schema object in
 * source and target, as {@link StructSchemaExtender} leaves them. Elsewhere callers use
 * {@code copyWith}.
 */
public final class StructCopyPlan {

  private final Schema source;
  private final Schema target;
  /** Per target field: the source field copied into it, or null. */
  private final Field[] copiedFrom;
  /** Per target field: the index in the written values, or -1. */
  private final int[] writtenSlot;
  /** Per target field: whether a null in the source stays null rather than taking the default. */
  private final boolean[] keepsNull;

  private StructCopyPlan(Schema source, Schema target, Field[] copiedFrom, int[] writtenSlot, boolean[] keepsNull) {
    this.source = source;
    this.target = target;
    this.copiedFrom = copiedFrom;
    this.writtenSlot = writtenSlot;
    this.keepsNull = keepsNull;
  }

  /**
   * The plan for copying structs of {@code source} into {@code target} while writing {@code
   * written}, or empty where only {@link StructValueWriter#copyWith} gives the right result.
   */
  public static Optional<StructCopyPlan> of(Schema source, Schema target, List<FieldPath> written) {
    List<Field> targetFields = target.fields();
    Field[] copiedFrom = new Field[targetFields.size()];
    int[] writtenSlot = new int[targetFields.size()];
    boolean[] keepsNull = new boolean[targetFields.size()];
    Set<String> writtenNames = new HashSet<>();
    for (FieldPath path : written) {
      if (path.isNested() || !writtenNames.add(path.leaf()) || target.field(path.leaf()) == null) {
        return Optional.empty();
      }
    }
    for (Field field : targetFields) {
      int i = field.index();
      writtenSlot[i] = -1;
      for (int slot = 0; slot < written.size(); slot++) {
        if (written.get(slot).leaf().equals(field.name())) {
          writtenSlot[i] = slot;
        }
      }
      Field sourceField = source.field(field.name());
      if (writtenSlot[i] >= 0 || sourceField == null) {
        continue;
      }
      if (sourceField.schema() != field.schema()) {
        return Optional.empty(); // copyWith may reshape a nested struct here
      }
      copiedFrom[i] = sourceField;
      keepsNull[i] = sourceField.schema().defaultValue() != null && field.schema().isOptional();
    }
    return Optional.of(new StructCopyPlan(source, target, copiedFrom, writtenSlot, keepsNull));
  }

  /**
   * A struct of the target schema with {@code struct}'s fields and {@code values} at the written
   * paths, in the order the plan was made with.
   *
   * @throws IllegalArgumentException if {@code struct} is not of the plan's source schema (the
   *     same object)
   */
  public Struct copy(Struct struct, Object[] values) {
    if (struct.schema() != source) {
      throw new IllegalArgumentException("the struct's schema is not the one this plan was made for");
    }
    Struct copy = new Struct(target);
    List<Field> fields = target.fields();
    for (int i = 0; i < copiedFrom.length; i++) {
      if (writtenSlot[i] >= 0) {
        copy.put(fields.get(i), values[writtenSlot[i]]);
      } else if (copiedFrom[i] != null) {
        Field from = copiedFrom[i];
        // As copyWith: Struct.get applies the default; an optional target keeps a null as null.
        Object value = keepsNull[i] ? struct.getWithoutDefault(from.name()) : struct.get(from);
        copy.put(fields.get(i), value);
      }
    }
    return copy;
  }
}
