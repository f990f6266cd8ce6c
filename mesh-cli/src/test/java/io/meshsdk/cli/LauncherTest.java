package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.MeshSdk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code target/mesh} beside {@code mesh.jar} (runs in the package phase, after
 * both are built): same output and exit codes as the jar, whatever state its AppCDS cache is in.
 */
class LauncherTest {
  private static final Path LAUNCHER = Paths.get("target", "mesh").toAbsolutePath();
  private static final String VERSION =
      "mesh " + MeshSdk.version() + "\nlinkerd " + MeshSdk.linkerdVersion() + "\n";

  record Run(int exit, String out, String err) {}

  private static Run run(Path launcher, Path cache, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("MESH_CACHE_DIR", cache.toString());
    env.remove("MESH_JAVA_OPTS");
    env.remove("MESH_CDS");
    Path out = Files.createTempFile("mesh-out", ".txt");
    Path err = Files.createTempFile("mesh-err", ".txt");
    try {
      pb.redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      int code = pb.start().waitFor();
      return new Run(
          code,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<Path> archives(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  @Test
  void should_be_an_executable_beside_the_jar() {
    assertThat(LAUNCHER).isExecutable();
    assertThat(LAUNCHER.resolveSibling("mesh.jar")).isRegularFile();
  }

  @Test
  void should_answer_like_the_jar_and_keep_an_archive_for_the_next_runs(@TempDir Path tmp)
      throws Exception {
    Path cache = tmp.resolve("cache");

    Run first = run(LAUNCHER, cache, "version");
    List<Path> written = archives(cache);
    Run second = run(LAUNCHER, cache, "version");

    assertThat(first).isEqualTo(new Run(0, VERSION, ""));
    assertThat(written).hasSize(1);
    assertThat(Files.size(written.get(0))).isPositive();
    assertThat(second).isEqualTo(new Run(0, VERSION, ""));
    assertThat(archives(cache)).isEqualTo(written);
  }

  @Test
  void should_pass_exit_codes_and_diagnostics_through(@TempDir Path tmp) throws Exception {
    Run usage = run(LAUNCHER, tmp.resolve("cache"), "version", "--bogus");
    Run again = run(LAUNCHER, tmp.resolve("cache"), "version", "--bogus");

    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.out()).isEmpty();
    assertThat(usage.err()).startsWith("mesh: ").contains("--bogus");
    assertThat(again).isEqualTo(usage);
  }

  @Test
  void should_run_with_a_corrupt_archive(@TempDir Path tmp) throws Exception {
    Path cache = tmp.resolve("cache");
    run(LAUNCHER, cache, "version");
    List<Path> written = archives(cache);
    for (Path archive : written) {
      Files.delete(archive); // the launcher writes it read-only
      Files.writeString(archive, "not an archive");
    }

    assertThat(written).hasSize(1);

    assertThat(run(LAUNCHER, cache, "version")).isEqualTo(new Run(0, VERSION, ""));
  }

  @Test
  void should_run_when_the_cache_cannot_be_written(@TempDir Path tmp) throws Exception {
    Path notADirectory = Files.writeString(tmp.resolve("file"), "x");

    assertThat(run(LAUNCHER, notADirectory.resolve("cache"), "version"))
        .isEqualTo(new Run(0, VERSION, ""));
  }

  @Test
  void should_replace_the_archive_of_an_older_jar(@TempDir Path tmp) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path launcher = Files.copy(LAUNCHER, bin.resolve("mesh"));
    Path jar = Files.copy(LAUNCHER.resolveSibling("mesh.jar"), bin.resolve("mesh.jar"));
    Path cache = tmp.resolve("cache");
    run(launcher, cache, "version");
    List<Path> before = archives(cache);

    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
    Run stale = run(launcher, cache, "version");

    assertThat(stale).isEqualTo(new Run(0, VERSION, ""));
    assertThat(archives(cache)).hasSize(1).doesNotContainAnyElementsOf(before);
  }

  @Test
  void should_find_the_jar_through_a_symbolic_link(@TempDir Path tmp) throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("mesh"), LAUNCHER);

    Run viaLink = run(link, tmp.resolve("cache"), "version");
    Files.delete(link); // not left for @TempDir, which warns about links leaving the folder

    assertThat(viaLink).isEqualTo(new Run(0, VERSION, ""));
  }
}
