package io.meshsdk.inject;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.testing.ModuleRules;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** mesh-inject is the module {@code io.meshsdk.inject}: one API package, the rest internal. */
class ModuleTest {

  @Test
  void should_export_only_the_api_package_and_bring_mesh_core_along() {
    ModuleDescriptor d = ModuleRules.assertEncapsulated(Injector.class, "io.meshsdk.inject");

    assertThat(d.name()).isEqualTo("io.meshsdk.inject");
    assertThat(d.requires())
        .anySatisfy(
            r -> {
              assertThat(r.name()).isEqualTo("io.meshsdk.core");
              assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
            });
  }
}
