package io.streametl.source.http;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** What tests read from emitted records. */
final class Records {

  private Records() {}

  /** The "id" of each data record's value (Struct or Map), as a long. */
  static List<Long> ids(List<SourceRecord> records) {
    return records.stream().filter(r -> !r.topic().endsWith("-errors")).map(Records::id)
        .collect(Collectors.toList());
  }

  static long id(SourceRecord record) {
    Object value = record.value();
    if (value instanceof Struct) {
      return ((Struct) value).getInt64("id");
    }
    return ((Number) ((Map<?, ?>) value).get("id")).longValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> offset(SourceRecord record) {
    return (Map<String, Object>) record.sourceOffset();
  }

  static List<Long> range(long fromInclusive, long toInclusive) {
    return java.util.stream.LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
  }
}
