package io.streametl.sink.bigquery;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.bigquery.BigQueryException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a BigQuery call, retrying it with exponential backoff and jitter while it fails with a
 * retryable status (UNAVAILABLE, RESOURCE_EXHAUSTED, INTERNAL, ABORTED, DEADLINE_EXCEEDED, or a REST
 * error BigQuery marks retryable). After the last attempt, or at once for any other failure, it
 * throws a {@link ConnectException} naming what was being done (a table, never a secret).
 */
final class Retrier {

  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
  static final Set<Status.Code> RETRYABLE = EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED,
      Status.Code.INTERNAL, Status.Code.ABORTED, Status.Code.DEADLINE_EXCEEDED);

  /** Waits between attempts; tests record the waits instead of sleeping. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;

  Retrier(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  static Retrier sleeping(RetryPolicy policy) {
    return new Retrier(policy, d -> Thread.sleep(d.toMillis()));
  }

  <T> T call(String what, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        Status.Code code = codeOf(e);
        boolean retryable = code != null ? RETRYABLE.contains(code)
            : e instanceof BigQueryException bq && bq.isRetryable();
        if (!retryable) {
          throw e instanceof ConnectException ce ? ce : new ConnectException(what + " failed: " + describe(e), e);
        }
        if (attempt >= policy.maxAttempts()) {
          throw new ConnectException(what + " failed " + attempt + " times with a retryable error (last: "
              + describe(e) + "); giving up. Check the BigQuery quotas and the service's health; the cycle's "
              + "records are read again from Kafka when the task restarts", e);
        }
        Duration wait = jittered(policy.backoff(attempt));
        LOG.warn("{} failed ({}); attempt {} of {}, retrying in {} ms", what, describe(e), attempt,
            policy.maxAttempts(), wait.toMillis());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new ConnectException(what + " was interrupted while backing off", ie);
        }
      }
    }
  }

  void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return null;
    });
  }

  /** Half to all of the backoff, so that tasks hitting one quota do not retry in lockstep. */
  private static Duration jittered(Duration backoff) {
    long millis = backoff.toMillis();
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }

  /** The gRPC status code of a failure, looking through causes; null when it carries none. */
  static Status.Code codeOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof AppendFailure f) {
        return f.code();
      }
      if (t instanceof ApiException api && api.getStatusCode().getCode() != null) {
        Object transportCode = api.getStatusCode().getTransportCode();
        if (transportCode instanceof Status.Code grpc) {
          return grpc;
        }
        return Status.Code.valueOf(api.getStatusCode().getCode().name());
      }
      if (t instanceof StatusRuntimeException sre) {
        return sre.getStatus().getCode();
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return null;
  }

  static String describe(Throwable e) {
    Status.Code code = codeOf(e);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return code == null ? message : code + ": " + message;
  }
}
