package io.streametl.sink.iceberg;

import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.OutputFile;

/**
 * The catalog's FileIO for a commit that fails half way (set with the catalog property
 * {@code io-impl}): while {@link #failManifestLists} is set, creating a snapshot's manifest list
 * fails, after the commit's data files and manifests were written.
 */
public class ManifestListFailingFileIO extends HadoopFileIO {

  static volatile boolean failManifestLists;

  public ManifestListFailingFileIO() {
    super();
  }

  @Override
  public OutputFile newOutputFile(String path) {
    if (failManifestLists && path.contains("/metadata/snap-")) {
      throw new RuntimeIOException("injected failure creating the manifest list %s", path);
    }
    return super.newOutputFile(path);
  }
}
