package io.streametl.source.http.records;

import java.util.List;

/**
 * What the records of one page became, in page order, and how many were dropped as already
 * emitted (or older than the sync's window).
 */
public record PageRecords(List<RecordOutcome> outcomes, int dropped) {}
