package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.field.FieldSyntaxVersion;
import org.apache.kafka.connect.transforms.field.SingleFieldPath;

/**
 * Holds FieldPath to Kafka's own KIP-821 parser: on any text, both accept it and read the same
 * field, or both reject it; the one allowed difference is that FieldPath also rejects empty names.
 */
class KafkaSyntaxCompatibilityTest {

  private static final Object FOUND = new Object();

  @Property(tries = 5000)
  void readsEveryPathAsKafkaDoes(@ForAll("pathLikeText") String text) {
    Throwable kafkaError =
        catchThrowable(() -> new SingleFieldPath(text, FieldSyntaxVersion.V2));
    Throwable ourError = catchThrowable(() -> FieldPath.parse(text));

    if (kafkaError != null) {
      assertThat(kafkaError).isInstanceOf(ConfigException.class);
      assertThat(ourError).isInstanceOf(ConfigException.class);
    } else if (ourError != null) {
      assertThat(ourError).hasMessageFindingMatch("empty field name|at least one field name");
    } else {
      SingleFieldPath kafka = new SingleFieldPath(text, FieldSyntaxVersion.V2);
      Map<String, Object> holdingOnlyOurPath = nestedMap(FieldPath.parse(text).segments());
      assertThat(kafka.valueFrom(holdingOnlyOurPath)).isSameAs(FOUND);
    }
  }

  /** Kafka can only find FOUND here if it reads exactly these segments. */
  private static Map<String, Object> nestedMap(List<String> segments) {
    Object value = FOUND;
    for (int i = segments.size() - 1; i >= 0; i--) {
      Map<String, Object> enclosing = new HashMap<>();
      enclosing.put(segments.get(i), value);
      value = enclosing;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) value;
    return root;
  }

  @Provide
  Arbitrary<String> pathLikeText() {
    return Arbitraries.strings().withChars("ab.`\\").ofMaxLength(12);
  }
}
