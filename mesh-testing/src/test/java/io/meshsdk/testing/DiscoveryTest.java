package io.meshsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /version and discovery, as raw HTTP: the shapes kubectl and client-go expect. */
class DiscoveryTest {
  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder().seedResource("seeds/cluster.yaml").build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(KUBE.baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject get(String path) throws Exception {
    HttpResponse<String> r = send("GET", path, null);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/version", "/version/"})
  void should_answer_version_with_all_fields(String path) throws Exception {
    JsonObject v = get(path);

    assertThat(v.keySet())
        .contains(
            "major",
            "minor",
            "gitVersion",
            "gitCommit",
            "gitTreeState",
            "buildDate",
            "goVersion",
            "compiler",
            "platform");
    assertThat(v.get("gitVersion").getAsString()).isEqualTo(KubeApiServer.DEFAULT_VERSION);
  }

  @Test
  void should_list_the_core_version_and_the_server_address() throws Exception {
    JsonObject api = get("/api");

    assertThat(api.get("kind").getAsString()).isEqualTo("APIVersions");
    assertThat(api.getAsJsonArray("versions").get(0).getAsString()).isEqualTo("v1");
    assertThat(
            api.getAsJsonArray("serverAddressByClientCIDRs")
                .get(0)
                .getAsJsonObject()
                .get("serverAddress")
                .getAsString())
        .isEqualTo(KUBE.baseUrl().getAuthority());
  }

  @Test
  void should_list_built_in_groups_and_the_groups_of_stored_crds() throws Exception {
    JsonObject apis = get("/apis");

    List<String> groups = new ArrayList<>();
    for (JsonElement g : apis.getAsJsonArray("groups")) {
      groups.add(g.getAsJsonObject().get("name").getAsString());
    }
    assertThat(apis.get("kind").getAsString()).isEqualTo("APIGroupList");
    assertThat(groups)
        .contains(
            "apps",
            "batch",
            "rbac.authorization.k8s.io",
            "apiextensions.k8s.io",
            "admissionregistration.k8s.io",
            "apiregistration.k8s.io",
            "authorization.k8s.io",
            "policy.linkerd.io");
  }

  @Test
  void should_describe_resources_with_verbs_and_singular_names() throws Exception {
    JsonObject core = get("/api/v1");
    JsonObject apps = get("/apis/apps/v1");

    assertThat(core.get("groupVersion").getAsString()).isEqualTo("v1");
    JsonObject pods = resource(core, "pods");
    assertThat(pods.get("singularName").getAsString()).isEqualTo("pod");
    assertThat(pods.get("namespaced").getAsBoolean()).isTrue();
    assertThat(pods.get("kind").getAsString()).isEqualTo("Pod");
    assertThat(pods.getAsJsonArray("verbs").toString()).contains("list", "get", "create");
    assertThat(resource(core, "nodes").get("namespaced").getAsBoolean()).isFalse();
    assertThat(resource(apps, "deployments").getAsJsonArray("shortNames").toString())
        .contains("deploy");
  }

  @Test
  void should_learn_a_crd_created_through_the_api() throws Exception {
    assertThat(send("GET", "/apis/example.com/v1", null).statusCode()).isEqualTo(404);

    HttpResponse<String> created =
        send(
            "POST",
            "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
            "{\"metadata\":{\"name\":\"widgets.example.com\"},\"spec\":{\"group\":\"example.com\","
                + "\"scope\":\"Cluster\",\"names\":{\"plural\":\"widgets\",\"kind\":\"Widget\"},"
                + "\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true}]}}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject widgets = resource(get("/apis/example.com/v1"), "widgets");
    assertThat(widgets.get("kind").getAsString()).isEqualTo("Widget");
    assertThat(widgets.get("singularName").getAsString()).isEqualTo("widget");
    assertThat(widgets.get("namespaced").getAsBoolean()).isFalse();
    assertThat(
            send(
                    "POST",
                    "/apis/example.com/v1/widgets",
                    "{\"metadata\":{\"name\":\"w1\"},\"spec\":{\"size\":3}}")
                .statusCode())
        .isEqualTo(201);
    assertThat(get("/apis/example.com/v1/widgets/w1").get("kind").getAsString())
        .isEqualTo("Widget");
  }

  @Test
  void should_answer_unknown_paths_with_a_not_found_status() throws Exception {
    HttpResponse<String> r = send("GET", "/apis/nope.example.com/v1/things", null);

    assertThat(r.statusCode()).isEqualTo(404);
    JsonObject status = JsonParser.parseString(r.body()).getAsJsonObject();
    assertThat(status.get("kind").getAsString()).isEqualTo("Status");
    assertThat(status.get("reason").getAsString()).isEqualTo("NotFound");
    assertThat(status.get("code").getAsInt()).isEqualTo(404);
  }

  @Test
  void should_refuse_a_body_whose_namespace_differs_from_the_url() throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            "/api/v1/namespaces/linkerd/configmaps",
            "{\"metadata\":{\"name\":\"x\",\"namespace\":\"emojivoto\"}}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("does not match the namespace sent on the request");
  }

  @Test
  void should_refuse_an_invalid_continue_token() throws Exception {
    HttpResponse<String> r = send("GET", "/api/v1/pods?limit=1&continue=garbage", null);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("continue key is not valid");
  }

  @Test
  void should_emulate_a_watch_as_added_events() throws Exception {
    HttpResponse<String> r = send("GET", "/api/v1/namespaces/linkerd/configmaps?watch=true", null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().lines())
        .singleElement()
        .satisfies(
            line -> assertThat(line).startsWith("{\"type\":\"ADDED\"").contains("linkerd-config"));
  }

  private static JsonObject resource(JsonObject list, String name) {
    for (JsonElement e : list.getAsJsonArray("resources")) {
      if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no resource " + name + " in " + list);
  }
}
