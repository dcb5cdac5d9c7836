package io.streametl.source.http.client;

import io.streametl.common.Version;
import io.streametl.source.http.config.ClientConfig;
import io.streametl.source.http.config.TlsConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests through the JDK's {@link HttpClient} (HTTP/1.1, redirects followed except from https to
 * http). One request at a time per task; {@link #abort()} cancels it so {@code stop()} is prompt.
 * The request timeout covers the whole exchange, body included.
 */
public final class JdkTransport implements Transport {

  static final String USER_AGENT = "StreamETL-HTTP-Source/" + Version.get();

  private final HttpClient client;
  private final ExecutorService executor;
  private final int requestTimeoutMs;
  private final int maxBodyBytes;
  private volatile CompletableFuture<?> inFlight;
  private volatile boolean aborted;

  public JdkTransport(ClientConfig config, TlsConfig tls, String threadPrefix) {
    this.executor = Executors.newCachedThreadPool(daemonThreads(threadPrefix));
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
        .executor(executor);
    if (!tls.isDefault()) {
      builder.sslContext(TlsContexts.create(tls));
    }
    this.client = builder.build();
    this.requestTimeoutMs = config.requestTimeoutMs();
    this.maxBodyBytes = config.responseMaxBytes();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public ApiResponse send(HttpRequestSpec spec) throws IOException, InterruptedException {
    if (aborted) {
      throw new InterruptedException("the task is stopping");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(spec.uri())
        .timeout(Duration.ofMillis(requestTimeoutMs))
        .header("User-Agent", USER_AGENT)
        .method(spec.method(), spec.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(spec.body()));
    spec.headers().forEach(request::setHeader);
    CompletableFuture<HttpResponse<LimitedBodySubscriber.Body>> future = client.sendAsync(
        request.build(), info -> new LimitedBodySubscriber(maxBodyBytes));
    inFlight = future;
    try {
      if (aborted) {
        future.cancel(true);
      }
      HttpResponse<LimitedBodySubscriber.Body> response =
          future.get(requestTimeoutMs, TimeUnit.MILLISECONDS);
      return new ApiResponse(spec.uri(), response.statusCode(), response.headers(),
          response.body().bytes(), response.body().truncated());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException("no complete response within " + requestTimeoutMs + " ms");
    } catch (CancellationException e) {
      throw new InterruptedException("the task is stopping");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } finally {
      inFlight = null;
    }
  }

  @Override
  public void abort() {
    aborted = true;
    CompletableFuture<?> current = inFlight;
    if (current != null) {
      current.cancel(true);
    }
    executor.shutdownNow();
  }
}
