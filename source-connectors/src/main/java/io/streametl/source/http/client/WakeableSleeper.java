package io.streametl.source.http.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The real sleeper: a wait on a latch, so stopping the task ends a wait immediately. */
public final class WakeableSleeper implements Sleeper {

  private final CountDownLatch woken = new CountDownLatch(1);

  @Override
  public void sleep(long millis) throws InterruptedException {
    woken.await(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void wakeUp() {
    woken.countDown();
  }
}
