package io.meshsdk.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelmValuesTest {

  private static final HelmValues SAMPLE =
      HelmValues.fromYaml(
          """
          proxy:
            image:
              name: cr.l5d.io/linkerd/proxy
              version: ""
            ports:
              admin: 4191
            await: true
            ratio: 0.5
            whole: 2.0
            cores: null
            tracing:
              labels:
                k8s.pod.ip: "$(_pod_ip)"
          imagePullSecrets:
          - name: one
          - name: two
          """,
          "sample.yaml");

  @Test
  void should_read_paths_with_escaped_dots_and_indexes() {
    assertThat(SAMPLE.get("proxy.image.name")).contains("cr.l5d.io/linkerd/proxy");
    assertThat(SAMPLE.get("proxy.tracing.labels.k8s\\.pod\\.ip")).contains("$(_pod_ip)");
    assertThat(SAMPLE.get("imagePullSecrets[1].name")).contains("two");
    assertThat(SAMPLE.get("imagePullSecrets[2].name")).isEmpty();
    assertThat(SAMPLE.get("proxy.image.name.deeper")).isEmpty();
    assertThat(SAMPLE.get("nothing.here")).isEmpty();
  }

  @Test
  void should_tell_a_null_value_from_a_missing_key() {
    assertThat(SAMPLE.contains("proxy.cores")).isTrue();
    assertThat(SAMPLE.get("proxy.cores")).isEmpty();
    assertThat(SAMPLE.contains("proxy.uid")).isFalse();
  }

  @Test
  void should_coerce_scalars_to_strings_only() {
    assertThat(SAMPLE.getString("proxy.ports.admin")).contains("4191");
    assertThat(SAMPLE.getString("proxy.await")).contains("true");
    assertThat(SAMPLE.getString("proxy.ratio")).contains("0.5");
    assertThat(SAMPLE.getString("proxy.whole")).contains("2");
    assertThat(SAMPLE.getString("proxy.image.version")).contains("");
    assertThat(SAMPLE.getString("proxy.cores")).isEmpty();
    assertThatThrownBy(() -> SAMPLE.getString("proxy.image"))
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("proxy.image is a map");
  }

  @Test
  void should_read_integers_from_ints_longs_and_integral_doubles_but_not_strings() {
    assertThat(SAMPLE.getLong("proxy.ports.admin")).hasValue(4191);
    assertThat(SAMPLE.getLong("proxy.whole")).hasValue(2);
    assertThat(SetFlag.SET.parse("a=7").getLong("a")).hasValue(7);
    assertThat(SetFlag.SET_JSON.parse("a=7").getLong("a")).hasValue(7);
    assertThat(SAMPLE.getLong("proxy.cores")).isEmpty();
    assertThatThrownBy(() -> SAMPLE.getLong("proxy.ratio")).hasMessageContaining("not an integer");
    assertThatThrownBy(() -> SetFlag.SET_STRING.parse("a=10").getLong("a"))
        .hasMessage("a is a string (10), not an integer");
  }

  @Test
  void should_read_booleans_only_from_booleans() {
    assertThat(SAMPLE.getBoolean("proxy.await")).contains(true);
    assertThatThrownBy(() -> SetFlag.SET_STRING.parse("a=true").getBoolean("a"))
        .isInstanceOf(ValuesException.class);
    assertThat(SAMPLE.getDouble("proxy.ratio")).hasValue(0.5);
    assertThat(SAMPLE.getList("imagePullSecrets").orElseThrow()).hasSize(2);
    assertThat(SAMPLE.getMap("proxy.ports").orElseThrow()).containsEntry("admin", 4191);
  }

  @Test
  void should_set_paths_creating_maps_and_padding_lists() {
    HelmValues v =
        HelmValues.empty()
            .with("a.b\\.c", "x")
            .with("list[2].name", "n")
            .with("proxy.ports.admin", 1234L);
    assertThat(v.asMap())
        .isEqualTo(
            Map.of(
                "a", Map.of("b.c", "x"),
                "list", Arrays.asList(null, null, Map.of("name", "n")),
                "proxy", Map.of("ports", Map.of("admin", 1234L))));
    assertThat(SAMPLE.with("proxy.ports.admin", 1).getLong("proxy.ports.admin")).hasValue(1);
    assertThat(SAMPLE.getLong("proxy.ports.admin")).hasValue(4191);
  }

  @Test
  void should_refuse_to_set_through_a_scalar() {
    assertThatThrownBy(() -> SAMPLE.with("proxy.await.x", 1))
        .isInstanceOf(ValuesException.class)
        .hasMessage("cannot set proxy.await.x: proxy.await is a boolean, not a map");
    assertThatThrownBy(() -> SAMPLE.with("proxy[0]", 1))
        .hasMessage("cannot set proxy[0]: proxy is a map, not a list");
  }

  @Test
  void should_remove_keys_and_list_elements() {
    assertThat(SAMPLE.without("proxy.image").contains("proxy.image")).isFalse();
    assertThat(SAMPLE.without("imagePullSecrets[0]").get("imagePullSecrets[0].name"))
        .contains("two");
    assertThat(SAMPLE.without("no.such.key")).isSameAs(SAMPLE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty path",
        "a..b|empty key",
        "a[x]|not a non-negative integer",
        "[0]|empty key",
        "a[0|missing ']'",
        "a\\|dangling backslash",
        "a[0]b|unexpected 'b'"
      })
  void should_refuse_malformed_paths(String path, String why) {
    assertThatThrownBy(() -> SAMPLE.get(path))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining(why);
  }

  @Test
  void should_keep_everything_unmodifiable() {
    @SuppressWarnings("unchecked")
    Map<String, Object> proxy = (Map<String, Object>) SAMPLE.asMap().get("proxy");
    assertThatThrownBy(() -> proxy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> SAMPLE.getList("imagePullSecrets").orElseThrow().add(1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_deep_copy_and_normalize_input_trees() {
    List<Object> list = new ArrayList<>(List.of(1));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("l", list);
    m.put("s", (short) 3);
    m.put("d", new BigDecimal("1.5"));
    m.put("f", 0.1f);
    HelmValues v = HelmValues.of(m);
    list.add(2);
    assertThat(v.getList("l").orElseThrow()).containsExactly(1);
    assertThat(v.asMap().get("s")).isEqualTo(3);
    assertThat(v.asMap().get("d")).isEqualTo(1.5);
    assertThat(v.asMap().get("f")).isEqualTo(0.1);
  }

  @Test
  void should_refuse_unsupported_types_and_keys() {
    assertThatThrownBy(() -> HelmValues.of(Map.of("a", Map.of("b", new Object()))))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("at a.b");
    Map<Object, Object> bad = new LinkedHashMap<>();
    bad.put(1, "x");
    assertThatThrownBy(() -> HelmValues.of(Map.of("a", bad)))
        .hasMessageContaining("is not a string");
  }

  @Test
  void should_merge_like_helm_merges_values_files() {
    HelmValues a = HelmValues.fromYaml("m: {x: 1, w: 2}\nl: [1, 2]\nk: v\n", "a");
    HelmValues b = HelmValues.fromYaml("m: {w: 3, z: 4}\nl: [9]\nk: null\n", "b");
    HelmValues merged = a.merge(b);
    assertThat(merged.asMap())
        .isEqualTo(mapOf("m", Map.of("x", 1, "w", 3, "z", 4), "l", List.of(9), "k", null));
    assertThat(a.merge(HelmValues.fromYaml("m: 1", "c")).asMap().get("m")).isEqualTo(1);
  }

  @Test
  void should_resolve_scalars_like_go_yaml_v2() {
    HelmValues v =
        HelmValues.fromYaml(
            """
            b1: y
            b2: N
            b3: on
            b4: Off
            b5: yes
            s1: tRUE
            s2: "off"
            n1: ~
            n2:
            n3: NULL
            i1: 0x1F
            i2: 0o17
            i3: 017
            i4: 1_000
            i5: +12
            i6: 4294967296
            f1: 08
            f2: .5
            f3: 1e3
            f4: -1.5
            f5: .inf
            s3: 1:20
            s4: 2001-12-14
            s5: 0x
            s6: 1.2.3
            y: key
            """,
            "scalars.yaml");
    Map<String, Object> m = v.asMap();
    assertThat(m)
        .containsEntry("b1", true)
        .containsEntry("b2", false)
        .containsEntry("b3", true)
        .containsEntry("b4", false)
        .containsEntry("b5", true)
        .containsEntry("s1", "tRUE")
        .containsEntry("s2", "off")
        .containsEntry("n1", null)
        .containsEntry("n2", null)
        .containsEntry("n3", null)
        .containsEntry("i1", 31)
        .containsEntry("i2", 15)
        .containsEntry("i3", 15)
        .containsEntry("i4", 1000)
        .containsEntry("i5", 12)
        .containsEntry("i6", 4294967296L)
        .containsEntry("f1", 8.0)
        .containsEntry("f2", 0.5)
        .containsEntry("f3", 1000.0)
        .containsEntry("f4", -1.5)
        .containsEntry("f5", Double.POSITIVE_INFINITY)
        .containsEntry("s3", "1:20")
        .containsEntry("s4", "2001-12-14")
        .containsEntry("s5", "0x")
        .containsEntry("s6", "1.2.3")
        .containsEntry("true", "key");
  }

  @Test
  void should_read_json_anchors_and_merge_keys() {
    assertThat(HelmValues.fromYaml("{\"a\": [1, {\"b\": null}]}", "x.json").asMap())
        .isEqualTo(Map.of("a", Arrays.asList(1, mapOf("b", null))));
    HelmValues v =
        HelmValues.fromYaml("base: &b {x: 1, w: 2}\nother:\n  <<: *b\n  w: 3\ncopy: *b\n", "a");
    assertThat(v.asMap().get("other")).isEqualTo(Map.of("x", 1, "w", 3));
    assertThat(v.asMap().get("copy")).isEqualTo(Map.of("x", 1, "w", 2));
  }

  @Test
  void should_read_only_the_first_document_and_treat_empty_as_empty(@TempDir Path dir)
      throws Exception {
    assertThat(HelmValues.fromYaml("a: 1\n---\nb: 2\n", "x").asMap()).isEqualTo(Map.of("a", 1));
    assertThat(HelmValues.fromYaml("", "x").isEmpty()).isTrue();
    assertThat(HelmValues.fromYaml("# only a comment\n", "x").isEmpty()).isTrue();
    assertThat(HelmValues.fromYaml("null\n", "x").isEmpty()).isTrue();
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    assertThat(HelmValues.fromFile(empty)).isEqualTo(HelmValues.empty());
  }

  @Test
  void should_name_source_line_and_column_for_bad_files(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> HelmValues.fromYaml("a: 1\nb: [1, 2\n", "bad.yaml"))
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("bad.yaml: line 3, column 1: ");
    assertThatThrownBy(() -> HelmValues.fromYaml("- a\n- b\n", "list.yaml"))
        .hasMessage("list.yaml: a values file must hold a map at the top level, found a list");
    assertThatThrownBy(() -> HelmValues.fromYaml("just text", "s.yaml"))
        .hasMessageEndingWith("found a string");
    assertThatThrownBy(() -> HelmValues.fromFile(dir.resolve("missing.yaml")))
        .hasMessageContaining("missing.yaml: no such file");
    assertThat(HelmValues.fromYaml("a: 1\n", "x").toString()).isEqualTo("{\"a\":1}");
  }

  @Test
  void should_write_floats_in_yaml_as_go_prints_them() {
    assertThat(HelmValues.of(mapOf("a", 1.0e-5, "b", 1.5e300, "c", 1e23)).toYaml())
        .isEqualTo("a: 1e-05\nb: 1.5e+300\nc: 1e+23\n");
  }

  @Test
  void should_write_block_yaml_that_reads_back_the_same() {
    HelmValues v =
        HelmValues.of(
            mapOf(
                "s",
                "off",
                "y",
                "y",
                "v",
                "1.10",
                "empty",
                "",
                "pem",
                "-----BEGIN-----\nabc\n-----END-----\n",
                "n",
                null,
                "d",
                3.0,
                "r",
                0.25,
                "l",
                List.of("a", 1L),
                "m",
                Map.of(),
                "el",
                List.of()));
    String yaml = v.toYaml();
    assertThat(yaml)
        .isEqualTo(
            """
            s: 'off'
            'y': 'y'
            v: '1.10'
            empty: ''
            pem: |
              -----BEGIN-----
              abc
              -----END-----
            'n': null
            d: 3
            r: 0.25
            l:
            - a
            - 1
            m: {}
            el: []
            """);
    HelmValues back = HelmValues.fromYaml(yaml, "back");
    assertThat(TreeAssert.normalize(back.asMap())).isEqualTo(TreeAssert.normalize(v.asMap()));
    assertThat(HelmValues.empty().toYaml()).isEqualTo("{}\n");
  }

  @Test
  void should_write_compact_json_with_nulls_and_go_numbers() {
    assertThat(SetFlag.SET.parse("a=null").toJson()).isEqualTo("{\"a\":null}");
    HelmValues v =
        HelmValues.of(mapOf("i", 3.0, "f", 0.5, "big", 1e21, "tiny", 1e-7, "s", "q\"\n\u0001"));
    assertThat(v.toJson())
        .isEqualTo("{\"i\":3,\"f\":0.5,\"big\":1e+21,\"tiny\":1e-7,\"s\":\"q\\\"\\n\\u0001\"}");
    assertThatThrownBy(() -> HelmValues.fromYaml("a: .nan", "x").toJson())
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("NaN");
  }

  static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
