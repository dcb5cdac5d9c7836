package io.streametl.sink;

import io.streametl.sink.state.dedup.DedupClock;
import io.streametl.sink.state.dedup.DedupKey;
import java.time.Duration;

/**
 * How the sink drops duplicates: which identity (the record key or chosen fields), which clock
 * (the Kafka record timestamp or an event-time field), how long a key is remembered, and after
 * how many delta files a partition's state is rewritten as one base file.
 */
record DedupSettings(DedupKey key, DedupClock clock, Duration ttl, int compactAfterFiles) {}
