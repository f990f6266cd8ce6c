package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTPS as a real cluster serves it: a CA in the kubeconfig and a bearer token the server checks.
 */
class HttpsModeTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder().https().seedResource("seeds/cluster.yaml").build();

  @Test
  void should_write_a_kubeconfig_with_ca_data_and_a_token(
      @Kubeconfig Path kubeconfig, KubeApiServer server) throws Exception {
    String text = Files.readString(kubeconfig);

    assertThat(server.baseUrl().toString()).startsWith("https://localhost:");
    assertThat(text)
        .contains("certificate-authority-data: ")
        .contains("token: mesh-testing-")
        .contains("server: " + server.baseUrl());
    assertThat(server.caCertificatePem())
        .hasValueSatisfying(pem -> assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @Test
  void should_serve_the_official_client_over_tls_with_the_token(ApiClient client)
      throws ApiException {
    assertThat(new CoreV1Api(client).listNamespace().execute().getItems())
        .extracting(n -> n.getMetadata().getName())
        .containsExactly("emojivoto", "linkerd");
    assertThat(KUBE.journal().entries())
        .singleElement()
        .satisfies(e -> assertThat(e.credentialSent()).isTrue());
    assertThat(KUBE.journal().toString()).doesNotContain("mesh-testing-");
  }

  @Test
  void should_answer_401_without_the_token(@Kubeconfig Path kubeconfig) throws Exception {
    String noToken =
        Files.readString(kubeconfig).replaceAll("(?m)^    token: .*$", "    username: nobody");
    ApiClient client =
        ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(new StringReader(noToken))).build();

    assertThatThrownBy(() -> new CoreV1Api(client).listNamespace().execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(401);
              assertThat(e.getResponseBody()).contains("\"reason\":\"Unauthorized\"");
            });
    assertThat(KUBE.journal().entries())
        .singleElement()
        .satisfies(e -> assertThat(e.credentialSent()).isFalse());
  }

  @Test
  void should_fail_the_handshake_for_a_client_without_the_ca(@Kubeconfig Path kubeconfig)
      throws Exception {
    String noCa =
        Files.readString(kubeconfig)
            .replaceAll("(?m)^    certificate-authority-data: " + ".*$", "");
    ApiClient client =
        ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(new StringReader(noCa))).build();

    assertThatThrownBy(() -> new CoreV1Api(client).listNamespace().execute())
        .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
  }
}
