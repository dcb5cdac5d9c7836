package io.streametl.converter;

import io.streametl.common.Version;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;
import tools.jackson.core.json.JsonFactory;

/**
 * A drop-in for Connect's {@link JsonConverter}: the same configuration, the same bytes written,
 * the same values read, faster to read JsonConverter's envelope ({@code {"schema": {...},
 * "payload": ...}}).
 *
 * <p>JsonConverter parses every record whole into a JSON tree, schema included, and then hashes and
 * compares that schema tree against its cache to find the Connect schema. With the schemas of a
 * typical event taking two thirds of each record, most of the work repeats for every record. This
 * converter remembers the bytes of each envelope up to its payload together with the schema
 * JsonConverter decoded from them ({@link EnvelopePrefixes}); a record that starts with the same
 * bytes has the same schema, and only its payload is parsed, token by token, straight into Connect
 * values ({@link PayloadReader}).
 *
 * <p>Everything else goes to an inner JsonConverter configured with the same settings: writing,
 * records with a new prefix (whose schema it then learns), envelopes in another key order,
 * {@code schemas.enable=false}, a fixed {@code schema.content}, and any payload that is not plain
 * well-typed JSON. So odd or invalid input gets JsonConverter's own result or error message, and
 * no Jackson type ever crosses between this plugin's classes and the worker's.
 */
public class StreamingJsonConverter implements Converter, HeaderConverter, Versioned {

  /** The overview of the generated config page. */
  public static final String OVERVIEW_DOC =
      "A drop-in for Connect's org.apache.kafka.connect.json.JsonConverter, with the same settings:"
          + " it writes the same bytes and reads the same values, and reads JsonConverter's"
          + " schema envelope about four times faster. It remembers the bytes of each envelope up"
          + " to its payload with the schema JsonConverter decoded from them, and parses only the"
          + " payload of a record that starts with the same bytes. Everything else (writing, a new"
          + " schema, schemas.enable=false, schema.content, odd or invalid payloads) is done by an"
          + " inner JsonConverter, so results and error messages are JsonConverter's. Use it as"
          + " key.converter, value.converter or header.converter.";

  /** How many envelope prefixes (schemas) each converter remembers. */
  static final int PREFIXES = 32;

  private final JsonConverter delegate = new JsonConverter();
  private final JsonFactory factory = new JsonFactory();
  private final EnvelopeScanner scanner = new EnvelopeScanner(factory);
  private final PayloadReader payloads = new PayloadReader(factory);
  private final EnvelopePrefixes prefixes = new EnvelopePrefixes(PREFIXES);
  private final LearningThrottle throttle = new LearningThrottle();
  private boolean readsEnvelopes;
  private long fastReads;
  private long learns;

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public ConfigDef config() {
    return JsonConverterConfig.configDef();
  }

  @Override
  public void configure(Map<String, ?> configs) {
    delegate.configure(configs);
    JsonConverterConfig config = new JsonConverterConfig(configs);
    readsEnvelopes = config.schemasEnabled() && config.schemaContent() == null;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> withType = new HashMap<>(configs);
    withType.put(
        ConverterConfig.TYPE_CONFIG,
        isKey ? ConverterType.KEY.getName() : ConverterType.VALUE.getName());
    configure(withType);
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    return delegate.fromConnectData(topic, schema, value);
  }

  @Override
  public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
    return delegate.fromConnectData(topic, headers, schema, value);
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null || !readsEnvelopes) {
      return delegate.toConnectData(topic, value);
    }
    EnvelopePrefix prefix = prefixes.matching(value);
    throttle.count(prefix != null, prefixes.full());
    if (prefix != null) {
      try {
        Object payload = payloads.read(prefix.schema(), value, prefix.length());
        fastReads++;
        return new SchemaAndValue(prefix.schema(), payload);
      } catch (RuntimeException notPlain) {
        // Not the plain case (or not valid at all): JsonConverter decides, below.
      }
    }
    SchemaAndValue decoded = delegate.toConnectData(topic, value);
    if (prefix == null && decoded.schema() != null && throttle.learning()) {
      learn(value, decoded.schema());
    }
    return decoded;
  }

  private void learn(byte[] value, Schema schema) {
    int payloadStart = scanner.payloadStart(value);
    if (payloadStart > 0) {
      byte[] prefixBytes = new byte[payloadStart];
      System.arraycopy(value, 0, prefixBytes, 0, payloadStart);
      prefixes.learn(prefixBytes, schema);
      learns++;
    }
  }

  @Override
  public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
    return delegate.fromConnectHeader(topic, headerKey, schema, value);
  }

  @Override
  public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
    // As JsonConverter: a header's bytes are decoded like a record's.
    return toConnectData(topic, value);
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** How many records were read on the fast path, for tests. */
  long fastReads() {
    return fastReads;
  }

  /** How many prefixes were learnt (including ones learnt again), for tests. */
  long learns() {
    return learns;
  }

  /** The number of envelope prefixes learnt, for tests. */
  int learntPrefixes() {
    return prefixes.size();
  }
}
