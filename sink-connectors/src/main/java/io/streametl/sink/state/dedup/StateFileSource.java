package io.streametl.sink.state.dedup;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stored state file that can be opened (more than once: a restore reads every header before
 * any body). The destination backs it with its own storage, e.g. Iceberg's {@code FileIO}.
 */
public interface StateFileSource {

  /** The file's name or location, for error messages and logs. */
  String name();

  /** A new stream from the start of the file; the caller closes it. */
  InputStream open() throws IOException;
}
