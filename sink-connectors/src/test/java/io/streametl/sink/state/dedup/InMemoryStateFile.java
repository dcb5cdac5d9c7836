package io.streametl.sink.state.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** A state file held in memory, counting how often it is opened. */
final class InMemoryStateFile implements StateFileSource {

  private final String name;
  final byte[] bytes;
  int opens;

  InMemoryStateFile(String name, byte[] bytes) {
    this.name = name;
    this.bytes = bytes;
  }

  static InMemoryStateFile delta(String name, PartitionDedupState state, StateFileOrigin origin) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    state.writeDelta(out, origin);
    return new InMemoryStateFile(name, out.toByteArray());
  }

  static InMemoryStateFile base(String name, PartitionDedupState state, StateFileOrigin origin) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    state.writeBase(out, origin);
    return new InMemoryStateFile(name, out.toByteArray());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public InputStream open() {
    opens++;
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public String toString() {
    return name;
  }

}
