package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unknown-field injection: answers carry fields client-java's strict models reject. */
class UnknownFieldsTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder()
          .seedResource("seeds/cluster.yaml")
          .unknownFields(true)
          .build();

  @Test
  void should_inject_fields_at_the_top_and_in_metadata_spec_and_status(@BaseUrl URI url)
      throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(url + "/api/v1/namespaces/emojivoto/pods/web-7b9f8-pqrst"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();

    assertThat(body.split("meshTestingUnknownField", -1)).hasSize(5);
  }

  @Test
  void should_make_the_strict_generated_models_fail(ApiClient client) {
    // the reason the SDK reads with its own lenient JSON: client-java#4809
    assertThatThrownBy(() -> new CoreV1Api(client).listNode().execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meshTestingUnknownField");
  }

  @Test
  void should_stop_injecting_when_turned_off(KubeApiServer server, ApiClient client)
      throws Exception {
    server.unknownFields(false);

    assertThat(new CoreV1Api(client).listNode().execute().getItems()).hasSize(2);
  }
}
