package io.streametl.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.iceberg.transforms.Transforms;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SerializableFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Iceberg's {@code day} partition transform on a timestamp, which every row of a table
 * partitioned by {@code day(event_time)} goes through (docs/upstream-reports.md), against the
 * same day computed as {@code Math.floorDiv(micros, micros per day)}. Iceberg's
 * {@code DateTimeUtil.convertMicros} builds an {@code OffsetDateTime} through
 * {@code Instant.atOffset(ZoneOffset.UTC)} and counts days with {@code ChronoUnit.DAYS.between};
 * on Java 17 {@code ZoneOffset.getRules()} also builds a new {@code ZoneRules} each call. Run on
 * each JDK with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DayTransformBenchmarks {

  private static final long MICROS_PER_DAY = 86_400_000_000L;
  /** 2025-11-21, then 5 ms apart, as the generator's event times. */
  private static final long START_MICROS = 1_763_700_000_000_000L;

  private SerializableFunction<Long, Integer> day;
  private long next;

  @Setup(Level.Trial)
  public void setUp() {
    day = Transforms.<Long>day().bind(Types.TimestampType.withZone());
    for (long micros = START_MICROS - 3 * MICROS_PER_DAY; micros < START_MICROS + 3 * MICROS_PER_DAY; micros += 3_600_000_000L) {
      if (day.apply(micros) != (int) Math.floorDiv(micros, MICROS_PER_DAY)) {
        throw new IllegalStateException("Iceberg's day transform and floorDiv disagree at " + micros);
      }
    }
  }

  private long nextMicros() {
    next = (next + 5_000) % MICROS_PER_DAY;
    return START_MICROS + next;
  }

  @Benchmark
  public Integer icebergDayTransform() {
    return day.apply(nextMicros());
  }

  @Benchmark
  public int floorDiv() {
    return (int) Math.floorDiv(nextMicros(), MICROS_PER_DAY);
  }
}
