package io.streametl.sink.state.dedup;

/** Receives dedup entries: a 128-bit key hash and the entry's time (see {@link StateTimes}). */
@FunctionalInterface
interface EntryVisitor {
  void accept(long high, long low, int time);
}
