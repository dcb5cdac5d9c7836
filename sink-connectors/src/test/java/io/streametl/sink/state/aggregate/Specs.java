package io.streametl.sink.state.aggregate;

import io.streametl.common.fieldpath.FieldPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Aggregation specs and event values for the aggregation tests. */
final class Specs {

  private Specs() {}

  static AggregationSpec spec(String window, List<String> groupBy, List<String> metrics, Duration lateness,
      Duration delay) {
    List<GroupColumn> groups = new ArrayList<>();
    groupBy.forEach(g -> groups.add(GroupColumn.parse(g)));
    return new AggregationSpec("test", WindowSpec.parse(window), FieldPath.parse("ts"), groups,
        MetricSpec.parseAll(metrics), lateness, delay, TooLatePolicy.DEAD_LETTER, Optional.empty());
  }

  static Map<String, Object> event(long ts, Object... fieldsAndValues) {
    Map<String, Object> value = new HashMap<>();
    value.put("ts", ts);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      value.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return value;
  }
}
