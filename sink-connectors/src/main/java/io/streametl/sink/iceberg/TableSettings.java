package io.streametl.sink.iceberg;

import java.util.List;
import java.util.Map;

/** How the sink creates and evolves the tables it writes. */
public record TableSettings(boolean autoCreate, List<String> partitionBy, Map<String, String> properties,
    boolean evolveSchema) {

  public TableSettings {
    partitionBy = List.copyOf(partitionBy);
    properties = Map.copyOf(properties);
  }
}
