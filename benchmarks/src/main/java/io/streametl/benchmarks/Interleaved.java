package io.streametl.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Side-by-side comparisons for a shared, busy machine: the candidates of each comparison run in
 * alternating batches in one thread, each batch timed in that thread's CPU time, so other
 * processes taking the cores slow every candidate alike instead of whichever JMH ran at that
 * moment. It complements the JMH figures; it is not a replacement for them on a quiet machine.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.streametl.benchmarks.Interleaved}
 */
public final class Interleaved {

  private static final int CALLS_PER_BATCH = 2_000;
  private static final int WARMUP_ROUNDS = 150;
  private static final int ROUNDS = 60;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile int sink;

  private Interleaved() {}

  public static void main(String[] args) throws java.io.IOException {
    boolean onlyTransforms = args.length > 0 && args[0].equals("transforms");
    for (String form : List.of("struct", "map")) {
      TransformBenchmarks each = new TransformBenchmarks();
      each.form = form;
      each.setUp();
      Map<String, Supplier<Object>> transforms = new LinkedHashMap<>();
      transforms.put("validateFields", each::validateFields);
      transforms.put("validateJsonSchema", each::validateJsonSchema);
      transforms.put("parseTimestamps", each::parseTimestamps);
      transforms.put("insertMetadata", each::insertMetadata);
      transforms.put("headerToField", each::headerToField);
      transforms.put("fieldToHeader", each::fieldToHeader);
      transforms.put("lookupFile", each::lookupFile);
      transforms.put("deriveEventId", each::deriveEventId);
      transforms.put("protectFields", each::protectFields);
      transforms.put("fieldEqualsPredicate", each::fieldEqualsPredicate);
      compare("each transform, " + form, transforms);
      each.tearDown();
      if (onlyTransforms) {
        continue;
      }
      ChainBenchmarks chains = new ChainBenchmarks();
      chains.form = form;
      chains.setUp();
      Map<String, Supplier<Object>> chainCandidates = new LinkedHashMap<>();
      chainCandidates.put("builtInChain", chains::builtInChain);
      chainCandidates.put("validateEnrichChain", chains::validateEnrichChain);
      chainCandidates.put("validateEnrichIdHashChain", chains::validateEnrichIdHashChain);
      chainCandidates.put("demoChain", chains::demoChain);
      compare("chains, " + form, chainCandidates);
      chains.tearDown();

      JsonSchemaBenchmarks schema = new JsonSchemaBenchmarks();
      schema.form = form;
      schema.setUp();
      Map<String, Supplier<Object>> schemaCandidates = new LinkedHashMap<>();
      schemaCandidates.put("oursValid", schema::oursValid);
      schemaCandidates.put("peerFromTextValid", schema::peerFromTextValid);
      schemaCandidates.put("peerFromConnectValueValid", schema::peerFromConnectValueValid);
      schemaCandidates.put("oursInvalid", schema::oursInvalid);
      schemaCandidates.put("peerFromTextInvalid", schema::peerFromTextInvalid);
      schemaCandidates.put("peerFromConnectValueInvalid", schema::peerFromConnectValueInvalid);
      compare("JSON Schema, " + form, schemaCandidates);
      schema.tearDown();
    }
  }

  private static void compare(String title, Map<String, Supplier<Object>> candidates) {
    List<String> names = new ArrayList<>(candidates.keySet());
    Map<String, double[]> samples = new LinkedHashMap<>();
    names.forEach(n -> samples.put(n, new double[ROUNDS]));
    for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      for (String name : names) {
        double nsPerCall = batch(candidates.get(name));
        if (round >= 0) {
          samples.get(name)[round] = nsPerCall;
        }
      }
    }
    System.out.println("## " + title + " (thread CPU ns per record, " + ROUNDS + " interleaved batches of "
        + CALLS_PER_BATCH + ")");
    for (String name : names) {
      double[] sorted = samples.get(name).clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%-28s median %9.0f   p10 %9.0f   p90 %9.0f%n", name,
          sorted[ROUNDS / 2], sorted[ROUNDS / 10], sorted[ROUNDS * 9 / 10]);
    }
  }

  private static double batch(Supplier<Object> candidate) {
    int hash = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < CALLS_PER_BATCH; i++) {
      Object result = candidate.get();
      hash += System.identityHashCode(result);
    }
    long cpu = THREADS.getCurrentThreadCpuTime() - start;
    sink += hash;
    return (double) cpu / CALLS_PER_BATCH;
  }
}
