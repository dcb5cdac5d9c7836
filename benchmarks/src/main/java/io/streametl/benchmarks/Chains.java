package io.streametl.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** A transform chain run the way Connect runs one, predicates included. */
final class Chains {

  private final List<Transformation<SinkRecord>> transforms = new ArrayList<>();
  private final List<Predicate<SinkRecord>> predicates = new ArrayList<>();

  Chains add(Transformation<SinkRecord> transform, Map<String, ?> props) {
    return add(transform, props, null);
  }

  /** Adds a transform that runs only for records the predicate holds for (like Connect's). */
  Chains add(Transformation<SinkRecord> transform, Map<String, ?> props, Predicate<SinkRecord> predicate) {
    transform.configure(props);
    transforms.add(transform);
    predicates.add(predicate);
    return this;
  }

  SinkRecord apply(SinkRecord record) {
    SinkRecord current = record;
    for (int i = 0; i < transforms.size() && current != null; i++) {
      Predicate<SinkRecord> predicate = predicates.get(i);
      if (predicate == null || predicate.test(current)) {
        current = transforms.get(i).apply(current);
      }
    }
    return current;
  }

  void close() {
    transforms.forEach(Transformation::close);
    predicates.stream().filter(p -> p != null).forEach(Predicate::close);
  }

  static <P extends Predicate<SinkRecord>> P configured(P predicate, Map<String, ?> props) {
    predicate.configure(props);
    return predicate;
  }
}
