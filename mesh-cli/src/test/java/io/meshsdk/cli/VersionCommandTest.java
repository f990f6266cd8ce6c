package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.MeshSdk;
import org.junit.jupiter.api.Test;

class VersionCommandTest {

  @Test
  void should_print_sdk_and_linkerd_versions() {
    CliRun run = CliRun.of("version");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "mesh "
                + MeshSdk.version()
                + System.lineSeparator()
                + "linkerd edge-26.8.3"
                + System.lineSeparator());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void should_print_the_same_without_picocli_as_through_it() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        MeshCommand.commandLine(
                System.in, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))
            .execute("version");

    assertThat(CliRun.of("version")).isEqualTo(new CliRun(code, out.toString(), err.toString()));
  }

  @Test
  void should_exit_2_on_unknown_option() {
    CliRun run = CliRun.of("version", "--bogus");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--bogus");
  }

  @Test
  void should_exit_2_without_subcommand() {
    assertThat(CliRun.of().exit()).isEqualTo(2);
  }

  @Test
  void should_print_help_for_version_subcommand() {
    CliRun run = CliRun.of("version", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Usage: mesh version");
  }
}
