package io.meshsdk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module rules every Mesh SDK artifact follows, checked on the module descriptor that the tests
 * run in (tests run on the module path, patched into the module they test).
 */
public final class ModuleRules {
  private ModuleRules() {}

  /**
   * Asserts that the module of {@code member} is named, exports exactly {@code api} to everyone,
   * and shares any other package (only {@code internal} ones) with Mesh SDK modules alone.
   *
   * @param member any class of the module under test
   * @param api the packages the module exports to everyone
   * @return the descriptor, for further checks
   */
  public static ModuleDescriptor assertEncapsulated(Class<?> member, String... api) {
    Module module = member.getModule();
    assertThat(module.isNamed())
        .as("%s runs in a named module (surefire on the module path)", member.getName())
        .isTrue();
    ModuleDescriptor d = module.getDescriptor();
    Set<String> open = new TreeSet<>();
    for (ModuleDescriptor.Exports e : d.exports()) {
      if (e.isQualified()) {
        assertThat(e.source())
            .as("%s shares only internal packages through qualified exports", d.name())
            .contains(".internal");
        assertThat(e.targets())
            .as("%s exports %s only to Mesh SDK modules", d.name(), e.source())
            .allMatch(t -> t.startsWith("io.meshsdk."));
      } else {
        open.add(e.source());
      }
    }
    assertThat(open)
        .as("packages %s exports to everyone", d.name())
        .containsExactlyInAnyOrderElementsOf(List.of(api))
        .noneMatch(p -> p.contains("internal"));
    assertThat(d.opens())
        .as("%s opens packages only to the libraries that need reflection", d.name())
        .allMatch(ModuleDescriptor.Opens::isQualified);
    return d;
  }
}
