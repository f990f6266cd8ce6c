package io.meshsdk.core.values;

import static io.meshsdk.core.values.HelmValuesTest.mapOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Helm v3.21 {@code CoalesceValues} semantics (chartutil/coalesce.go and its tests). */
class CoalesceTest {

  private static HelmValues yaml(String s) {
    return HelmValues.fromYaml(s, "test");
  }

  @Test
  void should_delete_defaults_that_the_user_sets_to_null_in_any_spelling() {
    HelmValues defaults =
        yaml(
            "top: nope\nbottom: exists\nright: exists\nleft: exists\nfront: exists\n"
                + "back: exists\nnested: {boat: true, keep: 1}\n");
    HelmValues user =
        yaml(
            "top: yup\nbottom: null\nright: Null\nleft: NULL\nfront: ~\nback: \"\"\n"
                + "nested: {boat: null}\n");
    Coalesced c = user.coalesceOnto(defaults);
    assertThat(c.values().asMap())
        .isEqualTo(mapOf("top", "yup", "back", "", "nested", Map.of("keep", 1)));
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void should_keep_a_top_level_null_without_default_and_nulls_in_maps_without_defaults() {
    HelmValues user = yaml("foo: null\nbar: {baz: null}\n");
    assertThat(user.coalesceOnto(HelmValues.empty()).values().asMap())
        .isEqualTo(mapOf("foo", null, "bar", mapOf("baz", null)));
  }

  @Test
  void should_drop_nulls_inside_a_map_that_has_defaults_even_without_a_default_key() {
    // coalesceTablesFullKey first copies dst's nulls into src, then deletes them from dst
    HelmValues defaults = yaml("proxy: {logLevel: warn}\n");
    HelmValues user = yaml("proxy: {other: null, logLevel: debug}\n");
    assertThat(user.coalesceOnto(defaults).values().asMap())
        .isEqualTo(mapOf("proxy", mapOf("logLevel", "debug")));
  }

  @Test
  void should_merge_maps_deeply_and_replace_lists_and_scalars() {
    HelmValues defaults =
        yaml("m: {a: 1, b: {c: 2, d: 3}}\nl: [1, 2, 3]\ns: x\nonlyDefault: {k: v}\n");
    HelmValues user = yaml("m: {b: {d: 4, e: 5}}\nl: [9]\ns: w\nonlyUser: 1\n");
    assertThat(user.coalesceOnto(defaults).values().asMap())
        .isEqualTo(
            mapOf(
                "m", mapOf("a", 1, "b", mapOf("c", 2, "d", 4, "e", 5)),
                "l", List.of(9),
                "s", "w",
                "onlyDefault", Map.of("k", "v"),
                "onlyUser", 1));
  }

  @Test
  void should_keep_defaults_key_order_then_user_keys() {
    HelmValues defaults = yaml("a: 1\nb: 2\nc: 3\n");
    HelmValues user = yaml("z: 0\nc: 30\na: 10\n");
    assertThat(user.coalesceOnto(defaults).values().asMap().keySet())
        .containsExactly("a", "b", "c", "z");
  }

  @Test
  void should_keep_user_value_on_type_conflicts_with_helms_warnings() {
    // TestCoalesceValuesWarnings: level1 -> level2 -> level3
    ChartDefaults level3 =
        ChartDefaults.of(
            "level3",
            yaml(
                "name: ahab\nboat: true\nspear: {tip: true, sail: {cotton: true}, foo: {bar: "
                    + "baz}}"));
    ChartDefaults level2 = ChartDefaults.of("level2", yaml("name: pequod")).withSubchart(level3);
    ChartDefaults level1 = ChartDefaults.of("level1", yaml("name: moby")).withSubchart(level2);
    HelmValues user =
        yaml(
            "level2:\n  level3:\n    boat: {mast: true}\n    spear:\n      tip: {sail: true}\n"
                + "      sail: true\n      foo: {bar: null}\n");
    Coalesced c = user.coalesceOnto(level1);
    assertThat(c.warnings())
        .containsExactlyInAnyOrder(
            "warning: skipped value for level1.level2.level3.boat: Not a table.",
            "warning: destination for level1.level2.level3.spear.tip is a table. Ignoring"
                + " non-table value (true)",
            "warning: cannot overwrite table with non table for level1.level2.level3.spear.sail"
                + " (map[cotton:true])");
    HelmValues v = c.values();
    assertThat(v.get("level2.level3.boat")).contains(Map.of("mast", true));
    assertThat(v.get("level2.level3.spear.sail")).contains(true);
    assertThat(v.get("level2.level3.spear.tip")).contains(Map.of("sail", true));
    assertThat(v.getMap("level2.level3.spear.foo").orElseThrow()).isEmpty();
    assertThat(v.get("level2.level3.name")).contains("ahab");
    assertThat(v.get("level2.name")).contains("pequod");
  }

  @Test
  void should_give_subcharts_their_parents_globals() {
    ChartDefaults child = ChartDefaults.of("child", yaml("global: {own: c, shared: child}\nx: 1"));
    ChartDefaults parent =
        ChartDefaults.of("parent", yaml("global: {shared: parent, nested: {l0: p}}"))
            .withSubchart(child)
            .withSubchart(ChartDefaults.of("partials", HelmValues.empty()));
    HelmValues user = yaml("global: {nested: {u: 1}}\nchild: {global: {shared: user-child}}");
    HelmValues v = user.coalesceOnto(parent).values();
    assertThat(v.get("global"))
        .contains(Map.of("shared", "parent", "nested", Map.of("l0", "p", "u", 1)));
    assertThat(v.getMap("child.global").orElseThrow())
        .isEqualTo(mapOf("shared", "parent", "nested", Map.of("l0", "p", "u", 1), "own", "c"));
    assertThat(v.get("child.x")).contains(1);
    assertThat(v.get("partials"))
        .contains(
            Map.of("global", Map.of("shared", "parent", "nested", Map.of("l0", "p", "u", 1))));
  }

  @Test
  void should_add_an_empty_global_to_an_empty_subchart() {
    ChartDefaults chart =
        ChartDefaults.of("c", yaml("a: 1"))
            .withSubchart(ChartDefaults.of("partials", HelmValues.empty()));
    assertThat(HelmValues.empty().coalesceOnto(chart).values().asMap())
        .isEqualTo(mapOf("a", 1, "partials", Map.of("global", Map.of())));
  }

  @Test
  void should_keep_nulls_under_a_subchart_key_the_parent_defaults() {
    ChartDefaults chart =
        ChartDefaults.of("p", yaml("child: {x: 1, w: 2}"))
            .withSubchart(ChartDefaults.of("child", HelmValues.empty()));
    HelmValues v = yaml("child: {x: null}").coalesceOnto(chart).values();
    assertThat(v.asMap().get("child")).isEqualTo(mapOf("x", null, "w", 2, "global", Map.of()));
  }

  @Test
  void should_refuse_a_subchart_key_that_is_not_a_map() {
    ChartDefaults chart =
        ChartDefaults.of("p", HelmValues.empty())
            .withSubchart(ChartDefaults.of("partials", HelmValues.empty()));
    assertThatThrownBy(() -> SetFlag.SET.parse("partials=1").coalesceOnto(chart))
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("type mismatch on partials");
  }

  @Test
  void should_not_warn_when_the_default_is_null() {
    HelmValues defaults = yaml("cores: null\nconfig: {a: null}\n");
    Coalesced c = yaml("cores: {x: 1}\nconfig: {a: {b: 1}}").coalesceOnto(defaults);
    assertThat(c.warnings()).isEmpty();
    assertThat(c.values().get("cores.x")).contains(1);
    assertThat(c.values().get("config.a.b")).contains(1);
  }

  @Test
  void should_leave_inputs_untouched() {
    HelmValues defaults = yaml("m: {a: 1}");
    HelmValues user = yaml("m: {a: null, b: 2}");
    user.coalesceOnto(defaults);
    assertThat(defaults.asMap()).isEqualTo(Map.of("m", Map.of("a", 1)));
    assertThat(user.asMap()).isEqualTo(Map.of("m", mapOf("a", null, "b", 2)));
  }
}
