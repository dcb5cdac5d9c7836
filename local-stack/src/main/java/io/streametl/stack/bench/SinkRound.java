package io.streametl.stack.bench;

/**
 * One round of the throughput comparison: a raw read of the topic, the discarding sink on the
 * workers, then both sinks one after the other (the stock sink first in odd rounds, ours first in
 * even rounds), each on a new table.
 */
record SinkRound(int round, PassResult raw, DiscardingRunResult discarding, SinkRunResult stock,
    CpuUse stockCpu, SinkRunResult ours, CpuUse oursCpu) {

  boolean stockFirst() {
    return round % 2 == 1;
  }
}
