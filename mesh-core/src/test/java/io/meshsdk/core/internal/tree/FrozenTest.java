package io.meshsdk.core.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Manifests and Helm values freeze their trees with one implementation, each with its own rules.
 */
class FrozenTest {

  @Test
  void should_share_a_values_tree_in_a_manifest_without_copying_it() {
    HelmValues values = HelmValues.of(Map.of("proxy", Map.of("image", Map.of("name", "p"))));

    Manifest doc = Manifest.of(Map.of("kind", "ConfigMap", "data", values.asMap()));

    assertThat(doc.object().orElseThrow().get("data")).isSameAs(values.asMap());
  }

  @Test
  void should_share_frozen_values_when_values_are_built_from_them() {
    HelmValues values = HelmValues.of(Map.of("a", List.of(1, "two")));

    assertThat(HelmValues.of(values.asMap()).asMap()).isSameAs(values.asMap());
    assertThat(values.with("b", values.asMap().get("a")).asMap().get("b"))
        .isSameAs(values.asMap().get("a"));
  }

  @Test
  void should_check_a_manifest_tree_again_when_values_are_built_from_it() {
    Manifest doc =
        ManifestReader.create().readAll("kind: X\nspec:\n  mode: 0755\n", "doc.yaml").get(0);

    assertThatThrownBy(() -> HelmValues.of(doc.object().orElseThrow()))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining(
            "unsupported value of type io.meshsdk.core.manifest.YamlScalar at spec.mode");
  }

  @Test
  void should_name_the_path_in_the_manifest_wording() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("spec", Map.of("items", List.of("a", new Object())));

    assertThatThrownBy(() -> Manifest.of(tree))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(
            "a manifest cannot hold a value of type java.lang.Object at spec.items[1]");
  }

  @Test
  void should_name_the_mapping_of_a_key_that_is_not_a_string() {
    Map<Object, Object> inner = new LinkedHashMap<>();
    inner.put(7, "x");
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("a.b", List.of(inner));

    assertThatThrownBy(() -> HelmValues.of(tree))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("map key 7 at a\\.b[0] is not a string (Integer)");
    assertThatThrownBy(() -> Manifest.of(tree))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("mapping keys must be strings, found java.lang.Integer at a.b[0]");
  }

  @Test
  void should_normalize_numbers_by_kind() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("f", 0.1f);
    tree.put("big", new java.math.BigInteger("12"));
    tree.put("short", (short) 3);

    Map<String, Object> values = HelmValues.of(tree).asMap();
    Map<String, Object> manifest = Manifest.of(tree).object().orElseThrow();

    assertThat(values).containsEntry("f", 0.1).containsEntry("big", 12L).containsEntry("short", 3);
    assertThat(manifest)
        .containsEntry("f", (double) 0.1f)
        .containsEntry("big", new java.math.BigInteger("12"))
        .containsEntry("short", 3);
  }

  @Test
  void should_refuse_every_change_to_a_frozen_tree() {
    List<Object> items = new ArrayList<>(List.of("x"));
    @SuppressWarnings("unchecked")
    Map<String, Object> frozen =
        (Map<String, Object>) Frozen.freeze(Map.of("items", items), Frozen.Kind.VALUES);
    items.add("y");

    assertThat(frozen.get("items")).isEqualTo(List.of("x"));
    assertThatThrownBy(() -> frozen.put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) frozen.get("items");
    assertThatThrownBy(() -> list.add("z")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue("v"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
