package io.meshsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.testing.ModuleRules;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** mesh-core is the module {@code io.meshsdk.core}: its API packages open, its internals not. */
class ModuleTest {

  @Test
  void should_export_the_api_packages_and_share_internals_only_with_mesh_modules() {
    ModuleDescriptor d =
        ModuleRules.assertEncapsulated(
            MeshSdk.class,
            "io.meshsdk.core",
            "io.meshsdk.core.identity",
            "io.meshsdk.core.linkerd",
            "io.meshsdk.core.manifest",
            "io.meshsdk.core.report",
            "io.meshsdk.core.values");

    Map<String, Set<String>> shared = new TreeMap<>();
    d.exports().stream()
        .filter(ModuleDescriptor.Exports::isQualified)
        .forEach(e -> shared.put(e.source(), e.targets()));
    assertThat(d.name()).isEqualTo("io.meshsdk.core");
    assertThat(shared)
        .isEqualTo(
            Map.of(
                "io.meshsdk.core.internal.go", Set.of("io.meshsdk.inject"),
                "io.meshsdk.core.internal.tree", Set.of("io.meshsdk.inject"),
                "io.meshsdk.core.linkerd.internal", Set.of("io.meshsdk.inject")));
  }
}
