package io.streametl.stack.bench;

import java.time.Duration;

/**
 * The throughput topic once filled.
 *
 * @param distinctKeys distinct record keys (event ids) seen, by 64-bit hash
 * @param elapsed from creating the generator until the last record was readable (read_committed)
 */
record FillResult(long records, long distinctKeys, Duration elapsed) {}
