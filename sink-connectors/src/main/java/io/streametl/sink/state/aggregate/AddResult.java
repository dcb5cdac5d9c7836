package io.streametl.sink.state.aggregate;

/**
 * What adding one record did: its lateness, and how many of its windows took it (open or late
 * but allowed) or dropped it. With hopping windows a record can be too late for its oldest
 * windows and still count in newer ones; it is {@link Lateness#TOO_LATE} only if no window took it.
 */
public record AddResult(Lateness lateness, int windowsTaken, int lateWindows, int windowsDropped) {}
