package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoForkLocalFileSystemTest {

  private static final URI LOCAL = URI.create("file:///");

  @TempDir java.nio.file.Path dir;

  @Test
  void catalogsUseItForLocalFiles() throws IOException {
    FileSystem fs = FileSystem.get(LOCAL, IcebergCatalogs.hadoopConfiguration(Map.of()));

    assertThat(fs).isInstanceOf(NoForkLocalFileSystem.class);
    assertThat(((LocalFileSystem) fs).getRaw()).isInstanceOf(NoForkLocalFileSystem.RawWithoutFork.class);
  }

  @Test
  void givesCreatedFilesAndDirectoriesTheirPermissionsAndKeepsChecksums() throws IOException {
    FileSystem fs = FileSystem.get(LOCAL, IcebergCatalogs.hadoopConfiguration(Map.of()));
    Path directory = new Path(dir.resolve("table/data").toUri());
    Path file = new Path(directory, "part-0.parquet");

    assertThat(fs.mkdirs(directory, new FsPermission((short) 0750))).isTrue();
    try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), true, 4096,
        (short) 1, 1 << 20, null)) {
      out.write(new byte[] {1, 2, 3});
    }

    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("table/data")))).isEqualTo("rwxr-x---");
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("table/data/part-0.parquet")))).isEqualTo("rw-r-----");
    assertThat(dir.resolve("table/data/.part-0.parquet.crc")).exists();
    assertThat(fs.getFileStatus(file).getLen()).isEqualTo(3);
  }

  @Test
  void leavesTheJvmWideCacheToOthers() throws IOException {
    FileSystem shared = FileSystem.get(LOCAL, new Configuration());

    FileSystem ours = FileSystem.get(LOCAL, IcebergCatalogs.hadoopConfiguration(Map.of()));

    assertThat(ours).isInstanceOf(NoForkLocalFileSystem.class);
    assertThat(FileSystem.get(LOCAL, new Configuration())).isSameAs(shared)
        .isNotInstanceOf(NoForkLocalFileSystem.class);
  }

  @Test
  void theUsersSettingWins() throws IOException {
    FileSystem fs = FileSystem.get(LOCAL, IcebergCatalogs.hadoopConfiguration(
        Map.of("fs.file.impl", RawLocalFileSystem.class.getName())));

    assertThat(fs.getClass()).isEqualTo(RawLocalFileSystem.class);
  }

  @ParameterizedTest
  @CsvSource({"0755, rwxr-xr-x", "0644, rw-r--r--", "0600, rw-------", "0000, ---------",
      "0777, rwxrwxrwx", "0421, r---w---x"})
  void translatesModes(String octal, String expected) {
    FsPermission permission = new FsPermission(Short.parseShort(octal, 8));

    assertThat(PosixFilePermissions.toString(NoForkLocalFileSystem.posix(permission)))
        .isEqualTo(expected);
  }
}
