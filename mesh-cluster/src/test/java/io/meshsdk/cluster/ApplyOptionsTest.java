package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplyOptionsTest {

  @Test
  void should_default_to_field_manager_mesh_without_force_or_dry_run() {
    ApplyOptions d = ApplyOptions.defaults();

    assertThat(d.fieldManager()).isEqualTo("mesh");
    assertThat(d.force()).isFalse();
    assertThat(d.dryRun()).isFalse();
    assertThat(ApplyOptions.newBuilder().build()).isEqualTo(d);
  }

  @Test
  void should_build_a_changed_copy_and_leave_the_original_alone() {
    ApplyOptions base = ApplyOptions.newBuilder().fieldManager("installer").force(true).build();

    ApplyOptions plan = base.toBuilder().dryRun(true).build();

    assertThat(plan.fieldManager()).isEqualTo("installer");
    assertThat(plan.force()).isTrue();
    assertThat(plan.dryRun()).isTrue();
    assertThat(base.dryRun()).isFalse();
    assertThat(plan).isNotEqualTo(base).hasSameHashCodeAs(base.toBuilder().dryRun(true).build());
    assertThat(plan.toString())
        .isEqualTo("ApplyOptions[fieldManager=installer, force=true, dryRun=true]");
  }

  @Test
  void should_accept_a_field_manager_of_128_characters() {
    String longest = "m".repeat(128);

    assertThat(ApplyOptions.newBuilder().fieldManager(longest).build().fieldManager())
        .isEqualTo(longest);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "tab\there"})
  void should_refuse_an_empty_or_unprintable_field_manager_at_build(String manager) {
    ApplyOptions.Builder b = ApplyOptions.newBuilder().fieldManager(manager);

    assertThatThrownBy(b::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the field manager of an apply must not");
  }

  @Test
  void should_refuse_a_field_manager_longer_than_the_api_server_accepts() {
    ApplyOptions.Builder b = ApplyOptions.newBuilder().fieldManager("m".repeat(129));

    assertThatThrownBy(b::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "the field manager of an apply has 129 characters; the API server accepts at most 128");
  }
}
