package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One exit-code rule for every command: 2 for usage, argument syntax and argument limits; 1 for a
 * failed operation. Nothing on stdout either way.
 */
class ExitCodesTest {
  @TempDir static Path dir;

  private static final String MISSING = "/nonexistent/mesh-exit-codes/none.pem";

  static Stream<Arguments> cases() {
    return Stream.of(
        // argument syntax and limits: 2, whatever the flag and the command
        Arguments.of(2, List.of("values", "--set", "a.b[")),
        Arguments.of(2, List.of("values", "--set", "a[99999999]=1")),
        Arguments.of(2, List.of("values", "--set-string", "a.b[")),
        Arguments.of(2, List.of("values", "--set-json", "a={\"b\":")),
        Arguments.of(2, List.of("values", "--no-defaults", "--set", "a.b[")),
        Arguments.of(2, List.of("inject", "--set", "a.b[", "@workload")),
        Arguments.of(2, List.of("inject", "--set", "a[99999999]=1", "@workload")),
        Arguments.of(2, List.of("inject", "--set-string", "a.b[", "@workload")),
        Arguments.of(2, List.of("inject", "--override", "a.b[", "@workload")),
        Arguments.of(2, List.of("inject", "--override", "a[99999999]=1", "@workload")),
        Arguments.of(2, List.of("inject", "--admin-port", "http", "@workload")),
        Arguments.of(2, List.of("inject", "--close-wait-timeout", "soon", "@workload")),
        Arguments.of(2, List.of("inject", "--no-such-flag", "@workload")),
        // failed operations: 1
        Arguments.of(1, List.of("values", "--set-file", "a=" + MISSING)),
        Arguments.of(1, List.of("values", "-f", MISSING)),
        Arguments.of(1, List.of("inject", "--set-file", "a=" + MISSING, "@workload")),
        Arguments.of(1, List.of("inject", "-f", MISSING, "@workload")),
        Arguments.of(1, List.of("inject", MISSING)),
        Arguments.of(1, List.of("inject", "--manual", "@workload")),
        Arguments.of(1, List.of("inject", "--strict", "--set", "proxy.port.admin=1", "@workload")));
  }

  private static String workload() throws IOException {
    Path f = dir.resolve("web.yaml");
    if (!Files.exists(f)) {
      Files.writeString(
          f,
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
              + "spec: {template: {spec: {containers: [{name: a, image: b}]}}}\n");
    }
    return f.toString();
  }

  @ParameterizedTest(name = "{0}: mesh {1}")
  @MethodSource("cases")
  void should_exit_2_for_bad_arguments_and_1_for_failed_operations(int exit, List<String> args)
      throws IOException {
    List<String> argv = new ArrayList<>();
    for (String a : args) {
      argv.add(a.equals("@workload") ? workload() : a);
    }
    CliRun run = CliRun.of(argv.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isEqualTo(exit);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("mesh: ");
  }
}
