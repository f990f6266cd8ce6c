package io.meshsdk.core.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The round-trip corpus under {@code src/test/resources/manifests}. */
final class Corpus {
  private Corpus() {}

  static Path dir() {
    try {
      return Path.of(Corpus.class.getResource("/manifests").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> files() {
    try (Stream<Path> s = Files.list(dir())) {
      List<Path> files =
          s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      return files.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
