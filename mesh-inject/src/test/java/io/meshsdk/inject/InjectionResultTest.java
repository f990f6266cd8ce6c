package io.meshsdk.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.manifest.DocumentEdits;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.TextEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole inputs through {@link Injector#injectAll} and {@link Uninjector#uninjectAll}. */
class InjectionResultTest {
  private static final String INPUT =
      "# the shop\n"
          + "apiVersion: v1\n"
          + "kind: ConfigMap\n"
          + "metadata: {name: settings}\n"
          + "data: {mode: \"0755\"}\n"
          + "---\n"
          + "apiVersion: apps/v1\n"
          + "kind: Deployment\n"
          + "metadata:\n"
          + "  name: web\n"
          + "spec:\n"
          + "  template:\n"
          + "    metadata:\n"
          + "      labels: {app: web}\n"
          + "    spec:\n"
          + "      containers:\n"
          + "      - name: app\n"
          + "        image: example/app:1\n";

  private static List<Manifest> read(String text) {
    return ManifestReader.create().readAll(text, "shop.yaml");
  }

  @Test
  void should_expose_the_line_edits_of_each_document_with_absolute_line_numbers() {
    InjectionResult r = Injector.builder().build().injectAll(read(INPUT));

    List<DocumentEdits> edits = r.edits();
    assertThat(edits).hasSize(2);
    assertThat(edits.get(0).edits()).isEmpty();
    assertThat(edits.get(1).inPlace()).isTrue();
    assertThat(edits.get(1).edits())
        .containsExactly(
            new TextEdit(15, 0, "", "      annotations:\n        linkerd.io/inject: enabled\n"));
    assertThat(r.namespaceWarnings()).isEmpty();
  }

  @Test
  void should_warn_about_a_workload_annotated_in_kube_system() {
    String input = INPUT.replace("  name: web\n", "  name: web\n  namespace: kube-system\n");

    InjectionResult r = Injector.builder().build().injectAll(read(input));

    assertThat(r.namespaceWarnings())
        .containsExactly(
            "deployment/web is annotated for injection but the proxy injector never sees"
                + " namespace kube-system: its pods will not be meshed");
  }

  @Test
  void should_inject_a_whole_input_with_its_report() {
    List<Manifest> in = read(INPUT);

    InjectionResult result = TestValues.manual().build().injectAll(in);

    assertThat(result.documents()).hasSize(2);
    assertThat(result.documents().get(0)).isSameAs(in.get(0));
    assertThat(result.documents().get(1).isModified()).isTrue();
    assertThat(result.report().render())
        .isEqualTo("\nconfigmap \"settings\" skipped\ndeployment \"web\" injected\n\n");
  }

  @Test
  void should_give_back_the_input_when_uninjecting_what_it_injected() {
    List<Manifest> in = read(INPUT);
    InjectionResult injected = TestValues.manual().build().injectAll(in);

    InjectionResult back = Uninjector.create().uninjectAll(injected.documents());

    assertThat(back.documents().get(0)).isSameAs(in.get(0));
    assertThat(back.documents().get(1).root()).isEqualTo(in.get(1).root());
    assertThat(back.report().render())
        .isEqualTo("\nconfigmap \"settings\" skipped\ndeployment \"web\" uninjected\n\n");
  }

  @Test
  void should_refuse_the_whole_input_when_one_resource_is_refused() {
    String refused =
        INPUT
            + "---\n"
            + INPUT
                .substring(INPUT.indexOf("apiVersion: apps/v1"))
                .replace("name: web", "name: host")
                .replace("    spec:\n", "    spec:\n      hostNetwork: true\n");

    assertThatThrownBy(() -> TestValues.annotate().build().injectAll(read(refused)))
        .isInstanceOf(InjectionException.class)
        .hasMessage("failed to inject deployment/host: hostNetwork is enabled");
  }

  @Test
  void should_report_each_resource_with_its_namespace_kind_as_written_and_input_location() {
    String text =
        INPUT.replace("  name: web\n", "  name: web\n  namespace: shop\n")
            + "---\napiVersion: v1\nkind: List\nitems:\n"
            + "- {apiVersion: v1, kind: Service, metadata: {name: s, namespace: edge}}\n";

    List<ResourceReport> resources =
        TestValues.annotate().build().injectAll(read(text)).report().resources();

    assertThat(resources)
        .extracting(ResourceReport::kindAsWritten)
        .containsExactly("ConfigMap", "Deployment", "Service");
    assertThat(resources)
        .extracting(ResourceReport::kind)
        .containsExactly("configmap", "deployment", "service");
    assertThat(resources)
        .extracting(r -> r.namespace().orElse("-"))
        .containsExactly("-", "shop", "edge");
    assertThat(resources)
        .extracting(r -> r.location().source() + "#" + r.location().documentIndex())
        .containsExactly("shop.yaml#1", "shop.yaml#2", "shop.yaml#3");
    assertThat(resources.get(0).skipReason()).contains(ResourceReport.SkipReason.UNSUPPORTED_KIND);
    assertThat(resources.get(1).action()).isEqualTo(ResourceReport.Action.INJECTED);
  }
}
