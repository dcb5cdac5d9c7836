package io.streametl.smt.lookup;

import java.util.Map;

/** Reference rows by key, as {@link Lookup} reads them; implementations keep them current. */
interface ReferenceTable extends AutoCloseable {

  /** The row with this key (column to value, values may be null), or {@code null} if none. */
  Map<String, String> row(String key);

  /** What the data comes from, for messages: "file plans.csv", "topic plans". */
  String describe();

  @Override
  void close();
}
