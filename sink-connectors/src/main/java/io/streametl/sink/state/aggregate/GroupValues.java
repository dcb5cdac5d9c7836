package io.streametl.sink.state.aggregate;

import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.ValueTypes;
import io.streametl.sink.state.RecordFields;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads a record's group-by values, normalised so that values equal by {@link
 * io.streametl.sink.state.CanonicalEncoder} also look alike in the partial rows (an int32 5 and
 * an int64 5 both become {@code 5L}), whichever record of the cycle came first.
 */
final class GroupValues {

  private GroupValues() {}

  static Object[] read(List<GroupColumn> groupBy, Object recordValue) {
    Object[] values = new Object[groupBy.size()];
    for (int i = 0; i < values.length; i++) {
      FieldValue found = RecordFields.lookup(recordValue, groupBy.get(i).path());
      values[i] = found.isPresent() ? normalize(found.value(), groupBy.get(i)) : null;
    }
    return values;
  }

  static Object normalize(Object value, GroupColumn column) {
    if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigDecimal d) {
      BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
      return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
    if (value instanceof BigInteger i) {
      return i.bitLength() < 64 ? (Object) i.longValue() : new BigDecimal(i);
    }
    if (value instanceof Date d) {
      return new Date(d.getTime());
    }
    if (value instanceof byte[] b) {
      return b.clone();
    }
    if (value instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    String type = value instanceof Struct || value instanceof Map || value instanceof List
        ? ValueTypes.describe(value) : value.getClass().getSimpleName();
    throw new DataException("the group-by field '" + column.path() + "' holds " + ValueTypes.withArticle(type)
        + "; group by its scalar fields instead");
  }
}
