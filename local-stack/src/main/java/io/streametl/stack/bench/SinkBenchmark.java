package io.streametl.stack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.StackLayout;
import io.streametl.stack.bench.discard.DiscardingSinkPlugin;
import io.streametl.stack.iceberg.IcebergCatalogOptions;
import io.streametl.stack.iceberg.LocalIcebergCatalog;
import io.streametl.stack.jmx.WorkerJmx;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * {@code streametl bench-sink}: our dedup/aggregate sink against the stock Apache Iceberg sink and
 * a raw consumer, in one run on one machine and one topic (DESIGN.md, decision 10).
 *
 * <ol>
 *   <li>The generator fills a topic once (valid events, 5 % duplicates).
 *   <li>Consumers in this JVM read it all: parsing JSON, decoding with Connect's JsonConverter
 *       and with the sinks' own converter, under the sinks' converter settings.
 *   <li>Rounds: a raw consumer reads it all (the limit); a sink that drops every record reads it
 *       through our sink's converters and SMTs on the workers (the limit for our sink's pipeline
 *       there); the stock sink reads it into a new table; then, not at the same time, our sink
 *       (the stock sink and ours the other way round in even rounds).
 *   <li>Freshness: each sink in turn consumes a live topic written at a fixed rate.
 * </ol>
 *
 * Prints progress and a report, and writes the report to {@code <data-dir>/bench-sink-report.md}.
 * Judges nothing beyond printing the goals' verdicts.
 */
public final class SinkBenchmark {

  static final String TOPIC = "bench-events";
  static final String FILL_GENERATOR = "bench-fill-generator";
  static final String STOCK = "bench-stock-iceberg";
  static final String OURS = "bench-streametl-iceberg";
  static final String DISCARDING = "bench-discarding";
  static final String STOCK_TABLE = BenchCatalog.table("stock_events");
  static final String OUR_TABLE = BenchCatalog.table("streametl_events");
  static final String REPORT_FILE = "bench-sink-report.md";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchSettings settings;
  private final PrintStream out;

  public SinkBenchmark(BenchSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public BenchReport run() {
    Instant startedAt = Instant.now();
    MachineInfo machine = MachineInfo.current();
    // Read every config before starting anything: a typo should cost a second, not a minute.
    ConnectorConfigFile generatorFile = load(GeneratorConfigs.FILE);
    ConnectorConfigFile oursFile = load(SinkConfigs.OURS_FILE);
    ConnectorConfigFile stockFile = load(SinkConfigs.STOCK_FILE);
    out.println("Machine: " + machine.describe() + "; load average " + MachineInfo.loadAverage());

    new StackLayout(settings.dataDir()).reset();
    Path discardingSink = DiscardingSinkPlugin.writeJar(settings.dataDir().resolve("bench-plugins"));
    out.println("Starting a Kafka broker and 2 Connect workers in " + settings.dataDir() + " ...");
    try (LocalStack stack = LocalStack.builder()
        .dataDir(settings.dataDir())
        .kafkaLibs(settings.kafkaLibs())
        .bundleZip(settings.bundleZip())
        .additionalPlugin(discardingSink)
        .workerProperties(settings.workerOverrides())
        .workers(2)
        .build()
        .start()) {
      out.println("Stack started in " + stack.startupTimes().describe());
      IcebergCatalogOptions catalogOptions = IcebergCatalogOptions.defaults(settings.dataDir());
      BenchCatalog.prepare(catalogOptions);
      try (BenchTopics topics = new BenchTopics(stack.bootstrapServers());
          LocalIcebergCatalog catalog = LocalIcebergCatalog.open(catalogOptions);
          WorkerJmx jmx = new WorkerJmx()) {
        DiscardingSinkRun discarding = new DiscardingSinkRun(stack.rest(), jmx,
            () -> stack.workers().stream().map(ConnectWorker::pid).toList(), out);
        Run run = new Run(stack, topics, catalog, catalogOptions, discarding,
            new PhaseRecorder(new CpuMeter(stack), out));
        BenchReport report = run.measure(startedAt, machine, generatorFile, oursFile, stockFile);
        String markdown = report.markdown();
        out.println();
        out.print(markdown);
        Path file = settings.dataDir().resolve(REPORT_FILE);
        write(file, markdown);
        out.println();
        out.println("Report written to " + file);
        return report;
      }
    }
  }

  /** The phases on a started stack. */
  private final class Run {
    private final ConnectRestClient rest;
    private final String bootstrap;
    private final BenchTopics topics;
    private final LocalIcebergCatalog catalog;
    private final IcebergCatalogOptions catalogOptions;
    private final DiscardingSinkRun discarding;
    private final PhaseRecorder phases;

    Run(LocalStack stack, BenchTopics topics, LocalIcebergCatalog catalog,
        IcebergCatalogOptions catalogOptions, DiscardingSinkRun discarding, PhaseRecorder phases) {
      this.rest = stack.rest();
      this.bootstrap = stack.bootstrapServers();
      this.topics = topics;
      this.catalog = catalog;
      this.catalogOptions = catalogOptions;
      this.discarding = discarding;
      this.phases = phases;
    }

    BenchReport measure(Instant startedAt, MachineInfo machine, ConnectorConfigFile generatorFile,
        ConnectorConfigFile oursFile, ConnectorConfigFile stockFile) {
      long events = settings.events();
      phases.begin("1/5 fill topic " + TOPIC + " with " + events + " events");
      ConnectorConfigFile generator = GeneratorConfigs.fill(generatorFile, FILL_GENERATOR, TOPIC,
          events, settings.partitions(), System.currentTimeMillis() - events);
      long distinct = ExpectedRows.distinctValid(generator.config());
      FillResult fill = fill(generator, distinct);
      phases.end("fill (generator on the workers)", events);

      phases.begin("2/5 reference consumers in this JVM read the whole topic");
      PassResult warmup = TopicReadPass.read(bootstrap, TOPIC, TopicReadPass.COUNT_ONLY);
      out.println("  warm-up raw pass: " + warmup.throughput().describe());
      PassResult json = TopicReadPass.read(bootstrap, TOPIC, JSON::readTree);
      out.println("  consumer + Jackson readTree: " + json.throughput().describe());
      Map<String, String> ourSettings = ourConfig(oursFile, 1).config();
      PassResult jsonConverter = TopicReadPass.read(bootstrap, TOPIC,
          ConverterVisitor.jsonConverter(TOPIC, ourSettings));
      out.println("  consumer + JsonConverter: " + jsonConverter.throughput().describe());
      String sinksConverterClass = ConverterVisitor.converterClass(ourSettings);
      PassResult sinksConverter = jsonConverter;
      if (!sinksConverterClass.equals(JsonConverter.class.getName())) {
        sinksConverter = TopicReadPass.read(bootstrap, TOPIC,
            ConverterVisitor.sinksConverter(TOPIC, ourSettings));
        out.println("  consumer + " + sinksConverterClass + ": "
            + sinksConverter.throughput().describe());
      }
      ReferenceReads reads = new ReferenceReads(warmup, json, jsonConverter, sinksConverterClass,
          sinksConverter);
      phases.end("reference consumers (bench JVM)", 0);

      List<SinkRound> rounds = new ArrayList<>();
      for (int round = 1; round <= settings.rounds(); round++) {
        rounds.add(round(round, oursFile, stockFile, distinct));
      }
      ConnectorConfigFile lastOurs = ourConfig(oursFile, settings.rounds());
      String lastOurTable = lastOurs.config().get("iceberg.table");
      long aggregateRows = SinkConfigs.aggregateTables(lastOurs).stream()
          .mapToLong(table -> catalog.committedRecords(table).orElse(0)).sum();
      long stateBytes = StateFiles.bytes(catalog.table(lastOurTable).orElseThrow().location(),
          lastOurs.name());

      Optional<FreshnessResult> stockFresh = Optional.empty();
      Optional<FreshnessResult> oursFresh = Optional.empty();
      if (settings.measuresFreshness()) {
        FreshnessPhase freshness = new FreshnessPhase(settings, topics,
            new FreshnessRun(rest, topics, catalogOptions, catalog, bootstrap, out));
        String live = " live at " + settings.freshnessRate() + " events/s for "
            + settings.freshnessDuration().toSeconds() + " s";
        phases.begin("5/5 freshness: stock sink," + live);
        stockFresh = Optional.of(freshness.stock(generatorFile, stockFile, oursFile));
        out.println("  " + stockFresh.get().byCommitTime().describe("rows"));
        phases.end("freshness, stock sink (+ generator)", 0);
        phases.begin("5/5 freshness: our sink," + live);
        oursFresh = Optional.of(freshness.ours(generatorFile, oursFile));
        out.println("  " + oursFresh.get().byCommitTime().describe("rows"));
        phases.end("freshness, our sink (+ generator)", 0);
      }

      return new BenchReport(startedAt, machine, settings, fill, distinct,
          reads, rounds, aggregateRows, stateBytes,
          stockFresh, oursFresh, phases.phases());
    }

    /**
     * A raw read, the discarding sink, then both sinks alone, the stock sink first in odd rounds,
     * ours in even ones.
     */
    private SinkRound round(int round, ConnectorConfigFile oursFile, ConnectorConfigFile stockFile,
        long distinct) {
      long events = settings.events();
      out.println("== 3-4/5 round " + round + " of " + settings.rounds());
      PassResult raw = TopicReadPass.read(bootstrap, TOPIC, TopicReadPass.COUNT_ONLY);
      out.println("  raw consumer: " + raw.throughput().describe());
      ConnectorConfigFile ours = ourConfig(oursFile, round);
      String discardingLabel = "discarding sink, round " + round;
      phases.begin(discardingLabel + " (alone)");
      DiscardingRunResult discarded = discarding.run(discardingLabel,
          SinkConfigs.discarding(ours, DISCARDING + "-r" + round), raw,
          timeout(Duration.ofMinutes(10), events, 500));
      out.println("  " + discardingLabel + ": " + discarded.throughput().describe());
      phases.end(discardingLabel, events);
      String stockName = STOCK + "-r" + round;
      ConnectorConfigFile stock = SinkConfigs.stock(stockFile, ours, stockName, TOPIC,
          STOCK_TABLE + "_r" + round, settings.tasks(), settings.commitInterval());
      topics.create(SinkConfigs.controlTopic(stockName), 1);
      SinkTurn stockTurn = new SinkTurn("stock sink, round " + round, stock,
          stock.config().get("iceberg.tables"), events, raw);
      SinkTurn ourTurn = new SinkTurn("our sink, round " + round, ours,
          ours.config().get("iceberg.table"), distinct, raw);
      if (round % 2 == 1) {
        stockTurn.run();
        ourTurn.run();
      } else {
        ourTurn.run();
        stockTurn.run();
      }
      return new SinkRound(round, raw, discarded, stockTurn.result, stockTurn.cpu, ourTurn.result,
          ourTurn.cpu);
    }

    /** One sink reading the whole topic alone, as a phase of its own. */
    private final class SinkTurn {
      private final String label;
      private final ConnectorConfigFile config;
      private final String table;
      private final long expectedRows;
      private final PassResult input;
      private SinkRunResult result;
      private CpuUse cpu;

      SinkTurn(String label, ConnectorConfigFile config, String table, long expectedRows,
          PassResult input) {
        this.label = label;
        this.config = config;
        this.table = table;
        this.expectedRows = expectedRows;
        this.input = input;
      }

      void run() {
        phases.begin(label + " (alone)");
        result = new SinkThroughputRun(rest, catalog,
            TableWait.stallLimit(settings.commitInterval()), out).run(label, config, table,
            expectedRows, input, timeout(Duration.ofMinutes(15), settings.events(), 200));
        out.println("  " + label + ": " + result.throughput().describe());
        cpu = phases.end(label, settings.events());
      }
    }

    private ConnectorConfigFile ourConfig(ConnectorConfigFile oursFile, int round) {
      String name = OURS + "-r" + round;
      return SinkConfigs.ours(oursFile, name, TOPIC, OUR_TABLE + "_r" + round, name + "-dlq",
          settings.tasks(), settings.commitInterval(), settings.dropTransforms());
    }

    private FillResult fill(ConnectorConfigFile generator, long distinct) {
      long events = settings.events();
      topics.create(TOPIC, settings.partitions());
      FillResult fill = new TopicFill(rest, bootstrap, out).fill(generator, TOPIC, events,
          timeout(Duration.ofMinutes(10), events, 500));
      if (fill.records() != events || fill.distinctKeys() != distinct) {
        throw new BenchmarkException("The topic holds " + fill.records() + " records with "
            + fill.distinctKeys() + " distinct keys; the generator's event function says "
            + events + " with " + distinct);
      }
      out.printf("  %,d records (%,d distinct) in %.1f s%n", fill.records(), distinct,
          fill.elapsed().toMillis() / 1000.0);
      return fill;
    }
  }

  private ConnectorConfigFile load(String file) {
    return ConnectorConfigFile.load(settings.configsDir().resolve(file));
  }

  /** At least {@code floor}, or the time at {@code minimumRate} records/s. */
  static Duration timeout(Duration floor, long records, long minimumRate) {
    Duration atRate = Duration.ofSeconds(records / minimumRate);
    return atRate.compareTo(floor) > 0 ? atRate : floor;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }
}
