package io.meshsdk.inject;

import static io.meshsdk.inject.TestValues.deployment;
import static io.meshsdk.inject.TestValues.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.meshsdk.core.ConfigurationException;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input to injection (issue 8, classes 2, 8, 9, 10 and the Pod without metadata):
 * quantities with bounded exponents, parts of the wrong shape refused instead of replaced, the
 * user's own annotations kept, uninject(inject(x)) giving x back, tags written as read.
 */
class HostileInjectTest {
  private static final String POD =
      "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: app\n    image: example/app:1\n";

  private static Manifest read(String yaml) {
    return ManifestReader.create().readAll(yaml, "in.yaml").get(0);
  }

  @ParameterizedTest(name = "{0} manual={1}")
  @CsvSource({
    "1e99999999, true",
    "1e99999999, false",
    "1e999999999, true",
    "1e999999999, false",
    "1e-99999999, true",
    "9e65, true"
  })
  void should_refuse_a_quantity_with_a_huge_exponent(String quantity, boolean manual) {
    Map<String, Object> d =
        deployment(
            "web",
            "      annotations:\n        config.linkerd.io/proxy-cpu-limit: '" + quantity + "'\n",
            "");
    Injector injector = (manual ? TestValues.manual() : TestValues.annotate()).build();

    InjectionException e =
        catchThrowableOfType(InjectionException.class, () -> injector.inject(Manifest.of(d)));

    assertThat(e).isNotNull();
    assertThat(e.category()).isEqualTo(InjectionException.Category.INVALID_INPUT);
    assertThat(e.getMessage()).contains("config.linkerd.io/proxy-cpu-limit");
  }

  @Test
  void should_refuse_a_huge_exponent_given_as_a_flag() {
    // a flag is builder configuration: refused as such, before any document
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class,
            () -> TestValues.manual().linkerdFlag("proxy-cpu-limit", "1e99999999"));

    assertThat(e.getMessage()).contains("proxy-cpu-limit").contains("out of range");
  }

  @Test
  void should_still_accept_ordinary_quantities() {
    Map<String, Object> d =
        deployment(
            "web", "      annotations:\n        config.linkerd.io/proxy-cpu-limit: '1e3'\n", "");

    assertThat(TestValues.manual().build().inject(Manifest.of(d)).resources().get(0).action())
        .isEqualTo(ResourceReport.Action.INJECTED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "metadata: [1]|Pod|metadata must be a mapping, not a sequence",
        "labels: x|Deployment|spec.template.metadata.labels must be a mapping, not a scalar",
        "annotations: 5|Deployment|spec.template.metadata.annotations must be a mapping, not a"
            + " scalar",
        "initContainers: 5|Deployment|spec.template.spec.initContainers must be a sequence, not a"
            + " scalar",
        "containers: {}|Pod|spec.containers must be a sequence, not a mapping",
        "volumes: [x]|Pod|spec.volumes[0] must be a mapping, not a scalar",
        "template: []|Deployment|spec.template must be a mapping, not a sequence",
        "ports: {}|Pod|spec.containers[0].ports must be a sequence, not a mapping",
        "annotation: [a]|Pod|metadata.annotations[a] must be a string, not a sequence"
      })
  void should_refuse_parts_of_the_wrong_shape_naming_the_document_and_path(
      String damage, String kind, String problem) {
    String yaml = kind.equals("Pod") ? pod(damage) : damagedDeployment(damage);
    Manifest m = read(yaml);
    for (Injector injector : List.of(TestValues.annotate().build(), TestValues.manual().build())) {
      InjectionException e =
          catchThrowableOfType(InjectionException.class, () -> injector.inject(m));

      assertThat(e).as(yaml).isNotNull();
      assertThat(e.category()).isEqualTo(InjectionException.Category.INVALID_INPUT);
      assertThat(e.getMessage()).startsWith("in.yaml: document 1").endsWith(": " + problem);
    }
  }

  private static String pod(String damage) {
    switch (damage) {
      case "metadata: [1]":
        return POD.replace("kind: Pod\n", "kind: Pod\nmetadata: [1]\n");
      case "containers: {}":
        return "apiVersion: v1\nkind: Pod\nspec:\n  containers: {name: app}\n";
      case "volumes: [x]":
        return POD + "  volumes: [x]\n";
      case "ports: {}":
        return POD + "    ports: {containerPort: 80}\n";
      default:
        return POD.replace("kind: Pod\n", "kind: Pod\nmetadata:\n  annotations: {a: [1]}\n");
    }
  }

  private static String damagedDeployment(String damage) {
    String base = ManifestWriter.toYaml(TestValues.deployment("web", "", ""));
    switch (damage) {
      case "labels: x":
        return base.replace("      labels:\n        app: web\n", "      labels: x\n");
      case "annotations: 5":
        return base.replace("        app: web\n", "        app: web\n      annotations: 5\n");
      case "initContainers: 5":
        return base.replace("      containers:\n", "      initContainers: 5\n      containers:\n");
      default:
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n"
            + "  template: []\n";
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "config.linkerd.io/enable-debug-sidecar: \"true\"",
        "config.linkerd.io/close-wait-timeout: 2m0s",
        "config.linkerd.io/proxy-log-level: debug"
      })
  void should_keep_the_users_own_config_annotations_through_reinjection_and_uninjection(
      String annotation) {
    Map<String, Object> x =
        deployment("web", "      annotations:\n        " + annotation + "\n", "");
    String key = annotation.substring(0, annotation.indexOf(':'));
    for (Injector injector :
        List.of(
            TestValues.annotate().build(), TestValues.manual("proxyInit.runAsRoot=true").build())) {
      Map<String, Object> once = injector.inject(Manifest.of(x)).manifest().object().orElseThrow();
      Map<String, Object> twice =
          injector.inject(Manifest.of(once)).manifest().object().orElseThrow();
      Map<String, Object> back =
          Uninjector.create().uninject(Manifest.of(once)).manifest().object().orElseThrow();

      assertThat(map(twice, "spec", "template", "metadata", "annotations")).containsKey(key);
      assertThat(ManifestWriter.toYaml(back)).isEqualTo(ManifestWriter.toYaml(x));
    }
  }

  @Test
  void should_give_back_a_pod_without_metadata_after_uninject_of_inject() {
    Map<String, Object> pod = read(POD).object().orElseThrow();
    for (Injector injector : List.of(TestValues.annotate().build(), TestValues.manual().build())) {
      Map<String, Object> injected =
          injector.inject(Manifest.of(pod)).manifest().object().orElseThrow();
      assertThat(((Map<?, ?>) injected).containsKey("metadata")).isTrue();

      Map<String, Object> back =
          Uninjector.create().uninject(Manifest.of(injected)).manifest().object().orElseThrow();

      assertThat(back).isEqualTo(pod);
      assertThat(ManifestWriter.toYaml(back)).isEqualTo(POD);
    }
  }

  @Test
  void should_write_tags_with_uri_escapes_as_they_were_read() {
    Manifest m =
        read(
            ManifestWriter.toYaml(TestValues.deployment("web", "", ""))
                + "data:\n  a: !foo%21 x\n  b: !foo%20bar x\n");

    Manifest injected = TestValues.annotate().build().inject(m).manifest();
    String written = ManifestWriter.toYaml(injected.root());
    Map<String, Object> back = read(written).object().orElseThrow();

    assertThat(injected.isModified()).isTrue();
    assertThat(back.get("data")).isEqualTo(m.object().orElseThrow().get("data"));
    assertThat(written).contains("a: !foo%21 x\n").contains("b: !foo%20bar x\n");
    assertThat(new LinkedHashMap<>(back)).isEqualTo(injected.root());
  }
}
