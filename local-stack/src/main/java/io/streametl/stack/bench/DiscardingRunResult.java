package io.streametl.stack.bench;

import java.util.OptionalDouble;

/** The discarding sink's read of the whole topic: end to end, and its middle rate. */
record DiscardingRunResult(Throughput throughput, OptionalDouble middlePerSecond) {}
