package io.streametl.source.http.config;

import io.streametl.common.config.EnumChoices;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The endpoint settings of the "Records" group: where the records are and what they become. */
final class RecordSettings {

  static final String GROUP = "Endpoint records";

  static final String POINTER = "records.pointer";
  static final String KEY_FIELDS = "key.fields";
  static final String VALUE_FORMAT = "value.format";

  private RecordSettings() {}

  static void define(ConfigDef def) {
    int order = 0;
    def.define(POINTER, Type.STRING, "", Validators.pointer(), Importance.HIGH,
        "Where the records are in the response body: a JSON Pointer (RFC 6901) to an array, or"
            + " empty when the body is the array. A segment * stands for every element of an"
            + " array (or every value of an object) on the way, so /data/*/items collects the"
            + " items arrays of all elements of data into one list of records. JSON null there"
            + " is an empty page; anything else that is not an array is a bad response.",
        GROUP, ++order, Width.MEDIUM, "Records pointer");
    def.define(KEY_FIELDS, Type.LIST, "", FieldPathValidator.list(), Importance.HIGH,
        "The record fields that make up the record key, as field paths (dots for nested"
            + " fields, backticks around names with dots). One field: its value as a string key;"
            + " several: a Struct (or Map) of them. Empty: records have no key. A record without"
            + " a key field is a bad record. Also the record's identity for deduplication.",
        GROUP, ++order, Width.MEDIUM, "Key fields");
    def.define(VALUE_FORMAT, Type.STRING, EnumChoices.value(ValueFormat.STRUCT),
        EnumChoices.validator(ValueFormat.class), Importance.MEDIUM,
        "'struct': a Struct whose schema is inferred from the records and only ever gains"
            + " optional fields (every field is optional, so records that lack a field still fit)."
            + " 'map': a schemaless Map, for JsonConverter with schemas.enable=false. 'json': the"
            + " record's JSON as UTF-8 bytes (BYTES schema), for ByteArrayConverter: the cheapest"
            + " way to Kafka when the consumers read JSON. Keys of several fields are a Struct with"
            + " 'struct', a Map otherwise.",
        GROUP, ++order, Width.SHORT, "Value format");
  }

  static RecordsConfig parse(AbstractConfig config) {
    return new RecordsConfig(
        config.getString(POINTER),
        FieldPath.parseAll(config.getList(KEY_FIELDS)),
        EnumChoices.parse(ValueFormat.class, config.getString(VALUE_FORMAT)));
  }
}
