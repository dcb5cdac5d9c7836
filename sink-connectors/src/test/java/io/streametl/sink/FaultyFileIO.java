package io.streametl.sink;

import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.InputFile;

/**
 * The catalog's FileIO for failure tests (set with the catalog property {@code io-impl}): while
 * {@link #failDataReads} is set, opening a data file fails as a flaky object store would. Commits
 * only read metadata files, so they go on working.
 */
public class FaultyFileIO extends HadoopFileIO {

  static volatile boolean failDataReads;

  public FaultyFileIO() {
    super();
  }

  @Override
  public InputFile newInputFile(String path) {
    check(path);
    return super.newInputFile(path);
  }

  @Override
  public InputFile newInputFile(String path, long length) {
    check(path);
    return super.newInputFile(path, length);
  }

  private static void check(String path) {
    if (failDataReads && path.contains("/data/")) {
      throw new RuntimeIOException("injected failure reading a data file");
    }
  }
}
