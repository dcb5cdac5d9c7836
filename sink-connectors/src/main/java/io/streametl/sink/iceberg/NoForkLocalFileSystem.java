package io.streametl.sink.iceberg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file://}, with its checksum files) that sets permissions
 * without starting a process.
 *
 * <p>Hadoop's {@link RawLocalFileSystem} gives every file and directory it creates its permission
 * with a forked {@code chmod}, unless Hadoop's native library is loaded, which no Connect worker
 * has. A sink on a local warehouse creates several files per commit (data files, manifests, the
 * manifest list, table metadata, state files, and a checksum file beside each), so it forked
 * several processes per second, and the forks' CPU showed in the benchmark. This class sets the
 * same permission through {@code java.nio} instead. Where that cannot express the permission (a
 * sticky bit, a file system without POSIX attributes) it falls back to Hadoop's own way.
 */
public class NoForkLocalFileSystem extends LocalFileSystem {

  public NoForkLocalFileSystem() {
    super(new RawWithoutFork());
  }

  /** The raw file system underneath, where Hadoop sets permissions. */
  static final class RawWithoutFork extends RawLocalFileSystem {

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (NativeIO.isAvailable() || permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      java.nio.file.Path file = pathToFile(p).toPath();
      try {
        Files.setPosixFilePermissions(file, posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }
  }

  /** The same permission in java.nio's terms: both spell it rwxr-x--- (sticky bit aside). */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    return PosixFilePermissions.fromString(permission.getUserAction().SYMBOL
        + permission.getGroupAction().SYMBOL + permission.getOtherAction().SYMBOL);
  }
}
