package io.streametl.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where a task keeps its dedup state files: next to the destination's data (for Iceberg, under the
 * anchor table's location, through the table's FileIO), so they live and move with the table.
 * Names are relative to the connector's state folder.
 */
public interface StateFileStore {

  OutputStream create(String name) throws IOException;

  InputStream open(String name) throws IOException;

  void delete(String name);
}
