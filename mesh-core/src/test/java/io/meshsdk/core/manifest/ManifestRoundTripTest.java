package io.meshsdk.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestRoundTripTest {
  private final ManifestReader reader = ManifestReader.create();

  static Stream<Path> corpus() {
    return Corpus.files();
  }

  private static String writeAll(List<Manifest> docs) {
    StringWriter out = new StringWriter();
    try (ManifestWriter w = ManifestWriter.yaml(out)) {
      docs.forEach(w::write);
    }
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void should_write_unmodified_documents_back_byte_for_byte(Path file) {
    String text = Corpus.read(file);

    List<Manifest> docs = reader.readAll(text, file.getFileName().toString());

    assertThat(docs).isNotEmpty().noneMatch(Manifest::isModified);
    assertThat(writeAll(docs)).isEqualTo(text);
    assertThat(String.join("", docs.stream().map(m -> m.sourceText().orElseThrow()).toList()))
        .isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void should_stream_a_file_back_byte_for_byte(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();

    try (ManifestStream in = reader.open(file);
        ManifestWriter out =
            ManifestWriter.yaml(new OutputStreamWriter(sink, StandardCharsets.UTF_8))) {
      in.forEachRemaining(out::write);
    }

    assertThat(sink.toByteArray()).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void should_read_back_the_same_trees_when_every_document_is_emitted_anew(Path file) {
    List<Manifest> docs = reader.readAll(Corpus.read(file), "in");
    List<Manifest> modified = new ArrayList<>();
    for (Manifest m : docs) {
      modified.add(m.withRoot(m.root()));
    }

    String emitted = writeAll(modified);
    List<Manifest> again = reader.readAll(emitted, "emitted");

    assertThat(again).hasSameSizeAs(docs);
    for (int i = 0; i < docs.size(); i++) {
      assertThat(again.get(i).root())
          .as("document %d of\n%s", i + 1, emitted)
          .isEqualTo(docs.get(i).root());
      assertThat(again.get(i).isEmpty()).isEqualTo(docs.get(i).isEmpty());
    }
    assertThat(writeAll(again)).isEqualTo(emitted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void should_write_only_separators_needed_when_documents_of_several_files_are_joined(Path file) {
    String text = Corpus.read(file);
    List<Manifest> docs = new ArrayList<>(reader.readAll(text, "a"));
    docs.addAll(reader.readAll(text, "b"));

    String joined = writeAll(docs);
    List<Manifest> again = reader.readAll(joined, "joined");

    assertThat(again).hasSize(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      assertThat(again.get(i).root()).isEqualTo(docs.get(i).root());
    }
  }
}
