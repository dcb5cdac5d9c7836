package io.streametl.source.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class GeneratorStreamTest {

  @Test
  void thePartitionKeyBytesSurviveTheRoundTripTheOffsetsApiMakes() {
    // The worker keys stored offsets by these bytes (namespace and partition, JSON, schemaless);
    // GET /connectors/{name}/offsets reads keys back into maps and serialises them again.
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", "false"), true);
    Map<String, Object> partition = new GeneratorStream("gen", 2, 3).partition();

    byte[] key = converter.fromConnectData("offsets", null, List.of("gen", partition));
    Object readBack = converter.toConnectData("offsets", key).value();
    byte[] again = converter.fromConnectData("offsets", null, readBack);

    assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(new String(key, StandardCharsets.UTF_8));
  }

  @Test
  void aStreamOwnsEveryNthPositionFromItsIndex() {
    GeneratorStream stream = new GeneratorStream("gen", 2, 3);

    assertThat(stream.firstPosition()).isEqualTo(2);
    assertThat(List.of(2L, 5L, 8L, 3_000_002L)).allMatch(stream::owns);
    assertThat(List.of(0L, 1L, 3L, 4L, 6L, -1L)).noneMatch(stream::owns);
  }

  @Test
  void aPartitionReadBackFromTheOffsetsTopicParses() {
    // JsonConverter gives integers back as Long.
    Map<String, Object> stored = Map.of("generator", "gen", "stream", 1L, "streams", 4L);

    assertThat(GeneratorStream.fromPartition(stored)).isEqualTo(new GeneratorStream("gen", 1, 4));
  }
}
