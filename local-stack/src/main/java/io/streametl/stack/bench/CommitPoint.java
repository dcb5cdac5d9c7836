package io.streametl.stack.bench;

/** One Iceberg snapshot of a table: when it was committed and the rows the table held after it. */
record CommitPoint(long timestampMillis, long totalRecords) {}
