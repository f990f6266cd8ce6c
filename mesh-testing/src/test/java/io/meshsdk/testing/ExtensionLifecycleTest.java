package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension's lifecycles and parameters. */
class ExtensionLifecycleTest {

  @Nested
  class PerMethod {
    @RegisterExtension
    static final KubeApiServerExtension KUBE =
        KubeApiServerExtension.builder()
            .perMethod()
            .seed("apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n")
            .build();

    @Test
    void should_start_a_fresh_server_for_one_test(ApiClient client) throws ApiException {
      createAndCount(client);
    }

    @Test
    void should_start_a_fresh_server_for_another_test(ApiClient client) throws ApiException {
      createAndCount(client);
    }

    private void createAndCount(ApiClient client) throws ApiException {
      CoreV1Api core = new CoreV1Api(client);
      core.createNamespacedConfigMap(
              "ns", new V1ConfigMap().metadata(new V1ObjectMeta().name("only-one")))
          .execute();

      assertThat(core.listNamespacedConfigMap("ns").execute().getItems()).hasSize(1);
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClass {
    @RegisterExtension
    static final KubeApiServerExtension KUBE =
        KubeApiServerExtension.builder()
            .seed("apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n")
            .build();

    static URI firstUrl;

    @Test
    @Order(1)
    void should_keep_what_a_test_writes(ApiClient client, @BaseUrl URI url) throws ApiException {
      firstUrl = url;
      new CoreV1Api(client)
          .createNamespacedConfigMap(
              "ns", new V1ConfigMap().metadata(new V1ObjectMeta().name("kept")))
          .execute();
    }

    @Test
    @Order(2)
    void should_see_it_in_the_next_test_of_the_class(
        ApiClient client, @BaseUrl String url, RequestJournal journal) throws ApiException {
      assertThat(url).isEqualTo(firstUrl.toString());
      assertThat(journal.entries()).as("cleared before each test").isEmpty();
      assertThat(
              new CoreV1Api(client)
                  .readNamespacedConfigMap("kept", "ns")
                  .execute()
                  .getMetadata()
                  .getName())
          .isEqualTo("kept");
    }

    @Test
    @Order(3)
    void should_hand_out_the_kubeconfig(@Kubeconfig Path kubeconfig, KubeApiServer server)
        throws Exception {
      assertThat(kubeconfig).isEqualTo(server.kubeconfig());
      assertThat(Files.readString(kubeconfig))
          .contains("server: " + server.baseUrl())
          .contains("namespace: default")
          .doesNotContain("token:");
      assertThat(KUBE.liveCluster().server()).isEqualTo(server.baseUrl().toString());
    }
  }
}
