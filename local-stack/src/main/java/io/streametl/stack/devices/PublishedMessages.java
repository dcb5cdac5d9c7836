package io.streametl.stack.devices;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The first {@code count} messages of a simulator run, known from the count alone because message
 * k is always device {@code k % devices}, sequence {@code k / devices}.
 */
public record PublishedMessages(List<Device> fleet, int malformedEvery, long count) {

  static boolean isMalformed(long k, int malformedEvery) {
    return malformedEvery > 0 && (k + 1) % malformedEvery == 0;
  }

  /** The message ids of the well-formed messages, in publishing order. */
  public Set<String> validIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (long k = 0; k < count; k++) {
      if (!isMalformed(k, malformedEvery)) {
        ids.add(TelemetryPayloads.messageId(fleet.get((int) (k % fleet.size())), k / fleet.size()));
      }
    }
    return ids;
  }

  public long malformedCount() {
    if (malformedEvery == 0) {
      return 0;
    }
    return count / malformedEvery;
  }
}
