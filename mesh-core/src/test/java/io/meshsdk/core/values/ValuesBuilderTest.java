package io.meshsdk.core.values;

import static io.meshsdk.core.values.HelmValuesTest.mapOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesBuilderTest {

  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void should_parse_set_into_the_merged_files_before_coalescing() throws Exception {
    LayeredValues v =
        ValuesBuilder.create()
            .valuesFile(file("a.yaml", "list: [0, 1]\n"))
            .set("list[2]=2")
            .build();
    assertThat(v.values().asMap()).isEqualTo(Map.of("list", List.of(0, 1, 2L)));
  }

  @Test
  void should_apply_kinds_in_helms_order_whatever_the_call_order() {
    LayeredValues v =
        ValuesBuilder.create()
            .setLiteral("a=literal")
            .setString("a=string,s=1")
            .set("a=set,t=1")
            .setJson("a=\"json\",j=1")
            .setFile("f=x")
            .fileReader(SetFileReader.of(Map.of("x", "file")))
            .build();
    assertThat(v.values().asMap())
        .isEqualTo(mapOf("a", "literal", "j", 1.0, "t", 1L, "s", "1", "f", "file"));
  }

  @Test
  void should_apply_one_kind_in_the_order_given_and_files_in_order() throws Exception {
    LayeredValues v =
        ValuesBuilder.create()
            .valuesFile(file("1.yaml", "a: {x: 1, w: 1}\nl: [1]\n"))
            .valuesFile(file("2.json", "{\"a\": {\"w\": 2}, \"l\": [2, 3]}"))
            .set("a.z=1")
            .set("a.z=2,a.x=null")
            .build();
    assertThat(v.values().asMap())
        .isEqualTo(mapOf("a", mapOf("x", null, "w", 2, "z", 2L), "l", List.of(2, 3)));
  }

  @Test
  void should_coalesce_the_user_map_onto_defaults_and_expose_it() {
    HelmValues defaults = HelmValues.fromYaml("a: {x: 1, w: 1}\nb: 1\n", "defaults");
    LayeredValues v = ValuesBuilder.create().chartDefaults(defaults).set("a.w=null,a.z=3").build();
    assertThat(v.values().asMap()).isEqualTo(mapOf("a", mapOf("x", 1, "z", 3L), "b", 1));
    assertThat(v.userValues().asMap()).isEqualTo(mapOf("a", mapOf("w", null, "z", 3L)));
    assertThat(ValuesBuilder.create().chartDefaults(defaults).noDefaults().build().values())
        .isEqualTo(HelmValues.empty());
  }

  @Test
  void should_report_coalescing_warnings() {
    LayeredValues v =
        ValuesBuilder.create()
            .chart(ChartDefaults.of("c", HelmValues.fromYaml("m: {a: 1}", "d")))
            .set("m.a.b=1")
            .build();
    assertThat(v.warnings())
        .containsExactly("warning: destination for c.m.a is a table. Ignoring non-table value (1)");
  }

  @Test
  void should_read_set_file_paths_relative_to_the_working_directory_and_stdin() throws Exception {
    Files.createDirectories(dir.resolve("certs"));
    file("certs/ca.crt", "PEM\n");
    SetFileReader reader =
        SetFileReader.fromDirectory(
            dir, () -> new ByteArrayInputStream("from stdin".getBytes(StandardCharsets.UTF_8)));
    LayeredValues v =
        ValuesBuilder.create()
            .fileReader(reader)
            .setFile("identityTrustAnchorsPEM=certs/ca.crt,other=-")
            .setFile("abs=" + dir.resolve("certs/ca.crt"))
            .build();
    assertThat(v.values().asMap())
        .isEqualTo(
            mapOf("identityTrustAnchorsPEM", "PEM\n", "other", "from stdin", "abs", "PEM\n"));
    assertThatThrownBy(
            () -> ValuesBuilder.create().fileReader(reader).setFile("a=certs/none.crt").build())
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("--set-file")
        .hasMessageContaining("certs/none.crt");
    assertThatThrownBy(() -> ValuesBuilder.create().fileReader(reader).setFile("a=certs").build())
        .hasMessageContaining("is a directory");
  }

  @Test
  void should_fail_on_a_bad_values_file_naming_it() throws Exception {
    Path bad = file("bad.yaml", "a: [1\n");
    assertThatThrownBy(() -> ValuesBuilder.create().valuesFile(bad).build())
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith(bad.toString() + ": line ");
  }
}
