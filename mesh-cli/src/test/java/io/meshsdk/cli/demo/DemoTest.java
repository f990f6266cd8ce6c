package io.meshsdk.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo as a library: colour only when asked (on a terminal), steps 1 to 7 only. */
class DemoTest {
  @Test
  void should_colour_headings_and_check_symbols_only_when_asked() {
    String coloured = Demo.create(Optional.empty(), true).step(2).text();
    String plain = Demo.create(Optional.empty(), false).step(2).text();

    assertThat(coloured)
        .startsWith("\u001B[1mStep 2/7  Pre-installation checks\u001B[0m\n")
        .contains("\u001B[33;1m‼\u001B[0m proxy-init container runs as root user")
        .contains("\u001B[32;1m√\u001B[0m proxy-init container runs as root user");
    assertThat(plain).doesNotContain("\u001B[");
    assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void should_refuse_a_step_that_does_not_exist() {
    Demo demo = Demo.create(Optional.empty(), false);
    assertThatThrownBy(() -> demo.step(0)).hasMessage("there are steps 1 to 7, not 0");
    assertThatThrownBy(() -> demo.step(8)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Demo.title(7)).isEqualTo("Data plane and viz");
  }
}
