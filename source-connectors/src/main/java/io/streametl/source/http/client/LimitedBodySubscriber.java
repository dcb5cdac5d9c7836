package io.streametl.source.http.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit; past it, cancels the download and completes with the
 * first {@code max} bytes marked truncated, so an oversized body costs no more than the limit.
 */
final class LimitedBodySubscriber implements BodySubscriber<LimitedBodySubscriber.Body> {

  record Body(byte[] bytes, boolean truncated) {}

  private final int max;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  LimitedBodySubscriber(int max) {
    this.max = max;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      int room = max - out.size();
      int length = buffer.remaining();
      byte[] chunk = new byte[Math.min(length, room)];
      buffer.get(chunk);
      out.write(chunk, 0, chunk.length);
      if (length > room) {
        subscription.cancel();
        result.complete(new Body(out.toByteArray(), true));
        return;
      }
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(new Body(out.toByteArray(), false));
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }
}
