package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link AccessPolicy#toBuilder()} gives back the rules and the default the policy holds. */
class AccessPolicyTest {

  @Test
  void should_rebuild_an_equal_policy_and_derive_variants_without_changing_it() {
    AccessPolicy policy =
        AccessPolicy.builder()
            .deny("get", "*", "", "secrets", "no secrets here")
            .allow("*", "linkerd", "*", "*")
            .build();

    assertThat(policy.toBuilder().build())
        .isEqualTo(policy)
        .hasSameHashCodeAs(policy)
        .hasToString(policy.toString());
    AccessPolicy open = policy.toBuilder().allowByDefault().build();
    assertThat(open.allowsByDefault()).isTrue();
    assertThat(open.allows("list", Optional.of("apps"), "", "pods")).isTrue();
    assertThat(open.allows("get", Optional.of("linkerd"), "", "secrets")).isFalse();
    assertThat(policy.allowsByDefault()).isFalse();
    assertThat(policy.allows("list", Optional.of("apps"), "", "pods")).isFalse();
    assertThat(AccessPolicy.allowAll().toBuilder().build()).isEqualTo(AccessPolicy.allowAll());
  }
}
