package io.streametl.sink;

import java.io.IOException;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Local files with an object store's latency (set with the catalog property {@code io-impl}): each
 * object costs {@link #latencyMillis} when it is written (at close, as an S3 upload completes) and
 * when it is opened for reading (a GET). Bandwidth is the local disk's. For {@link CommitLatencyReport}.
 */
public class SlowObjectStoreFileIO extends HadoopFileIO {

  static volatile long latencyMillis;

  public SlowObjectStoreFileIO() {
    super();
  }

  @Override
  public OutputFile newOutputFile(String path) {
    OutputFile local = super.newOutputFile(path);
    return new OutputFile() {
      @Override
      public PositionOutputStream create() {
        return slowClose(local.create());
      }

      @Override
      public PositionOutputStream createOrOverwrite() {
        return slowClose(local.createOrOverwrite());
      }

      @Override
      public String location() {
        return local.location();
      }

      @Override
      public InputFile toInputFile() {
        return newInputFile(location());
      }
    };
  }

  @Override
  public InputFile newInputFile(String path) {
    return slowOpen(super.newInputFile(path));
  }

  @Override
  public InputFile newInputFile(String path, long length) {
    return slowOpen(super.newInputFile(path, length));
  }

  private static InputFile slowOpen(InputFile local) {
    return new InputFile() {
      @Override
      public long getLength() {
        return local.getLength();
      }

      @Override
      public SeekableInputStream newStream() {
        pause();
        return local.newStream();
      }

      @Override
      public String location() {
        return local.location();
      }

      @Override
      public boolean exists() {
        return local.exists();
      }
    };
  }

  private static PositionOutputStream slowClose(PositionOutputStream out) {
    return new PositionOutputStream() {
      @Override
      public long getPos() throws IOException {
        return out.getPos();
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
        pause();
      }
    };
  }

  private static void pause() {
    long millis = latencyMillis;
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
