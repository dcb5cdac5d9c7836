package io.streametl.smt.failure;

import io.streametl.smt.PartTransformation;
import io.streametl.smt.RecordPart;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * A transform that checks records and hands the ones that fail to the shared
 * {@link FailureHandler}: JSON Schema validation, field rules and timestamp parsing. Subclasses
 * read their own configs in {@link #configureChecks} and call {@link #reject} with reasons.
 *
 * @param <R> the record type
 */
public abstract class ValidatingTransformation<R extends ConnectRecord<R>>
    extends PartTransformation<R> {

  private final ErrorProducerFactory producerFactory;
  private FailureHandler failures;

  protected ValidatingTransformation(RecordPart part, ErrorProducerFactory producerFactory) {
    super(part);
    this.producerFactory = producerFactory;
  }

  @Override
  public final void configure(Map<String, ?> props) {
    configureChecks(props);
    failures =
        new FailureHandler(new FailureConfig(props), name(), getClass().getName(), producerFactory);
  }

  /** Reads the transform's own configs. */
  protected abstract void configureChecks(Map<String, ?> props);

  /** A null part passes, or fails under {@code on.tombstone=fail}. */
  @Override
  protected R applyToNull(R record) {
    if (failures.config().tombstonesFail()) {
      return reject(record, List.of("record " + part().word() + " is null (a tombstone)"));
    }
    return record;
  }

  /** Applies the failure policy: throws, or returns {@code null} to drop the record. */
  protected final R reject(R record, List<String> reasons) {
    return failures.reject(record, part(), reasons);
  }

  /** How many records this instance dropped under {@code on.failure=drop}. */
  public final long droppedCount() {
    return failures == null ? 0 : failures.droppedCount();
  }

  @Override
  public void close() {
    if (failures != null) {
      failures.close();
    }
  }
}
