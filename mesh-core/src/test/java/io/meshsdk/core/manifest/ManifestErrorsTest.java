package io.meshsdk.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestErrorsTest {
  private static final String GOOD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n";

  private final ManifestReader reader = ManifestReader.create();

  private ManifestException readError(String text) {
    return catchThrowableOfType(ManifestException.class, () -> reader.readAll(text, "bad.yaml"));
  }

  @Test
  void should_name_source_document_line_and_column_of_malformed_yaml() {
    String text = GOOD + "---\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n";

    ManifestException e = readError(text);

    assertThat(e.source()).isEqualTo("bad.yaml");
    assertThat(e.documentIndex()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.column()).isEqualTo(12);
    assertThat(e.getMessage())
        .isEqualTo("bad.yaml: document 2, line 9, column 12: mapping values are not allowed here");
    assertThat(e.validDocuments()).containsExactly(new ManifestLocation("bad.yaml", 1, 1));
  }

  @Test
  void should_stop_an_alias_bomb() {
    StringBuilder text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\ndata:\n");
    text.append("  a: &a [").append(String.join(",", java.util.Collections.nCopies(9, "lol")));
    text.append("]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'i'; c++) {
      text.append("  ").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        text.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      text.append("]\n");
      prev = String.valueOf(c);
    }

    ManifestException e = readError(text.toString());

    assertThat(e.getMessage())
        .startsWith("bad.yaml: document 1, line ")
        .contains("alias expansion is limited against alias bombs");
  }

  @Test
  void should_limit_the_number_of_aliases_to_collections() {
    StringBuilder text = new StringBuilder("kind: ConfigMap\nx: &a [1]\ny: [");
    for (int i = 0; i < 51; i++) {
      text.append(i == 0 ? "" : ",").append("*a");
    }
    text.append("]\n");

    ManifestException e = readError(text.toString());

    assertThat(e.getMessage())
        .isEqualTo(
            "bad.yaml: document 1, line 3, column 155: too many aliases to mappings or sequences"
                + " (more than 50): alias expansion is limited against alias bombs");
    ManifestReader more = ManifestReader.builder().maxAliasesForCollections(51).build();
    assertThat(more.readAll(text.toString(), "ok").get(0).root().toString())
        .contains("y=[[1], [1]");
  }

  @Test
  void should_stop_an_alias_expansion_that_stays_under_the_alias_count() {
    // 4 levels of 10 aliases each: 40 aliases, but 10^4 copies of a 10,000-item list
    StringBuilder text = new StringBuilder("kind: ConfigMap\ndata:\n  a: &a [");
    for (int i = 0; i < 10_000; i++) {
      text.append(i == 0 ? "" : ",").append(i);
    }
    text.append("]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'e'; c++) {
      text.append("  ").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        text.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      text.append("]\n");
      prev = String.valueOf(c);
    }

    ManifestException e = readError(text.toString());

    assertThat(e.getMessage())
        .startsWith("bad.yaml: document 1, line ")
        .contains("aliases expand to more than 1000000 nodes");
  }

  @Test
  void should_reject_nesting_deeper_than_100() {
    String deep = "a:\n  " + "[".repeat(100) + "]".repeat(100) + "\n";
    String ok = "a:\n  " + "[".repeat(99) + "]".repeat(99) + "\n";

    ManifestException e = readError(GOOD + "---\n" + deep);

    assertThat(e.getMessage())
        .isEqualTo("bad.yaml: document 2, line 7, column 102: nesting deeper than 100 levels");
    assertThat(reader.readAll(ok, "ok.yaml")).hasSize(1);
  }

  @Test
  void should_reject_a_document_over_the_size_limit_and_go_on_with_the_next() {
    ManifestReader small = ManifestReader.builder().maxDocumentBytes(100).build();
    String big = "kind: ConfigMap\ndata:\n  big: " + "x".repeat(200) + "\n";
    String text = GOOD + "---\n" + big + "---\n" + GOOD;

    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> small.readAll(text, "big.yaml"));

    assertThat(e.getMessage())
        .isEqualTo(
            "big.yaml: document 2, line 5, column 1: the document is larger than the limit of"
                + " 100 bytes (maxDocumentBytes)");
    assertThat(e.validDocuments())
        .containsExactly(
            new ManifestLocation("big.yaml", 1, 1), new ManifestLocation("big.yaml", 3, 9));
  }

  @Test
  void should_reject_a_single_huge_line_without_holding_it() {
    ManifestReader small = ManifestReader.builder().maxDocumentBytes(1000).build();
    String text = "{\"kind\":\"ConfigMap\",\"data\":{\"a\":\"" + "x".repeat(50_000) + "\"}}\n";

    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> small.readAll(text, "line.json"));

    assertThat(e.getMessage())
        .isEqualTo(
            "line.json: document 1, line 1, column 1: the document is larger than the limit of"
                + " 1000 bytes (maxDocumentBytes)");
  }

  @Test
  void should_read_documents_up_to_the_default_limit_beyond_snakeyaml_s_own_limit() {
    String text =
        "kind: ConfigMap\ndata:\n  big: |\n" + ("    " + "x".repeat(100) + "\n").repeat(40_000);

    List<Manifest> docs = reader.readAll(text, "big.yaml");

    assertThat(docs).hasSize(1);
  }

  @Test
  void should_reject_duplicate_keys() {
    String text = "kind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    x: 1\n    x: 2\n";

    ManifestException e = readError(text);

    assertThat(e.getMessage())
        .isEqualTo("bad.yaml: document 1, line 6, column 5: duplicate key \"x\"");
  }

  @Test
  void should_accept_duplicate_keys_as_linkerd_when_asked_the_last_one_winning_with_a_warning() {
    String text =
        "kind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    x: 1\n    y: 0\n"
            + "    x: 2\n---\nkind: Secret\nkind: ConfigMap\n";
    ManifestReader lenient = ManifestReader.builder().allowDuplicateKeys().build();

    List<Manifest> docs = lenient.readAll(text, "dup.yaml");

    assertThat(docs.get(0).root().toString())
        .isEqualTo("{kind=ConfigMap, metadata={name=a, labels={x=2, y=0}}}");
    assertThat(docs.get(0).warnings())
        .containsExactly(
            "dup.yaml: document 1, line 7, column 5: duplicate key \"x\": the last one wins");
    assertThat(docs.get(1).kind()).contains("ConfigMap");
    assertThat(docs.get(1).warnings())
        .containsExactly(
            "dup.yaml: document 2, line 10, column 1: duplicate key \"kind\": the last one wins");
    // the default stays strict, and clean documents carry no warnings
    assertThatThrownBy(() -> ManifestReader.create().readAll(text, "dup.yaml"))
        .isInstanceOf(ManifestException.class);
    assertThat(lenient.readAll("kind: A\n", "ok.yaml").get(0).warnings()).isEmpty();
  }

  @Test
  void should_derive_a_reader_with_to_builder_keeping_its_limits() {
    ManifestReader shallow = ManifestReader.builder().maxNestingDepth(2).build();
    ManifestReader lenient = shallow.toBuilder().allowDuplicateKeys().build();
    assertThat(lenient.readAll("a: 1\na: 2\n", "d.yaml").get(0).warnings()).hasSize(1);
    assertThatThrownBy(() -> lenient.readAll("a: {b: {c: 1}}\n", "deep.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("deep.yaml");
    assertThatThrownBy(() -> shallow.readAll("a: 1\na: 2\n", "d.yaml"))
        .isInstanceOf(ManifestException.class);
  }

  @Test
  void should_reject_a_top_level_scalar_where_an_object_is_required() {
    ManifestException e = readError(GOOD + "--- # comment\n\n  just text\n");

    assertThat(e.getMessage())
        .isEqualTo(
            "bad.yaml: document 2, line 7, column 3: a Kubernetes object (a mapping) is required,"
                + " but the document is a scalar");
  }

  @Test
  void should_reject_a_top_level_sequence_where_an_object_is_required() {
    ManifestException e = readError("- a\n- b\n---\n" + GOOD);

    assertThat(e.getMessage())
        .isEqualTo(
            "bad.yaml: document 1, line 1, column 1: a Kubernetes object (a mapping) is required,"
                + " but the document is a sequence");
    assertThat(e.validDocuments()).containsExactly(new ManifestLocation("bad.yaml", 2, 3));
  }

  @Test
  void should_accept_scalars_and_sequences_when_objects_are_not_required() {
    ManifestReader lenient = ManifestReader.builder().requireObjects(false).build();

    List<Manifest> docs = lenient.readAll("- a\n- b\n---\ntext\n", "x");

    assertThat(docs.get(0).root()).isEqualTo(List.of("a", "b"));
    assertThat(docs.get(1).root()).isEqualTo("text");
  }

  @Test
  void should_let_a_stream_continue_after_a_bad_document() {
    String text = GOOD + "---\nkind: [\n---\n" + GOOD.replace("good", "after");
    List<String> names = new ArrayList<>();
    List<ManifestException> errors = new ArrayList<>();

    try (ManifestStream s = reader.open(new StringReader(text), "s.yaml")) {
      while (s.hasNext()) {
        try {
          names.add(s.next().name().orElseThrow());
        } catch (ManifestException e) {
          errors.add(e);
        }
      }
    }

    assertThat(names).containsExactly("good", "after");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getMessage()).startsWith("s.yaml: document 2, line 7, column 1: ");
    assertThat(errors.get(0).validDocuments())
        .containsExactly(new ManifestLocation("s.yaml", 1, 1));
  }

  @Test
  void should_report_every_bad_document_of_read_all() {
    String text = "a: [\n---\n" + GOOD + "---\nb: 1\nb: 2\n";

    ManifestException e = readError(text);

    assertThat(e.getMessage())
        .startsWith("bad.yaml: document 1, line 2, column 1: ")
        .endsWith("(and 1 more bad documents)");
    assertThat(e.getSuppressed()).hasSize(1);
    assertThat(e.getSuppressed()[0].getMessage())
        .isEqualTo("bad.yaml: document 3, line 9, column 1: duplicate key \"b\"");
    assertThat(e.validDocuments()).containsExactly(new ManifestLocation("bad.yaml", 2, 2));
  }

  @Test
  void should_reject_recursive_and_undefined_aliases() {
    assertThat(readError("a: &x\n  b: *x\n").getMessage())
        .isEqualTo("bad.yaml: document 1, line 2, column 6: recursive alias *x is not supported");
    assertThat(readError("a: 1\nb: *nope\n").getMessage())
        .isEqualTo("bad.yaml: document 1, line 2, column 4: undefined alias *nope");
  }

  @Test
  void should_reject_complex_keys() {
    assertThat(readError("? [a, b]\n: c\n").getMessage())
        .isEqualTo(
            "bad.yaml: document 1, line 1, column 3: mapping keys must be scalars (complex keys"
                + " are not supported)");
  }

  @Test
  void should_count_columns_from_the_start_of_a_json_value_that_follows_another() {
    String text = "{\"kind\":\"A\"} {\"kind\": 'B' : x}";

    ManifestException e = readError(text);

    assertThat(e.documentIndex()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isGreaterThan(14);
  }

  @Test
  void should_reject_bytes_that_are_not_utf8() {
    byte[] bytes = {'k', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};

    ManifestException e;
    try (ManifestStream s = reader.open(new ByteArrayInputStream(bytes), "<stdin>")) {
      e = catchThrowableOfType(ManifestException.class, s::next);
    }

    assertThat(e.getMessage()).startsWith("<stdin>: document 1: cannot read the input: ");
  }

  @Test
  void should_name_a_missing_file() {
    assertThatThrownBy(() -> reader.readAll(java.nio.file.Path.of("/no/such/dir")))
        .isInstanceOf(ManifestException.class)
        .hasMessage("/no/such/dir: no such file or folder");
  }
}
