package io.streametl.source.http.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

  private static final Set<String> VARIABLES = Set.of("endpoint", "watermark");

  @Test
  void rendersVariablesThroughTheEscapeOfTheirContext() {
    Template url = Template.parse("https://h/${endpoint}?since=${watermark}", VARIABLES);
    Template body = Template.parse("{\"since\": \"${watermark}\"}", VARIABLES);
    Map<String, String> values = Map.of("endpoint", "orders", "watermark", "2026-11-21T10:00:00+01:00");

    assertThat(url.render(values, Template::percentEncode))
        .isEqualTo("https://h/orders?since=2026-11-21T10%3A00%3A00%2B01%3A00");
    assertThat(body.render(Map.of("watermark", "a\"b"), Template::jsonEscape))
        .isEqualTo("{\"since\": \"a\\\"b\"}");
    assertThat(url.uses("watermark")).isTrue();
  }

  @Test
  void aMissingValueRendersEmptyAndTextWithoutVariablesStaysAsItIs() {
    assertThat(Template.parse("?since=${watermark}", VARIABLES).render(Map.of())).isEqualTo("?since=");
    assertThat(Template.parse("plain $text {x}", VARIABLES).render(Map.of())).isEqualTo("plain $text {x}");
  }

  @Test
  void configProviderPlaceholdersAreNotTemplateVariables() {
    Template template = Template.parse("${env:TOKEN}/${endpoint}", VARIABLES);

    assertThat(template.render(Map.of("endpoint", "e"))).isEqualTo("${env:TOKEN}/e");
  }

  @Test
  void anUnknownVariableIsRejectedNamingTheKnownOnes() {
    assertThatThrownBy(() -> Template.parse("${since}", VARIABLES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown variable ${since}").hasMessageContaining("${watermark}");
  }
}
