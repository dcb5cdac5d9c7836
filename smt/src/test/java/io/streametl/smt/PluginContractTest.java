package io.streametl.smt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.Version;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What Connect and the docs generator rely on, for every transform and predicate here. */
class PluginContractTest {

  static java.util.stream.Stream<Class<?>> plugins() {
    return Plugins.all();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void everyTransformVariantIsListedForServiceLoading() {
    List<String> listed = ServiceLoader.load(Transformation.class).stream()
        .map(provider -> provider.type().getName())
        .filter(name -> name.startsWith("io.streametl."))
        .collect(Collectors.toList());

    assertThat(listed).containsExactlyInAnyOrderElementsOf(
        Plugins.TRANSFORMS.stream().flatMap(p -> Plugins.variantNames(p).stream()).toList());
  }

  @Test
  @SuppressWarnings("rawtypes")
  void everyPredicateVariantIsListedForServiceLoading() {
    List<String> listed = ServiceLoader.load(Predicate.class).stream()
        .map(provider -> provider.type().getName())
        .filter(name -> name.startsWith("io.streametl."))
        .collect(Collectors.toList());

    assertThat(listed).containsExactlyInAnyOrderElementsOf(
        Plugins.PREDICATES.stream().flatMap(p -> Plugins.variantNames(p).stream()).toList());
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void everyVariantReportsTheBundleVersionAndItsConfigDef(Class<?> plugin) throws Exception {
    for (String name : Plugins.variantNames(plugin)) {
      Object variant = Class.forName(name).getConstructor().newInstance();
      assertThat(variant).isInstanceOf(Versioned.class);
      assertThat(((Versioned) variant).version()).isEqualTo(Version.get());
      ConfigDef def = variant instanceof Transformation
          ? ((Transformation<?>) variant).config() : ((Predicate<?>) variant).config();
      assertThat(def).isSameAs(Plugins.configDef(plugin));
    }
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void everyConfigIsDocumentedAndGrouped(Class<?> plugin) {
    assertThat(Plugins.configDef(plugin).configKeys().values()).isNotEmpty().allSatisfy(key -> {
      assertThat(key.documentation).as(key.name).isNotBlank();
      assertThat(key.group).as(key.name).isNotBlank();
    });
    assertThat(Plugins.overview(plugin))
        .contains(plugin.getName() + "$Value")
        .contains(plugin.getName() + "$Key");
  }
}
