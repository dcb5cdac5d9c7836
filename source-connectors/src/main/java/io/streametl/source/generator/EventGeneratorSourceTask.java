package io.streametl.source.generator;

import io.streametl.common.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates one stream of the event sequence: positions {@code i, i+N, i+2N, ...} for task i of N.
 *
 * <p>It resumes exactly from the stored source offset (the next position and the start time), so
 * no position is generated twice or skipped by the task itself. With a rate, the record of a
 * position is emitted once the wall clock reaches its on-time event time; {@code poll} waits at
 * most {@value #MAX_POLL_WAIT_MS} ms for that and returns null if it is not yet due. What it
 * generated, and how far behind its schedule it is, it reports as metrics ({@link GeneratorMetrics}).
 */
public final class EventGeneratorSourceTask extends SourceTask {

  /** Header naming the {@link EventKind} of each record: a debugging aid, not a contract. */
  public static final String KIND_HEADER = "streametl.generator.kind";

  /** The longest a poll blocks, so the worker can commit offsets and stop promptly. */
  static final long MAX_POLL_WAIT_MS = 1000;

  private static final Logger log = LoggerFactory.getLogger(EventGeneratorSourceTask.class);

  private final Clock clock;
  private final Sleeper sleeper;
  private volatile boolean stopping;

  private GeneratorStream stream;
  private SubscriptionEventFactory factory;
  private StreamCursor cursor;
  private GeneratorRecordBuilder records;
  private int batchSize;
  private boolean paced;
  private long eventsTotal;
  private boolean exhaustionLogged;
  private GeneratorMetrics metrics;

  public EventGeneratorSourceTask() {
    this(Clock.systemUTC(), new WakeableSleeper());
  }

  EventGeneratorSourceTask(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
    EventGeneratorConfig config = new EventGeneratorConfig(props);
    TaskAssignment assignment = TaskAssignment.fromTaskConfig(props);
    stream = assignment.stream();

    StreamOffset resume = storedOffset(stream);
    long startMs = resume == null ? assignment.startMs() : resume.startMs();
    long next = resume == null ? stream.firstPosition() : resume.position();
    Long configuredStart = config.eventTimeStartMs();
    if (resume != null && configuredStart != null && configuredStart != startMs) {
      log.warn(
          "{} is {} but stream {} of {} resumes with its stored start time {}; reset the"
              + " connector's offsets to apply the new start",
          EventGeneratorConfig.EVENT_TIME_START_MS_CONFIG, configuredStart, stream.stream(),
          stream.streams(), startMs);
    }

    factory = new SubscriptionEventFactory(config.generatorSettings(startMs));
    eventsTotal = config.eventsTotal();
    cursor = new StreamCursor(next, stream.streams(), eventsTotal);
    records = new GeneratorRecordBuilder(stream, config.topic(), config.outputFormat(), startMs);
    batchSize = config.batchSize();
    paced = config.eventsPerSecond() > 0;
    metrics = GeneratorMetrics.register(context, stream, paced, clock);
    updateSchedule();
    log.info(
        "Event generator {} stream {} of {} {} at position {} (event time of position 0: {})",
        stream.connectorName(), stream.stream(), stream.streams(),
        resume == null ? "starts" : "resumes", next, Instant.ofEpochMilli(startMs));
  }

  private StreamOffset storedOffset(GeneratorStream stream) {
    Map<String, Object> stored = context.offsetStorageReader().offset(stream.partition());
    return stored == null ? null : StreamOffset.read(stored, stream);
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (stopping) {
      return null;
    }
    if (cursor.exhausted()) {
      logExhaustedOnce();
      // Nothing more to generate: wait rather than let the worker spin on empty polls.
      sleeper.sleep(MAX_POLL_WAIT_MS);
      return null;
    }
    long now = clock.millis();
    if (paced) {
      long due = factory.onTimeMillis(cursor.next());
      if (due > now) {
        sleeper.sleep(Math.min(due - now, MAX_POLL_WAIT_MS));
        now = clock.millis();
        if (stopping || due > now) {
          return null;
        }
      }
    }
    long started = System.nanoTime();
    List<SourceRecord> batch = new ArrayList<>();
    int duplicates = 0;
    int invalid = 0;
    int late = 0;
    while (batch.size() < batchSize && !cursor.exhausted() && isDue(cursor.next(), now)) {
      GeneratedEvent event = factory.eventAt(cursor.next());
      cursor.advance();
      batch.add(records.build(event, cursor.next()));
      // Kinds as a pipeline sees them: a duplicate of an invalid (late) record is invalid (late) too.
      if (event.kind() == EventKind.DUPLICATE) {
        duplicates++;
      }
      if (!event.isValid()) {
        invalid++;
      }
      if (event.original().kind() == EventKind.LATE) {
        late++;
      }
    }
    metrics.generated(batch.size(), duplicates, invalid, late, System.nanoTime() - started);
    updateSchedule();
    return batch;
  }

  /** Tells the metrics when the next record is due, for schedule-lag-ms. */
  private void updateSchedule() {
    if (cursor.exhausted()) {
      metrics.done();
    } else if (paced) {
      metrics.nextDue(factory.onTimeMillis(cursor.next()));
    }
  }

  private boolean isDue(long position, long now) {
    return !paced || factory.onTimeMillis(position) <= now;
  }

  private void logExhaustedOnce() {
    if (!exhaustionLogged) {
      exhaustionLogged = true;
      log.info(
          "Event generator {} stream {} of {} has generated its share of {}={}; it stays idle",
          stream.connectorName(), stream.stream(), stream.streams(),
          EventGeneratorConfig.EVENTS_TOTAL_CONFIG, eventsTotal);
    }
  }

  @Override
  public void stop() {
    stopping = true;
    sleeper.wakeUp();
  }
}
