package io.streametl.sink.state.dedup;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.sink.state.CanonicalEncoder;
import io.streametl.sink.state.RecordFields;
import io.streametl.sink.state.KeyHash;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;

/**
 * What identifies a record for dedup: its Kafka key, or the values at chosen field paths of its
 * value. The identity is encoded canonically ({@link CanonicalEncoder}) and hashed to 128 bits.
 *
 * <p>A record without an identity (a null key; a key field that is missing or null) is rejected
 * with a {@link DataException} rather than treated as a value: otherwise every such record would
 * count as a duplicate of the first one and be dropped. Not thread-safe (it reuses a buffer).
 */
public final class DedupKey {

  private final List<FieldPath> fields;
  private final CanonicalEncoder encoder = new CanonicalEncoder();

  private DedupKey(List<FieldPath> fields) {
    this.fields = List.copyOf(fields);
  }

  /** Identity = the record's key. */
  public static DedupKey recordKey() {
    return new DedupKey(List.of());
  }

  /** Identity = the values at these paths of the record's value; an empty list means the record key. */
  public static DedupKey fields(List<FieldPath> paths) {
    return new DedupKey(paths);
  }

  public boolean usesRecordKey() {
    return fields.isEmpty();
  }

  /** The key field paths; empty when the record key is used. */
  public List<FieldPath> fieldPaths() {
    return fields;
  }

  /**
   * The identity's hash.
   *
   * @throws DataException if the record has no identity (the message names the field, never values)
   */
  public KeyHash hash(Object recordKey, Object recordValue) {
    encoder.reset();
    if (usesRecordKey()) {
      if (recordKey == null) {
        throw new DataException("the record has no key, and dedup uses the record key; key the records by "
            + "their identity, or set the dedup key fields");
      }
      return encoder.value(recordKey, "the record key").hash();
    }
    encoder.tuple(fields.size());
    for (FieldPath path : fields) {
      FieldValue found = RecordFields.lookup(recordValue, path);
      if (!found.isPresent()) {
        throw new DataException("the dedup key field '" + path + "' is " + found.absenceReason());
      }
      if (found.isNull()) {
        throw new DataException("the dedup key field '" + path + "' is null; a record needs its whole key "
            + "to be deduplicated");
      }
      encoder.value(found.value(), "the dedup key field '" + path + "'");
    }
    return encoder.hash();
  }
}
