package io.streametl.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Sends records the sink cannot write to Connect's dead-letter queue, one by one, with the reason
 * (Connect adds it to the record's error headers). Without a reporter (errors.tolerance=none, or a
 * runtime older than KIP-610) the failure stops the task, as Connect users expect.
 */
final class ErrantRecords implements ErrantRecordReporting {

  private final ErrantRecordReporter reporter;
  private final List<Future<Void>> inFlight = new ArrayList<>();
  private long reported;

  ErrantRecords(ErrantRecordReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void report(SinkRecord record, RuntimeException reason) {
    if (reporter == null) {
      throw new DataException("the sink cannot write the record at " + record.originalTopic() + "-"
          + record.originalKafkaPartition() + "@" + record.originalKafkaOffset() + " (" + reason.getMessage()
          + "); set errors.tolerance=all and errors.deadletterqueue.topic.name to send such records "
          + "to a dead-letter queue instead of stopping", reason);
    }
    inFlight.add(reporter.report(record, reason));
    reported++;
  }

  /**
   * Waits until the dead-letter queue has every reported record. Called before offsets past those
   * records are committed: a crash after the commit must not lose the reports.
   */
  @Override
  public void awaitReported() {
    try {
      for (Future<Void> future : inFlight) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new ConnectException("cannot write to the dead-letter queue; records are kept uncommitted", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted while waiting for the dead-letter queue", e);
    }
    inFlight.clear();
  }

  long reportedCount() {
    return reported;
  }
}
