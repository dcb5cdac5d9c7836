package io.streametl.stack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class Log4jConfigTest {

  @Test
  void writesToTheGivenFileEvenWithCharactersXmlWouldMisread() throws Exception {
    Path logFile = Path.of("/tmp/a&b <c>/worker-0.log");

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
        new ByteArrayInputStream(Log4jConfig.render("Connect worker 0", logFile)
            .getBytes(StandardCharsets.UTF_8)));

    assertThat(xml.getElementsByTagName("File").item(0).getAttributes()
        .getNamedItem("fileName").getNodeValue()).isEqualTo(logFile.toString());
  }

  @Test
  void keepsConnectsConnectorContextInEachLine() {
    assertThat(Log4jConfig.render("worker", Path.of("/tmp/w.log")))
        .contains("%X{connector.context}");
  }
}
