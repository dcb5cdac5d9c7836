package io.streametl.stack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesFileTest {

  @Test
  void whatIsWrittenReadsBackUnchanged() throws IOException {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    props.put("log.dirs", "C:\\kafka data\\logs");
    props.put("key with spaces=and:colons", "value");
    props.put("leading", "  spaces kept");
    props.put("multi", "line one\nline two");
    props.put("comment.like", "#not a comment");

    Properties read = new Properties();
    read.load(new StringReader(PropertiesFile.render("header", props)));

    assertThat(read).containsExactlyInAnyOrderEntriesOf(props);
  }

  @Test
  void listenerUrlsStayReadable() {
    String rendered = PropertiesFile.render("Broker\nsecond line",
        Map.of("listeners", "PLAINTEXT://127.0.0.1:9092"));

    assertThat(rendered).isEqualTo("""
        # Broker
        # second line
        listeners=PLAINTEXT://127.0.0.1:9092
        """);
  }
}
