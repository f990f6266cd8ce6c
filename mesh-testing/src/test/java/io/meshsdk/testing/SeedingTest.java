package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.meshsdk.core.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds from strings, files, folders, classpath resources and kubectl dumps. */
class SeedingTest {
  private static final String DUMP =
      String.join(
          "\n",
          "apiVersion: v1",
          "kind: List",
          "items:",
          "- apiVersion: v1",
          "  kind: ConfigMap",
          "  metadata: {name: a, namespace: ns1, resourceVersion: '12345', uid: u-1}",
          "  data: {k: v}",
          "- apiVersion: v1",
          "  kind: ServiceAccount",
          "  metadata: {name: sa, namespace: ns1}",
          "");

  @Test
  void should_seed_a_kubectl_dump_of_kind_list() throws ApiException {
    try (KubeApiServer server = KubeApiServer.builder().seed(DUMP).start()) {
      ApiClient client = server.apiClient();

      assertThat(new CoreV1Api(client).readNamespacedConfigMap("a", "ns1").execute().getData())
          .isEqualTo(Map.of("k", "v"));
      assertThat(new CoreV1Api(client).listServiceAccountForAllNamespaces().execute().getItems())
          .extracting(s -> s.getMetadata().getName())
          .containsExactly("sa");
    }
  }

  @Test
  void should_seed_files_and_folders(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("a.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata:\n" + "  name: from-file\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(
        dir.resolve("sub/b.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
            + "\"metadata\":{\"name\":\"from-json\"}}");

    try (KubeApiServer server = KubeApiServer.builder().seed(dir).start()) {
      assertThat(new CoreV1Api(server.apiClient()).listNamespace().execute().getItems())
          .extracting(n -> n.getMetadata().getName())
          .containsExactly("from-file", "from-json");
    }
  }

  @Test
  void should_put_namespaced_objects_without_a_namespace_in_default() throws ApiException {
    try (KubeApiServer server =
        KubeApiServer.builder()
            .seed("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
            .start()) {
      assertThat(
              new CoreV1Api(server.apiClient())
                  .readNamespacedConfigMap("c", "default")
                  .execute()
                  .getMetadata()
                  .getName())
          .isEqualTo("c");
    }
  }

  @Test
  void should_name_the_document_of_a_custom_resource_without_its_crd() {
    assertThatThrownBy(
            () ->
                KubeApiServer.builder()
                    .seed(
                        "apiVersion: v1\nkind: Namespace\n"
                            + "metadata: {name: x}\n---\napiVersion: example.com/v1\nkind: Widget\n"
                            + "metadata: {name: w, namespace: x}\n")
                    .start())
        .isInstanceOf(KubeApiServerException.class)
        .hasMessageContaining("<seed>: document 2")
        .hasMessageContaining("example.com/v1 Widget")
        .hasMessageContaining("CustomResourceDefinition first");
  }

  @Test
  void should_name_a_seed_without_a_name() {
    assertThatThrownBy(
            () ->
                KubeApiServer.builder()
                    .seed("apiVersion: v1\nkind: ConfigMap\n" + "metadata: {namespace: x}\n")
                    .start())
        .isInstanceOf(KubeApiServerException.class)
        .hasMessageContaining("<seed>: document 1")
        .hasMessageContaining("metadata.name");
  }

  @Test
  void should_hold_a_crd_without_group_and_names_and_give_it_back_as_written() {
    String crd =
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
            + "metadata: {name: httproutes.gateway.networking.k8s.io}\n"
            + "spec:\n  versions:\n  - {name: v1alpha1}\n";
    try (KubeApiServer server = KubeApiServer.builder().seed(crd).start()) {
      Manifest stored =
          server.dump().items().stream()
              .filter(m -> m.kind().filter("CustomResourceDefinition"::equals).isPresent())
              .findFirst()
              .orElseThrow();

      assertThat(stored.name()).contains("httproutes.gateway.networking.k8s.io");
      Map<?, ?> spec = (Map<?, ?>) stored.object().orElseThrow().get("spec");
      assertThat(spec.keySet().stream().map(String::valueOf)).containsExactly("versions");
    }
  }

  @Test
  void should_say_which_classpath_resource_is_missing() {
    assertThatThrownBy(() -> KubeApiServer.builder().seedResource("no/such.yaml"))
        .isInstanceOf(KubeApiServerException.class)
        .hasMessageContaining("no classpath resource no/such.yaml");
  }

  @Test
  void should_report_unparsable_yaml_with_its_location() {
    assertThatThrownBy(() -> KubeApiServer.builder().seed("a: [unclosed\n"))
        .isInstanceOf(KubeApiServerException.class)
        .hasMessageContaining("cannot read the seed <seed>");
  }

  @Test
  void should_seed_more_objects_while_running_and_dump_them_as_a_list() {
    try (KubeApiServer server =
        KubeApiServer.builder().seedResource("seeds/cluster.yaml").start()) {
      server.seed("apiVersion: v1\nkind: Namespace\nmetadata: {name: added}\n");

      Manifest dump = server.dump();

      assertThat(dump.kind()).contains("List");
      List<Manifest> items = dump.items();
      assertThat(items)
          .extracting(m -> m.kind().orElse(""))
          .contains(
              "Pod", "Node", "Server", "CustomResourceDefinition", "MutatingWebhookConfiguration");
      assertThat(items)
          .filteredOn(m -> m.kind().filter("Namespace"::equals).isPresent())
          .extracting(m -> m.name().orElse(""))
          .containsExactly("added", "emojivoto", "linkerd");
    }
  }
}
