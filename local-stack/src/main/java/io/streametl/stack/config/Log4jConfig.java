package io.streametl.stack.config;

import java.nio.file.Path;

/**
 * The log4j2 configuration of one child process: everything at INFO into {@code <name>.log},
 * with Connect's connector context in each line as in Kafka's connect-log4j2 config.
 */
public final class Log4jConfig {

  private Log4jConfig() {}

  public static String render(String processDescription, Path logFile) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- log4j2 configuration of %s, written by the StreamETL local stack. -->
        <Configuration status="warn">
          <Appenders>
            <File name="file" fileName="%s" append="true">
              <PatternLayout pattern="[%%d] %%p %%X{connector.context}%%m (%%c)%%n"/>
            </File>
          </Appenders>
          <Loggers>
            <Root level="INFO">
              <AppenderRef ref="file"/>
            </Root>
            <!-- Plugin scanning warns about every class it cannot load; not actionable here. -->
            <Logger name="org.reflections" level="ERROR"/>
          </Loggers>
        </Configuration>
        """.formatted(xmlEscape(processDescription), xmlEscape(logFile.toString()));
  }

  static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
