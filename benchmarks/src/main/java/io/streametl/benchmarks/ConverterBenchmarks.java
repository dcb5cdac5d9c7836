package io.streametl.benchmarks;

import io.streametl.converter.StreamingJsonConverter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading records written by JsonConverter with schemas (the envelope every sink on such a topic
 * decodes before its put()): Connect's JsonConverter against our StreamingJsonConverter, on the
 * ~1 KB event of {@link Events} with its decimal written both ways. {@code schemas=1}: every
 * record has the same schema, the usual topic. {@code schemas=16}: records cycle through 16
 * versions of the schema, which StreamingJsonConverter all remembers. {@code schemas=64}: twice as
 * many as it remembers, its worst case, where it stops learning.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConverterBenchmarks {

  @Param({"NUMERIC", "BASE64"})
  public String decimalFormat;

  @Param({"1", "16", "64"})
  public int schemas;

  private byte[][] records;
  private int next;
  private JsonConverter jsonConverter;
  private StreamingJsonConverter streamingConverter;

  @Setup(Level.Trial)
  public void setUp() {
    Map<String, String> config = Map.of("decimal.format", decimalFormat);
    jsonConverter = new JsonConverter();
    jsonConverter.configure(config, false);
    streamingConverter = new StreamingJsonConverter();
    streamingConverter.configure(config, false);
    records = new byte[schemas][];
    for (int i = 0; i < schemas; i++) {
      Schema version = version(i);
      Struct value = new Struct(version);
      Struct event = Events.struct();
      for (Field field : Events.EVENT.fields()) {
        value.put(field.name(), event.get(field));
      }
      records[i] = jsonConverter.fromConnectData(Events.TOPIC, version, value);
    }
    for (byte[] record : records) {
      SchemaAndValue expected = jsonConverter.toConnectData(Events.TOPIC, record);
      streamingConverter.toConnectData(Events.TOPIC, record);
      if (!expected.equals(streamingConverter.toConnectData(Events.TOPIC, record))) {
        throw new IllegalStateException("the converters disagree on a benchmark record");
      }
    }
  }

  /** The event's schema; version i > 0 differs by its version number, at the envelope's end. */
  private static Schema version(int i) {
    if (i == 0) {
      return Events.EVENT;
    }
    SchemaBuilder builder = SchemaBuilder.struct().name(Events.EVENT.name()).version(i);
    Events.EVENT.fields().forEach(field -> builder.field(field.name(), field.schema()));
    return builder.build();
  }

  private byte[] nextRecord() {
    byte[] record = records[next];
    next = next + 1 == records.length ? 0 : next + 1;
    return record;
  }

  @Benchmark
  public SchemaAndValue jsonConverter() {
    return jsonConverter.toConnectData(Events.TOPIC, nextRecord());
  }

  @Benchmark
  public SchemaAndValue streamingJsonConverter() {
    return streamingConverter.toConnectData(Events.TOPIC, nextRecord());
  }
}
