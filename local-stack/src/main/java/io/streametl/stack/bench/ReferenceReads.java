package io.streametl.stack.bench;

/**
 * The reads of the whole topic by consumers in the benchmark's JVM that are not part of a round.
 *
 * @param warmup the first raw pass (cold JIT and page cache), shown but used in no ratio
 * @param json every value parsed into a Jackson tree
 * @param jsonConverter every value decoded by Connect's JsonConverter with the sinks' settings
 * @param sinksConverterClass the class of the sinks' value converter
 * @param sinksConverter every value decoded by the sinks' own value converter (the same pass as
 *     {@code jsonConverter} when that is the sinks' converter)
 */
record ReferenceReads(PassResult warmup, PassResult json, PassResult jsonConverter,
    String sinksConverterClass, PassResult sinksConverter) {

  /** The simple name of the sinks' value converter, for labels. */
  String sinksConverterName() {
    return sinksConverterClass.substring(sinksConverterClass.lastIndexOf('.') + 1);
  }
}
