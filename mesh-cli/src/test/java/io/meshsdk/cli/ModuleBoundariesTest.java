package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The artifacts without a {@code module-info} (they build on jars without one) keep the module
 * rules by hand: their main code imports no {@code internal} package of another Mesh SDK module. On
 * the class path nothing else would stop it.
 */
class ModuleBoundariesTest {
  private static final Pattern INTERNAL_IMPORT =
      Pattern.compile(
          "^import (?:static )?io\\.meshsdk\\.([a-z]+)\\.(?:[a-z.]*\\.)?internal\\b",
          Pattern.MULTILINE);

  @ParameterizedTest
  @ValueSource(
      strings = {"mesh-cluster", "mesh-testing", "mesh-checks", "mesh-install", "mesh-cli"})
  void should_import_no_internal_package_of_another_module(String module) throws IOException {
    Path sources = Paths.get("..", module, "src", "main", "java");
    assertThat(sources).isDirectory();
    String own = module.substring("mesh-".length());
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                Matcher m = INTERNAL_IMPORT.matcher(read(f));
                while (m.find()) {
                  if (!m.group(1).equals(own)) {
                    offenders.add(sources.relativize(f) + ": " + m.group());
                  }
                }
              });
    }
    assertThat(offenders).as("imports of another module's internals in " + module).isEmpty();
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
