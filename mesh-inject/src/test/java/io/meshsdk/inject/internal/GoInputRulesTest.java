package io.meshsdk.inject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.values.HelmValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs Linkerd reads with Go's strict parsers: JSON env lists, CIDRs, the registry flag. */
class GoInputRulesTest {

  @Test
  void should_read_a_json_list_of_environment_variables() {
    List<String> problems = new ArrayList<>();

    List<Object> env =
        ConfigAnnotationReader.parseEnv(
            "[{\"name\":\"A\",\"value\":\"x\"},{\"name\":\"B\",\"valueFrom\":{\"k\":\"v\"}}]",
            problems);

    assertThat(problems).isEmpty();
    assertThat(env)
        .containsExactly(
            Map.of("name", "A", "value", "x"), Map.of("name", "B", "valueFrom", Map.of("k", "v")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{name: A, value: 'x'}]",
        "[{\"name\":\"A\",\"value\":1}]",
        "[{\"name\":\"A\",\"valueFrom\":\"x\"}]",
        "[{\"name\":\"A\"}] trailing",
        "{\"name\":\"A\"}",
        "[{\"value\":\"x\"}]"
      })
  void should_refuse_environment_variables_go_would_not_unmarshal(String json) {
    List<String> problems = new ArrayList<>();

    assertThat(ConfigAnnotationReader.parseEnv(json, problems)).isNull();
    assertThat(problems).singleElement().asString().contains("proxy-additional-env");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0661\u0660.0.0.0/8", "10.0.0.0/\u0668", "fd00::\u0661/8"})
  void should_refuse_cidrs_with_non_ascii_digits(String cidr) {
    assertThat(Cidr.isValid(cidr)).isFalse();
  }

  @Test
  void should_accept_ascii_cidrs() {
    assertThat(Cidr.isValid("10.0.0.0/8")).isTrue();
    assertThat(Cidr.isValid("fd00::/8")).isTrue();
  }

  @Test
  void should_leave_bare_image_names_for_an_empty_registry() {
    HelmValues v =
        LinkerdFlags.apply(
            HelmValues.empty()
                .with("proxy.image.name", "cr.l5d.io/linkerd/proxy")
                .with("debugContainer.image.name", "cr.l5d.io/linkerd/debug")
                .with("controllerImage", "cr.l5d.io/linkerd/controller"),
            "registry",
            "");

    assertThat(v.getString("proxy.image.name")).hasValue("proxy");
    assertThat(LinkerdFlags.apply(v, "registry", "my.registry/l5d").getString("proxy.image.name"))
        .hasValue("my.registry/l5d/proxy");
  }
}
