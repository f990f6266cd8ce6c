package io.meshsdk.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile values input (issue 8, classes 1, 3, 4, 5, 7, 11): typed errors quoting a bounded
 * excerpt, nesting and size budgets, every code point written so it reads back, aliases bounded,
 * files read with a limit.
 */
class HostileValuesTest {
  @TempDir Path dir;

  private static ValuesException refused(ValuesBuilder b) {
    return catchThrowableOfType(ValuesException.class, b::build);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a: \"\\x", "a: \"\\u00", "a: \"\\U0001F6", "b:\n  c: \"\\x4"})
  void should_locate_an_escape_cut_off_at_the_end_of_a_values_file(String text) {
    ValuesException e =
        catchThrowableOfType(ValuesException.class, () -> HelmValues.fromYaml(text, "v.yaml"));

    assertThat(e.getMessage())
        .startsWith("v.yaml: line " + text.split("\n").length + ", column ")
        .doesNotContain("Exception");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SET:a%s=1", "SET_STRING:a%s=x", "SET_JSON:a=%j", "SET:%d=1"})
  void should_refuse_nesting_deeper_than_the_values_limit_quoting_an_excerpt(String shape) {
    String[] parts = shape.split(":", 2);
    String arg =
        parts[1]
            .replace("%s", "[0]".repeat(5000))
            .replace("%j", "[".repeat(5000) + "]".repeat(5000))
            .replace("%d", "k.".repeat(10).replace(".", "[0].").repeat(200) + "x");
    ValuesException e = refused(ValuesBuilder.create().set(SetFlag.valueOf(parts[0]), arg));

    assertThat(e.problem()).startsWith("nesting deeper than 1000 levels");
    assertThat(e.getMessage()).hasSizeLessThan(400).contains("…").contains(" characters)");
    assertThat(e.input()).contains(arg);
  }

  @Test
  void should_accept_nesting_up_to_the_limit() {
    String arg = "a" + "[0]".repeat(998) + "=1";

    HelmValues v = ValuesBuilder.create().set(arg).build().values();

    assertThat(v.toJson()).startsWith("{\"a\":" + "[".repeat(998) + "1");
  }

  @Test
  void should_refuse_a_tree_deeper_than_the_limit_given_to_the_api() {
    Map<String, Object> root = new LinkedHashMap<>();
    Object deep = "x";
    for (int i = 0; i < 5000; i++) {
      List<Object> l = new ArrayList<>();
      l.add(deep);
      deep = l;
    }
    root.put("a", deep);

    assertThat(catchThrowableOfType(ValuesException.class, () -> HelmValues.of(root)).getMessage())
        .startsWith("values nest deeper than 1000 levels (at a[0][0]");
  }

  @Test
  void should_refuse_nested_padded_lists_past_the_budget() {
    String arg = "a" + "[65536]".repeat(999) + "=1";

    ValuesException e = refused(ValuesBuilder.create().set(arg));

    assertThat(e.problem())
        .isEqualTo(
            "the values the --set arguments create exceed the budget of"
                + " 16 MiB (list indices pad lists with nulls)");
  }

  @Test
  void should_share_the_budget_between_the_arguments_of_one_build() {
    ValuesBuilder b = ValuesBuilder.create();
    for (int i = 0; i < 1000; i++) {
      b.set("k" + i + "[65536]=1");
    }

    ValuesException e = refused(b);

    assertThat(e.input()).contains("k15[65536]=1");
    assertThat(ValuesBuilder.create().set("k[65536]=1").build().values().asMap()).hasSize(1);
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {0x85, 0x2028, 0x2029, 0x80, 0x9F, 0x0D, 0xFEFF, 0x07, 0x1F600})
  void should_write_every_code_point_so_that_it_reads_back(int cp) {
    String c = new String(Character.toChars(cp));
    for (String value : List.of("{" + c + "i}", c, "a" + c, c + "\nline 2", "x\n" + c + "\n")) {
      HelmValues v = ValuesBuilder.create().setLiteral("a=" + value).build().values();

      String yaml = v.toYaml();

      assertThat(HelmValues.fromYaml(yaml, "written").getString("a")).as(yaml).contains(value);
    }
  }

  @Test
  void should_count_scalar_aliases_of_a_values_file_against_the_expansion_budget() {
    String bomb = "a: &a " + "x".repeat(40_000) + "\nl:\n" + "- *a\n".repeat(6000);

    ValuesException e =
        catchThrowableOfType(ValuesException.class, () -> HelmValues.fromYaml(bomb, "b.yaml"));

    assertThat(e.getMessage())
        .startsWith("b.yaml: line ")
        .endsWith(
            "aliases expand to more than"
                + " 16777216 characters: alias expansion (of scalars too) is limited against alias bombs");
  }

  @Test
  void should_count_collection_aliases_by_the_nodes_they_add() {
    StringBuilder b = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'h'; c++) {
      b.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(10, "*" + prev)))
          .append("]\n");
      prev = c;
    }

    assertThat(
            catchThrowableOfType(
                    ValuesException.class, () -> HelmValues.fromYaml(b.toString(), "n.yaml"))
                .getMessage())
        .contains("aliases expand to more than 1000000 nodes");
  }

  @Test
  void should_keep_the_message_on_one_line_for_a_path_with_a_line_break() {
    ValuesException e =
        refused(ValuesBuilder.create().fileReader(SetFileReader.of(Map.of())).setFile("a=x\ny"));

    assertThat(e.getMessage())
        .isEqualTo(
            "invalid --set-file \"a=x\\ny\" at character 5: cannot read \"x\\ny\": no such file");
  }

  @Test
  void should_name_the_source_of_a_value_values_cannot_hold() {
    ValuesException e =
        catchThrowableOfType(
            ValuesException.class, () -> HelmValues.fromYaml("a: !!binary aGk=\n", "b.yaml"));

    assertThat(e.getMessage()).startsWith("b.yaml: unsupported value of type [B at a");
  }

  @Test
  void should_refuse_a_recursive_alias_found_by_the_fuzzer() {
    String recursive = "e: &e [x, x]\nf: &f [*e, *f, *f]\n";

    assertThat(
            catchThrowableOfType(
                    ValuesException.class, () -> HelmValues.fromYaml(recursive, "r.yaml"))
                .getMessage())
        .isEqualTo(
            "r.yaml: line 2, column 12: recursive alias *f (inside its own"
                + " anchor) is not supported");
  }

  @Test
  @EnabledIf("devZeroExists")
  void should_refuse_dev_zero_as_a_set_file_and_as_a_values_file() {
    SetFileReader files =
        SetFileReader.fromDirectory(dir, () -> new ByteArrayInputStream(new byte[0]));

    ValuesException set = refused(ValuesBuilder.create().fileReader(files).setFile("a=/dev/zero"));
    ValuesException file =
        catchThrowableOfType(
            ValuesException.class, () -> HelmValues.fromFile(Path.of("/dev/zero")));

    assertThat(set.problem())
        .isEqualTo("cannot read \"/dev/zero\": larger than the limit of 4194304 bytes");
    assertThat(file.getMessage())
        .isEqualTo("values file /dev/zero: larger than the limit of 16777216 bytes");
  }

  static boolean devZeroExists() {
    return Files.exists(Path.of("/dev/zero"));
  }

  @Test
  void should_refuse_a_large_file_from_its_size_and_an_endless_stdin() throws IOException {
    Path big = dir.resolve("big.pem");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(5L << 20); // sparse: refused without being read
    }
    SetFileReader files =
        SetFileReader.fromDirectory(
            dir,
            () ->
                new java.io.InputStream() {
                  @Override
                  public int read() {
                    return 'x';
                  }
                });

    assertThat(refused(ValuesBuilder.create().fileReader(files).setFile("a=big.pem")).problem())
        .isEqualTo("cannot read \"big.pem\": larger than the limit of 4194304 bytes");
    assertThat(refused(ValuesBuilder.create().fileReader(files).setFile("a=-")).problem())
        .isEqualTo("cannot read standard input: larger than the limit of 4194304 bytes");
  }
}
