package io.streametl.source.http.config;

import io.streametl.common.fieldpath.FieldPath;
import java.util.List;

/**
 * @param pointer JSON Pointer to the records array, with * segments as wildcards
 * @param keyFields the fields of the record key; empty for no key
 */
public record RecordsConfig(String pointer, List<FieldPath> keyFields, ValueFormat valueFormat) {}
