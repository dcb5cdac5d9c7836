package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiProgressTest {

  @Test
  void showsTheApiAgainstWhatLandedPerTopic() {
    assertThat(ApiProgress.format(1_030, 510, 515, 0)).isEqualTo(
        "        api: versions served 1,030 | api.orders 510 | api.customers 515 | api.errors 0");
  }
}
