package io.streametl.stack.bench;

/**
 * The reads of the whole topic by consumers in the benchmark's JVM that are not part of a round.
 *
 * @param warmup the first raw pass (cold JIT and page cache), shown but used in no ratio
 * @param json every value parsed into a Jackson tree
 * @param converter every value decoded by Connect's JsonConverter as the sinks configure it
 */
record ReferenceReads(PassResult warmup, PassResult json, PassResult converter) {}
