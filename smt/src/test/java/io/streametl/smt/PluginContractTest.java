package io.streametl.smt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.Version;
import io.streametl.smt.enrich.InsertMetadata;
import io.streametl.smt.validate.ValidateFields;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

/** What Connect and the docs generator rely on, for every transform in this module. */
class PluginContractTest {

  @Test
  @SuppressWarnings("rawtypes")
  void everyVariantIsListedForServiceLoading() {
    List<String> listed =
        ServiceLoader.load(Transformation.class).stream()
            .map(provider -> provider.type().getName())
            .filter(name -> name.startsWith("io.streametl."))
            .collect(Collectors.toList());

    assertThat(listed)
        .containsExactlyInAnyOrder(
            ValidateFields.Key.class.getName(),
            ValidateFields.Value.class.getName(),
            InsertMetadata.Key.class.getName(),
            InsertMetadata.Value.class.getName());
  }

  @Test
  void everyVariantReportsTheBundleVersionAndItsConfigDef() {
    List<Transformation<?>> transforms =
        List.of(
            new ValidateFields.Key<>(),
            new ValidateFields.Value<>(),
            new InsertMetadata.Key<>(),
            new InsertMetadata.Value<>());

    for (Transformation<?> transform : transforms) {
      assertThat(transform).isInstanceOf(Versioned.class);
      assertThat(transform.version()).isEqualTo(Version.get());
    }
    assertThat(transforms.get(0).config()).isSameAs(ValidateFields.CONFIG_DEF);
    assertThat(transforms.get(3).config()).isSameAs(InsertMetadata.CONFIG_DEF);
  }

  @Test
  void everyConfigIsDocumented() {
    for (ConfigDef def : List.of(ValidateFields.CONFIG_DEF, InsertMetadata.CONFIG_DEF)) {
      assertThat(def.configKeys().values())
          .allSatisfy(
              key -> {
                assertThat(key.documentation).as(key.name).isNotBlank();
                assertThat(key.group).as(key.name).isNotBlank();
              });
    }
    assertThat(ValidateFields.OVERVIEW_DOC).contains("ValidateFields$Value");
    assertThat(InsertMetadata.OVERVIEW_DOC).contains("InsertMetadata$Key");
  }
}
