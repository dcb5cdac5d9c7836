package io.streametl.source.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final long NOW = Instant.parse("1994-11-06T08:49:00Z").toEpochMilli();

  @Test
  void delaySeconds() {
    assertThat(RetryAfter.delayMs("120", NOW)).hasValue(120_000);
    assertThat(RetryAfter.delayMs(" 0 ", NOW)).hasValue(0);
  }

  @Test
  void everyHttpDateFormRecipientsMustAccept() {
    // RFC 9110, 5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms.
    assertThat(RetryAfter.delayMs("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).hasValue(37_000);
    assertThat(RetryAfter.delayMs("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).hasValue(37_000);
    assertThat(RetryAfter.delayMs("Sun Nov  6 08:49:37 1994", NOW)).hasValue(37_000);
  }

  @Test
  void aDateInThePastMeansNowAndGarbageMeansNothing() {
    assertThat(RetryAfter.delayMs("Sun, 06 Nov 1994 08:00:00 GMT", NOW)).hasValue(0);
    assertThat(RetryAfter.delayMs("soon", NOW)).isEmpty();
    assertThat(RetryAfter.delayMs("-5", NOW)).isEmpty();
  }
}
