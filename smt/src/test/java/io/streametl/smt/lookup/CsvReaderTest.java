package io.streametl.smt.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
    String text = "id,name,note\r\n1,\"Pro, yearly\",\"say \"\"hi\"\"\"\n2,,\"two\nlines\"\n";

    assertThat(CsvReader.rows(text)).containsExactly(
        List.of("id", "name", "note"),
        List.of("1", "Pro, yearly", "say \"hi\""),
        List.of("2", "", "two\nlines"));
  }

  @Test
  void readsALastRowWithoutLineBreakAndSkipsBlankLines() {
    assertThat(CsvReader.rows("a,b\n\n1,2")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    assertThat(CsvReader.rows("a\n\"\"\n")).containsExactly(List.of("a"), List.of(""));
  }

  @Test
  void namesTheLineOfAnUnclosedQuote() {
    assertThatThrownBy(() -> CsvReader.rows("a,b\n1,\"open\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2: a quoted field is never closed");
    assertThatThrownBy(() -> CsvReader.rows("a\n\"x\"y\n"))
        .hasMessage("line 2: text after a closing quote");
  }
}
