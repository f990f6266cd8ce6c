package io.meshsdk.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile manifest input (issue 8, classes 1, 2, 7, 11): typed, located errors; tags written as
 * read; scalar aliases in the expansion budget; endless inputs refused after the document limit.
 */
class HostileManifestTest {
  private final ManifestReader reader = ManifestReader.create();

  private ManifestException error(String text) {
    return catchThrowableOfType(
        ManifestException.class, () -> reader.readAll(text, "hostile.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a: \"\\x", "a: \"\\u12", "a: \"\\U0001F6", "kind: A\nb:\n  c: \"\\x4"})
  void should_locate_an_escape_cut_off_at_the_end_of_the_text(String text) {
    ManifestException e = error(text);

    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .startsWith("hostile.yaml: document 1, line " + text.split("\n").length + ", column ")
        .doesNotContain("Exception");
  }

  @Test
  void should_say_what_is_wrong_with_a_cut_off_hex_escape() {
    assertThat(error("a: \"\\x").getMessage())
        .isEqualTo(
            "hostile.yaml: document 1, line 1,"
                + " column 7: malformed escape sequence in a double-quoted scalar (\\x, \\u and \\U"
                + " take 2, 4 and 8 hexadecimal digits)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "!foo%21",
        "!foo%20bar",
        "!caf%C3%A9",
        "!a%25b",
        "!<tag:x.com,2000:a%2Cb>",
        "!!str%21",
        "!a,b"
      })
  void should_write_a_tag_back_so_that_it_reads_as_the_same_tag_and_value(String tag) {
    Manifest m = reader.readAll("kind: ConfigMap\ndata:\n  value: " + tag + " x y\n", "t").get(0);
    Map<String, Object> changed = new LinkedHashMap<>(m.object().orElseThrow());
    changed.put("extra", "1");

    String written = ManifestWriter.toYaml(changed);
    Manifest back = reader.readAll(written, "written").get(0);

    assertThat(back.root()).as(written).isEqualTo(changed);
    Object value = ((Map<?, ?>) back.object().orElseThrow().get("data")).get("value");
    assertThat(value).isEqualTo(((Map<?, ?>) changed.get("data")).get("value"));
  }

  @Test
  void should_refuse_a_tag_on_a_mapping_which_writing_would_lose() {
    ManifestException e = error("kind: ConfigMap\ndata: !foo\n  a: b\n");

    assertThat(e.getMessage())
        .isEqualTo(
            "hostile.yaml: document 1, line 2, column 7: tags on mappings and sequences are"
                + " not supported (!foo): the tag would be lost when the document is written");
  }

  @Test
  void should_count_scalar_aliases_against_the_expansion_budget() {
    ManifestReader small = ManifestReader.builder().maxDocumentBytes(100_000).build();
    String bomb =
        "kind: ConfigMap\ndata:\n  a: &a " + "x".repeat(3000) + "\n  l:\n" + "  - *a\n".repeat(40);

    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> small.readAll(bomb, "bomb.yaml"));

    assertThat(e.getMessage())
        .isEqualTo(
            "bomb.yaml: document 1, line 38, column 5: aliases expand"
                + " to more than 100000 characters: alias expansion (of scalars too) is limited against"
                + " alias bombs");
    assertThat(small.readAll(bomb.replace("\n  - *a\n".repeat(1), "\n"), "ok.yaml")).isNotEmpty();
  }

  @Test
  void should_count_aliased_keys_against_the_expansion_budget() {
    ManifestReader small = ManifestReader.builder().maxDocumentBytes(100_000).build();
    String bomb =
        "kind: ConfigMap\nk: &a " + "y".repeat(3000) + "\nl:\n" + "- {*a : 1}\n".repeat(40);

    assertThat(
            catchThrowableOfType(ManifestException.class, () -> small.readAll(bomb, "k.yaml"))
                .getMessage())
        .contains("aliases expand to more than 100000 characters");
  }

  @Test
  void should_refuse_an_endless_document_once_it_passes_the_limit() {
    ManifestReader small = ManifestReader.builder().maxDocumentBytes(1000).build();
    try (ManifestStream s = small.open(new EndlessReader(), "endless")) {
      assertThat(s.hasNext()).isTrue();
      ManifestException e = catchThrowableOfType(ManifestException.class, s::next);
      assertThat(e.getMessage())
          .isEqualTo(
              "endless: document 1, line 1, column 1: the document is"
                  + " larger than the limit of 1000 bytes (maxDocumentBytes)");
    }
  }

  @Test
  @EnabledIf("devZeroExists")
  void should_give_up_dev_zero_after_the_document_limit_and_the_skip_limit() {
    ManifestReader small = ManifestReader.builder().maxDocumentBytes(1000).build();

    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> small.readAll(Path.of("/dev/zero")));

    assertThat(e.getMessage())
        .isEqualTo(
            "/dev/zero: document 1, line 1, column 1: the document is"
                + " larger than the limit of 1000 bytes (maxDocumentBytes) (and 1 more bad documents)");
    assertThat(e.getSuppressed()[0].getMessage()).contains("the rest of the input is not read");
  }

  static boolean devZeroExists() {
    return Files.exists(Path.of("/dev/zero"));
  }

  @Test
  void should_still_read_the_document_after_an_oversized_one() {
    ManifestReader small = ManifestReader.builder().maxDocumentBytes(100).build();
    String text = "kind: A\ndata: " + "x".repeat(500) + "\n---\nkind: B\n";

    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> small.readAll(text, "two.yaml"));

    assertThat(e.validDocuments()).containsExactly(new ManifestLocation("two.yaml", 2, 3));
    assertThat(List.of(e.getSuppressed())).isEmpty();
  }

  /** A reader that never ends and has no line breaks: what {@code /dev/zero} gives. */
  private static final class EndlessReader extends Reader {
    @Override
    public int read(char[] cbuf, int off, int len) {
      java.util.Arrays.fill(cbuf, off, off + len, 'a');
      return len;
    }

    @Override
    public void close() {}
  }
}
