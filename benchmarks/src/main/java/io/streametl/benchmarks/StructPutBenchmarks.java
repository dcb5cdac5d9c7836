package io.streametl.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What Kafka Connect's {@code Struct.put} costs per record, and how much of it is the error text
 * that {@code ConnectSchema.validateValue(String, Schema, Object)} builds before every check
 * (docs/upstream-reports.md). Every converter that builds structs (JsonConverter, ours) and every
 * SMT that copies one calls {@code put} once per field. On the generator's event (10 fields, one
 * of them a 2-field struct):
 *
 * <ul>
 *   <li>{@code put}: a new {@code Struct} filled field by field, as a converter does;
 *   <li>{@code validateWithFieldName}: only the checks {@code put} makes, with the field's name, as
 *       {@code put} calls them;
 *   <li>{@code validateWithoutFieldName}: the same checks through the overload without a name,
 *       which passes a constant instead of building {@code field: "name"};
 *   <li>{@code readOnly}: the loop without any check, the floor.
 * </ul>
 *
 * <p>The two {@code validate} variants run the same type checks on the same values; their
 * difference is the text alone. Run with {@code -prof gc} for the bytes allocated per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StructPutBenchmarks {

  private static final int EVENTS = 1024;

  private List<Struct> events;
  private List<Field> fields;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    events = GeneratorEvents.events(EVENTS);
    fields = GeneratorEvents.VALUE.fields();
  }

  private Struct nextEvent() {
    Struct event = events.get(next);
    next = (next + 1) % EVENTS;
    return event;
  }

  @Benchmark
  public Struct put() {
    Struct event = nextEvent();
    Struct copy = new Struct(GeneratorEvents.VALUE);
    for (Field field : fields) {
      copy.put(field, event.get(field));
    }
    return copy;
  }

  @Benchmark
  public int validateWithFieldName() {
    Struct event = nextEvent();
    int checked = 0;
    for (Field field : fields) {
      ConnectSchema.validateValue(field.name(), field.schema(), event.get(field));
      checked++;
    }
    return checked;
  }

  @Benchmark
  public int validateWithoutFieldName() {
    Struct event = nextEvent();
    int checked = 0;
    for (Field field : fields) {
      ConnectSchema.validateValue(field.schema(), event.get(field));
      checked++;
    }
    return checked;
  }

  @Benchmark
  public Object[] readOnly() {
    Struct event = nextEvent();
    Object[] values = new Object[fields.size()];
    for (Field field : fields) {
      values[field.index()] = event.get(field);
    }
    return values;
  }
}
