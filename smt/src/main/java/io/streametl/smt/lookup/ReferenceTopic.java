package io.streametl.smt.lookup;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference rows from a compacted Kafka topic, kept current by a background thread that reads
 * the topic from the beginning and then follows it.
 *
 * <p>Until the first full read (every partition up to where it ended at start), a lookup waits,
 * once per transform instance, up to the initial-load timeout; after that, records that find no
 * row follow the missing-key policy, and a WARN says the table was not loaded yet. A permanent
 * error (authentication, authorisation) makes lookups fail with a ConnectException rather than
 * quietly treating every key as missing.
 */
final class ReferenceTopic implements ReferenceTable {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceTopic.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long RETRY_MS = 1_000;

  private final String topic;
  private final Consumer<String, String> consumer;
  private final long initialLoadTimeoutMs;
  private final Map<String, Map<String, String>> rows = new ConcurrentHashMap<>();
  private final ReferenceTopicLoader loader;
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Thread thread;
  private volatile RuntimeException failure;
  private boolean waitedForLoad;

  ReferenceTopic(String topic, Consumer<String, String> consumer, long initialLoadTimeoutMs) {
    this.topic = topic;
    this.consumer = consumer;
    this.initialLoadTimeoutMs = initialLoadTimeoutMs;
    this.loader = new ReferenceTopicLoader(consumer, topic, rows);
    this.thread = new Thread(this::run, "streametl-lookup-" + topic);
    thread.setDaemon(true);
  }

  /** Starts reading in the background. */
  ReferenceTopic start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      while (stopping.getCount() > 0) {
        try {
          step();
        } catch (WakeupException e) {
          return;
        } catch (AuthenticationException | AuthorizationException e) {
          failure = new ConnectException(
              "Lookup: cannot read reference topic '" + topic + "': " + e.getClass().getSimpleName(), e);
          LOG.error("Lookup: cannot read reference topic '{}'; lookups will fail", topic, e);
          return;
        } catch (KafkaException e) {
          LOG.warn("Lookup: error reading reference topic '{}'; retrying", topic, e);
          stopping.await(RETRY_MS, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close();
    }
  }

  private void step() throws InterruptedException {
    if (!loader.isAssigned() && !loader.assign(POLL)) {
      LOG.info("Lookup: reference topic '{}' has no partitions yet; waiting", topic);
      stopping.await(RETRY_MS, TimeUnit.MILLISECONDS);
      return;
    }
    loader.pollOnce(POLL);
    if (loaded.getCount() > 0 && loader.caughtUp()) {
      loaded.countDown();
      LOG.info("Lookup: loaded reference topic '{}': {} rows", topic, rows.size());
    }
  }

  @Override
  public Map<String, String> row(String key) {
    if (failure != null) {
      throw failure;
    }
    awaitInitialLoad();
    return rows.get(key);
  }

  /** Whether the first full read has finished. */
  boolean isLoaded() {
    return loaded.getCount() == 0;
  }

  private void awaitInitialLoad() {
    if (waitedForLoad) {
      return;
    }
    waitedForLoad = true;
    try {
      if (!loaded.await(initialLoadTimeoutMs, TimeUnit.MILLISECONDS)) {
        LOG.warn("Lookup: reference topic '{}' was not fully read within {} ms; records follow the"
            + " missing-key policy for keys not read yet", topic, initialLoadTimeoutMs);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String describe() {
    return "topic " + topic;
  }

  /** Stops the background thread and waits for it to close the consumer. */
  @Override
  public void close() {
    stopping.countDown();
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
