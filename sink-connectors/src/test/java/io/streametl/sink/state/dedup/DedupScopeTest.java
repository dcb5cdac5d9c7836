package io.streametl.sink.state.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.fieldpath.FieldPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupScopeTest {

  @Test
  void noWarningWhenTheRecordKeyIsTheIdentityOfOneTopic() {
    assertThat(DedupScope.warning(DedupKey.recordKey(), List.of("events"), null)).isEmpty();
    assertThat(DedupScope.warning(DedupKey.recordKey(), List.of("events"), "")).isEmpty();
  }

  @Test
  void warnsWhenValueFieldsAreTheIdentity() {
    DedupKey key = DedupKey.fields(List.of(FieldPath.parse("user_id"), FieldPath.parse("session.id")));

    assertThat(DedupScope.warning(key, List.of("events"), null)).hasValueSatisfying(w -> assertThat(w)
        .contains("[user_id, session.id]").contains("same partition").contains("key every record by these"));
  }

  @Test
  void warnsWhenSeveralTopicsAreRead() {
    assertThat(DedupScope.warning(DedupKey.recordKey(), List.of("a", "b"), null))
        .hasValueSatisfying(w -> assertThat(w).contains("more than one topic"));
    assertThat(DedupScope.warning(DedupKey.recordKey(), List.of(), "events-.*"))
        .hasValueSatisfying(w -> assertThat(w).contains("more than one topic"));
  }
}
