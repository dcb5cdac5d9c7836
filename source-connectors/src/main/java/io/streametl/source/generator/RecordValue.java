package io.streametl.source.generator;

import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.connect.data.Schema;

/**
 * A record value and its schema as the generator emits them.
 *
 * <p>Equality compares byte arrays by content, so the values of the {@code json} format compare
 * as equal when their bytes are.
 *
 * @param schema the value schema; {@code null} for a schemaless map
 * @param value a {@code Struct}, a {@code Map}, a {@code String} or a {@code byte[]}
 */
public record RecordValue(Schema schema, Object value) {

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordValue that
        && Objects.equals(schema, that.schema)
        && Objects.deepEquals(value, that.value);
  }

  @Override
  public int hashCode() {
    int valueHash = value instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(value);
    return 31 * Objects.hashCode(schema) + valueHash;
  }

  @Override
  public String toString() {
    // Generated data only, so printing it is safe and helps test failure messages.
    Object shown = value instanceof byte[] bytes ? bytes.length + " bytes" : value;
    return "RecordValue{schema=" + (schema == null ? "none" : schema.type()) + ", value=" + shown + "}";
  }
}
