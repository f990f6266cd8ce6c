package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What each fault does on the wire, seen by a plain HTTP client. */
class FaultModesTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder().seedResource("seeds/cluster.yaml").build();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(KUBE.baseUrl() + path))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_answer_500_with_an_internal_error_status_then_recover(KubeApiServer server)
      throws Exception {
    server.inject(Fault.serverError().on("/api/v1/nodes").times(1));

    HttpResponse<String> failed = get("/api/v1/nodes");
    HttpResponse<String> retried = get("/api/v1/nodes");

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(JsonParser.parseString(failed.body()).getAsJsonObject().get("reason").getAsString())
        .isEqualTo("InternalError");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(server.journal().requests("GET", "/api/v1/nodes"))
        .extracting(JournalEntry::status)
        .containsExactly(500, 200);
    assertThat(server.journal().entries().get(0).fault())
        .contains("status 500 on /api/v1/nodes (1x)");
  }

  @Test
  void should_answer_403_with_a_forbidden_status_on_matching_paths_only(KubeApiServer server)
      throws Exception {
    server.inject(Fault.forbidden().on("/api/v1/namespaces/*/secrets"));

    assertThat(get("/api/v1/namespaces/linkerd/secrets").statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/namespaces/linkerd/secrets").body())
        .contains("\"reason\":\"Forbidden\"");
    assertThat(get("/api/v1/namespaces/linkerd/configmaps").statusCode()).isEqualTo(200);
  }

  @Test
  void should_answer_429_with_retry_after(KubeApiServer server) throws Exception {
    server.inject(Fault.tooManyRequests(Duration.ofMillis(1500)).on("/api/v1/pods").times(1));

    HttpResponse<String> r = get("/api/v1/pods");

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).contains("2");
    assertThat(r.body()).contains("\"reason\":\"TooManyRequests\"");
  }

  @Test
  void should_reset_the_connection(KubeApiServer server) {
    server.inject(Fault.connectionReset().on("/api/v1/pods"));

    assertThatThrownBy(() -> get("/api/v1/pods")).isInstanceOf(IOException.class);
    // the JDK client retries an idempotent GET once after a reset: the journal shows both
    assertThat(server.journal().entries())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.status()).isZero());
  }

  @Test
  void should_stall_until_the_client_times_out(KubeApiServer server) {
    server.inject(Fault.stall().on("/api/v1/pods"));

    assertThatThrownBy(() -> get("/api/v1/pods")).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void should_truncate_the_body(KubeApiServer server) {
    server.inject(Fault.truncatedBody().on("/api/v1/pods"));

    assertThatThrownBy(() -> get("/api/v1/pods")).isInstanceOf(IOException.class);
  }

  @Test
  void should_send_a_malformed_body(KubeApiServer server) throws Exception {
    server.inject(Fault.malformedBody().on("/api/v1/pods"));

    HttpResponse<String> r = get("/api/v1/pods");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    assertThatThrownBy(() -> JsonParser.parseString(r.body()).getAsJsonObject())
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void should_add_latency_and_answer_normally(KubeApiServer server) throws Exception {
    server.inject(Fault.latency(Duration.ofMillis(30)));

    HttpResponse<String> r = get("/api/v1/nodes");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("node-a");
    assertThat(server.journal().entries())
        .singleElement()
        .satisfies(e -> assertThat(e.fault()).contains("latency 30 ms on /**"));
  }

  @Test
  void should_limit_a_fault_to_a_method(KubeApiServer server) throws Exception {
    server.inject(Fault.serverError().onMethod("POST"));

    assertThat(get("/api/v1/nodes").statusCode()).isEqualTo(200);
  }

  @Test
  void should_clear_faults_armed_by_the_previous_test() throws Exception {
    // every other test arms a fault; the extension disarms them after each test
    assertThat(get("/api/v1/pods").statusCode()).isEqualTo(200);
  }

  @Test
  void should_reject_nonsense_fault_settings() {
    assertThatThrownBy(() -> Fault.status(200)).hasMessageContaining("400..599");
    assertThatThrownBy(() -> Fault.stall().on("api/v1")).hasMessageContaining("start with '/'");
    assertThatThrownBy(() -> Fault.stall().times(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1))).hasMessageContaining("negative");
  }
}
