package io.streametl.smt.failure;

import io.streametl.smt.RecordOrigin;
import io.streametl.smt.RecordPart;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the failure policy for one transform instance: the one place that decides what
 * happens to a record that failed validation, shared by every validating transform.
 *
 * <p>Reasons name field paths, rules and types; they must never hold record contents, since
 * they go into exceptions, headers and logs.
 */
public final class FailureHandler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private final FailureConfig config;
  private final String transform;
  private final String transformClass;
  private final ErrorProducerFactory producerFactory;
  private final AtomicLong dropped = new AtomicLong();
  private ErrorTopicWriter errorTopic;

  /**
   * @param transform the transform's name for messages, e.g. "ValidateFields"
   * @param transformClass the variant's class name for the error-topic header
   */
  public FailureHandler(
      FailureConfig config,
      String transform,
      String transformClass,
      ErrorProducerFactory producerFactory) {
    this.config = config;
    this.transform = transform;
    this.transformClass = transformClass;
    this.producerFactory = producerFactory;
  }

  public FailureConfig config() {
    return config;
  }

  /**
   * Applies the policy to a record that failed with {@code reasons}.
   *
   * @return {@code null}, so the caller drops the record from the chain (error-topic and drop)
   * @throws DataException under the fail policy, naming the part and every reason
   */
  public <R extends ConnectRecord<R>> R reject(R record, RecordPart part, List<String> reasons) {
    String summary =
        "record " + part.word() + " failed " + reasons.size()
            + (reasons.size() == 1 ? " rule: " : " rules: ") + String.join("; ", reasons);
    switch (config.policy()) {
      case FAIL:
        throw new DataException(transform + ": " + summary);
      case ERROR_TOPIC:
        errorTopic().write(record, transformClass, reasons);
        return null;
      case DROP:
        long count = dropped.incrementAndGet();
        LOG.warn(
            "{} dropped a record from {} ({} dropped by this task so far): {}",
            transform, RecordOrigin.of(record).describe(), count, summary);
        return null;
      default:
        throw new IllegalStateException("unhandled failure policy " + config.policy());
    }
  }

  /** How many records this instance dropped under the drop policy. */
  public long droppedCount() {
    return dropped.get();
  }

  /** Created on the first failing record, so valid streams never open a connection. */
  private ErrorTopicWriter errorTopic() {
    if (errorTopic == null) {
      errorTopic = new ErrorTopicWriter(config, producerFactory);
    }
    return errorTopic;
  }

  @Override
  public void close() {
    if (errorTopic != null) {
      errorTopic.close();
      errorTopic = null;
    }
  }
}
