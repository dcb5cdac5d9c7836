package io.streametl.converter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** Connect values in a form whose equals() compares everything, byte arrays by content. */
final class ConnectValues {

  private ConnectValues() {}

  static Object comparable(Object value) {
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    if (value instanceof Struct struct) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("(schema)", struct.schema());
      for (Field field : struct.schema().fields()) {
        // Without the default: get() would hide whether the default or a null was stored.
        fields.put(field.name(), comparable(struct.getWithoutDefault(field.name())));
      }
      return fields;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(element -> copy.add(comparable(element)));
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new HashMap<>();
      map.forEach((k, v) -> copy.put(comparable(k), comparable(v)));
      return copy;
    }
    // Boxed numbers compare by type and value (Integer 1 is not Long 1), BigDecimal by scale too.
    return value;
  }
}
