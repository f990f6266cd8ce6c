package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.testing.ModuleRules;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** mesh-cli is the module {@code io.meshsdk.cli}: an application that exports nothing. */
class ModuleTest {

  @Test
  void should_export_nothing_and_open_the_commands_to_picocli_alone() {
    ModuleDescriptor d = ModuleRules.assertEncapsulated(MeshCommand.class);

    assertThat(d.name()).isEqualTo("io.meshsdk.cli");
    assertThat(d.opens())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.source()).isEqualTo("io.meshsdk.cli");
              assertThat(o.targets()).isEqualTo(Set.of("info.picocli"));
            });
  }
}
