package io.meshsdk.core.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.internal.tree.Frozen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The text patcher on small documents: what it keeps, how it edits, where it declines. */
class TextPatcherTest {
  private static final TreeBuilder.Limits LIMITS =
      new TreeBuilder.Limits(50, 100, 1_000_000, 16L << 20);

  private static Object read(String text) {
    return TreeBuilder.build(text, LIMITS).root();
  }

  @SuppressWarnings("unchecked")
  private static TextPatcher.Outcome patch(String text, Consumer<Map<String, Object>> change) {
    Object old = read(text);
    Map<String, Object> neu = (Map<String, Object>) Frozen.mutableCopy(old);
    change.accept(neu);
    Object frozen = Frozen.freeze(neu);
    TextPatcher.Outcome o = TextPatcher.patch(text, old, frozen, TextPatcher.Verify.ALWAYS);
    if (o.patched()) {
      assertThat(read(o.text())).as("reads back as the new tree").isEqualTo(frozen);
    }
    return o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  @Test
  void should_keep_the_text_when_the_trees_are_equal_as_data_whatever_the_key_order() {
    String text = "a: 1 # one\nb: 'two'\n";
    TextPatcher.Outcome o =
        patch(
            text,
            m -> {
              Object a = m.remove("a");
              m.put("a", a);
            });
    assertThat(o.text()).isSameAs(text);
    assertThat(o.splices()).isEmpty();
  }

  @Test
  void should_expand_an_alias_in_place_and_leave_the_anchor() {
    String text = "sel: &sel\n  app: web\nlabels: *sel # same\n";
    TextPatcher.Outcome o =
        patch(
            text,
            m -> {
              Map<String, Object> l = new LinkedHashMap<>(map(m, "labels"));
              l.put("linkerd.io/x", "y");
              m.put("labels", l);
            });
    assertThat(o.text())
        .isEqualTo("sel: &sel\n  app: web\nlabels:\n  app: web\n  linkerd.io/x: 'y' # same\n");
  }

  @Test
  void should_decline_when_a_changed_node_is_aliased_elsewhere_and_say_why() {
    String text = "sel: &sel\n  app: web\nlabels: *sel\n";
    TextPatcher.Outcome o =
        patch(
            text,
            m -> {
              Map<String, Object> s = new LinkedHashMap<>(map(m, "sel"));
              s.put("x", "y");
              m.put("sel", s);
            });
    assertThat(o.patched()).isFalse();
    assertThat(o.declined()).contains("does not read back");
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_cut_flow_entries_with_their_separators() {
    String text = "l: {a: 1, linkerd.io/b: 2, c: 3}\nm: [x, y]\n";
    TextPatcher.Outcome o =
        patch(
            text,
            m -> {
              map(m, "l").remove("linkerd.io/b");
              ((List<Object>) m.get("m")).remove(1);
            });
    assertThat(o.text()).isEqualTo("l: {a: 1, c: 3}\nm: [x]\n");
  }

  @Test
  void should_extend_compact_json_in_its_own_spacing() {
    String text = "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}}";
    TextPatcher.Outcome o =
        patch(
            text,
            m ->
                map(m, "metadata")
                    .put(
                        "annotations",
                        new LinkedHashMap<>(Map.of("linkerd.io/inject", "enabled"))));
    assertThat(o.text())
        .isEqualTo(
            "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"annotations\":{\"linkerd.io/inject\":\"enabled\"}}}");
  }

  @Test
  void should_replace_a_changed_value_in_its_quoting_style_and_keep_its_comment() {
    String text = "a:\n  b: \"disabled\"   # off\n  c: 'x'\n";
    TextPatcher.Outcome o =
        patch(
            text,
            m -> {
              map(m, "a").put("b", "enabled");
              map(m, "a").put("c", "it's");
            });
    assertThat(o.text()).isEqualTo("a:\n  b: \"enabled\"   # off\n  c: 'it''s'\n");
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_insert_a_first_item_after_the_key_line_and_cut_it_again() {
    String text = "c:\n    # the app\n    -   name: app\n";
    TextPatcher.Outcome o =
        patch(
            text,
            m -> {
              List<Object> c = (List<Object>) m.get("c");
              c.add(0, new LinkedHashMap<>(Map.of("name", "proxy")));
            });
    assertThat(o.text()).isEqualTo("c:\n    -   name: proxy\n    # the app\n    -   name: app\n");
    TextPatcher.Outcome back =
        TextPatcher.patch(o.text(), read(o.text()), read(text), TextPatcher.Verify.ALWAYS);
    assertThat(back.text()).isEqualTo(text);
  }

  @Test
  void should_decline_a_change_of_a_key_that_comes_from_a_merge_key() {
    String text = "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n";
    TextPatcher.Outcome o = patch(text, m -> map(m, "m").put("x", 5));
    assertThat(o.patched()).isFalse();
    assertThat(o.declined()).contains("merge key");
  }

  @Test
  void should_keep_crlf_line_ends_in_new_lines() {
    String text = "a:\r\n  b: 1\r\n";
    TextPatcher.Outcome o = patch(text, m -> map(m, "a").put("c", new ArrayList<>(List.of("x"))));
    assertThat(o.text()).isEqualTo("a:\r\n  b: 1\r\n  c:\r\n  - x\r\n");
  }
}
