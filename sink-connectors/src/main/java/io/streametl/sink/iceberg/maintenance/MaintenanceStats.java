package io.streametl.sink.iceberg.maintenance;

/** Counters of the maintenance a task ran, for logs, metrics and tests. Not thread-safe (one task thread). */
public final class MaintenanceStats {

  private long runs;
  private long failures;
  private long snapshotsExpired;
  private long filesCompacted;
  private long filesWritten;
  private long stateFilesDeleted;

  public long runs() {
    return runs;
  }

  /** Steps that failed (each is retried at the next run). */
  public long failures() {
    return failures;
  }

  public long snapshotsExpired() {
    return snapshotsExpired;
  }

  public long filesCompacted() {
    return filesCompacted;
  }

  public long filesWritten() {
    return filesWritten;
  }

  public long stateFilesDeleted() {
    return stateFilesDeleted;
  }

  /** Everything done so far, as one number: it grows when a run did something. */
  long work() {
    return snapshotsExpired + filesCompacted + stateFilesDeleted;
  }

  void run() {
    runs++;
  }

  void failure() {
    failures++;
  }

  void expired(int snapshots) {
    snapshotsExpired += snapshots;
  }

  void compacted(SmallFileCompaction.Result result) {
    filesCompacted += result.filesRewritten();
    filesWritten += result.filesWritten();
  }

  void stateFilesDeleted(int files) {
    stateFilesDeleted += files;
  }

  @Override
  public String toString() {
    return runs + " runs, " + failures + " failed steps, " + snapshotsExpired + " snapshots expired, "
        + filesCompacted + " small files compacted into " + filesWritten + ", " + stateFilesDeleted
        + " dedup state files deleted";
  }
}
