package io.streametl.stack.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records per second of each pipeline over the last samples, from the running totals the demo
 * reads every tick. A rate is the change of a total between two samples over the time between
 * them; a total that is not known at one of the two samples gives no rate (shown as a gap), and
 * a total that went down (a topic recreated after {@code --reset}) counts from zero again.
 */
public final class ThroughputHistory {

  /** Rates of every pipeline at one sample time, seconds since the first sample. */
  public record Point(double seconds, Map<String, Double> perSecond) {
    public Point {
      perSecond = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perSecond));
    }
  }

  private record Sample(long nanos, Map<String, Long> totals) {}

  private final int capacity;
  private final Deque<Point> points = new ArrayDeque<>();
  private Sample first;
  private Sample last;

  /** @param capacity how many points to keep (the chart's width in ticks) */
  public ThroughputHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Adds the totals read at {@code nanos} (a {@link System#nanoTime()} reading); a pipeline whose
   * total is unknown right now is absent from {@code totals}.
   */
  public synchronized void add(long nanos, Map<String, Long> totals) {
    Sample sample = new Sample(nanos, Map.copyOf(totals));
    if (first == null) {
      first = sample;
    } else if (nanos > last.nanos) {
      double interval = (nanos - last.nanos) / 1e9;
      Map<String, Double> rates = new LinkedHashMap<>();
      sample.totals.forEach((pipeline, total) -> {
        Long before = last.totals.get(pipeline);
        if (before != null) {
          long delta = total >= before ? total - before : total;
          rates.put(pipeline, delta / interval);
        }
      });
      points.addLast(new Point((nanos - first.nanos) / 1e9, rates));
      while (points.size() > capacity) {
        points.removeFirst();
      }
    } else {
      return; // out of order or same instant: no interval to divide by
    }
    last = sample;
  }

  /** The kept points, oldest first. */
  public synchronized List<Point> points() {
    return new ArrayList<>(points);
  }

  /** The latest rate of a pipeline, or null before two samples knew its total. */
  public synchronized Double latest(String pipeline) {
    return points.isEmpty() ? null : points.getLast().perSecond().get(pipeline);
  }
}
