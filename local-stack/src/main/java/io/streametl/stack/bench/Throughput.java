package io.streametl.stack.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Records and bytes moved in some time. MB are 10^6 bytes.
 *
 * @param bytes the topic's value bytes behind those records (keys and headers not counted)
 */
public record Throughput(long records, long bytes, Duration elapsed) {

  public Throughput {
    if (records < 0 || bytes < 0) {
      throw new IllegalArgumentException("Records and bytes cannot be negative");
    }
    if (elapsed.isNegative() || elapsed.isZero()) {
      throw new IllegalArgumentException("A throughput needs a positive time, got " + elapsed);
    }
  }

  public double seconds() {
    return elapsed.toNanos() / 1e9;
  }

  public double recordsPerSecond() {
    return records / seconds();
  }

  public double megabytesPerSecond() {
    return bytes / 1e6 / seconds();
  }

  /** For example {@code 24,310 records/s, 26.1 MB/s (1,000,000 records in 41.1 s)}. */
  public String describe() {
    return String.format(Locale.ROOT, "%,.0f records/s, %.1f MB/s (%,d records in %.1f s)",
        recordsPerSecond(), megabytesPerSecond(), records, seconds());
  }
}
