package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A LiveCluster reading an HTTP server that serves the snapshot's objects answers exactly as the
 * SnapshotCluster does: the same models, in the same order, for the same queries. The server here
 * only turns paths into snapshot reads (and drops apiVersion/kind from list items, as the API
 * server does); the full suite against a real test API server lives in mesh-testing.
 */
class LiveSnapshotParityTest {

  static final SnapshotCluster SNAPSHOT = SnapshotClusterTest.CLUSTER;
  static MockWebServer server;
  static LiveCluster live;

  @BeforeAll
  static void serve() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            return answer(r.getUrl());
          }
        });
    server.start(0);
    live = LiveCluster.builder().baseUrl(server.url("/").toString()).pageSize(2).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static MockResponse answer(HttpUrl url) {
    List<String> s = url.pathSegments();
    int v = s.get(0).equals("api") ? 1 : 2;
    GroupVersionResource base = GroupVersionResource.of(v == 1 ? "" : s.get(1), s.get(v), "x");
    List<String> rest = s.subList(v + 1, s.size());
    Optional<String> ns = Optional.empty();
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      ns = Optional.of(rest.get(1));
      rest = rest.subList(2, rest.size());
    }
    GroupVersionResource gvr = GroupVersionResource.of(base.group(), base.version(), rest.get(0));
    Gson gson = new Gson();
    if (rest.size() == 2) {
      Optional<Map<String, Object>> o =
          ns.isPresent()
              ? SNAPSHOT.getCustom(gvr, ns.get(), rest.get(1))
              : SNAPSHOT.getCustom(gvr, rest.get(1));
      return o.map(m -> new MockResponse.Builder().code(200).body(gson.toJson(m)).build())
          .orElse(new MockResponse.Builder().code(404).body("{\"reason\":\"NotFound\"}").build());
    }
    ListQuery q = ns.map(ListQuery::inNamespace).orElse(ListQuery.inAllNamespaces());
    if (url.queryParameter("labelSelector") != null) {
      q = q.withLabelSelector(url.queryParameter("labelSelector"));
    }
    if (url.queryParameter("fieldSelector") != null) {
      q = q.withFieldSelector(url.queryParameter("fieldSelector"));
    }
    List<Map<String, Object>> all = SNAPSHOT.listCustom(gvr, q);
    int limit = Integer.parseInt(Optional.ofNullable(url.queryParameter("limit")).orElse("100000"));
    int from = Integer.parseInt(Optional.ofNullable(url.queryParameter("continue")).orElse("0"));
    List<Map<String, Object>> page = new ArrayList<>();
    for (Map<String, Object> item : all.subList(from, Math.min(all.size(), from + limit))) {
      Map<String, Object> copy = new LinkedHashMap<>(item);
      if (gvr.group().isEmpty() || !gvr.group().contains(".") || gvr.group().endsWith(".k8s.io")) {
        copy.remove("apiVersion"); // built-in list items come without them
        copy.remove("kind");
      }
      page.add(copy);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    if (from + limit < all.size()) {
      meta.put("continue", String.valueOf(from + limit));
    }
    return new MockResponse.Builder()
        .code(200)
        .body(gson.toJson(Map.of("metadata", meta, "items", page)))
        .build();
  }

  static Stream<Arguments> lists() {
    List<Arguments> out = new ArrayList<>();
    for (ResourceKind<?> k : ResourceKind.all()) {
      out.add(Arguments.of(k, ListQuery.inAllNamespaces()));
    }
    out.addAll(
        Arrays.asList(
            Arguments.of(ResourceKind.PODS, ListQuery.inNamespace("linkerd")),
            Arguments.of(
                ResourceKind.PODS,
                ListQuery.inAllNamespaces().withLabelSelector("app notin (web)")),
            Arguments.of(
                ResourceKind.PODS,
                ListQuery.inAllNamespaces().withLabelSelector("linkerd.io/control-plane-ns")),
            Arguments.of(
                ResourceKind.PODS,
                ListQuery.inAllNamespaces().withFieldSelector("status.phase=Running")),
            Arguments.of(
                ResourceKind.NAMESPACES,
                ListQuery.inAllNamespaces().withLabelSelector("!linkerd.io/extension"))));
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lists")
  void should_list_the_same_on_both_sides(ResourceKind<?> kind, ListQuery query) {
    assertThat(live.list(kind, query)).isEqualTo(SNAPSHOT.list(kind, query));
  }

  static Stream<Arguments> gets() {
    return Stream.of(
        Arguments.of(ResourceKind.PODS, "linkerd", "linkerd-destination-7d9b8c6f5-abcde"),
        Arguments.of(ResourceKind.PODS, "linkerd", "absent"),
        Arguments.of(ResourceKind.NAMESPACES, null, "linkerd-viz"),
        Arguments.of(ResourceKind.NAMESPACES, null, "absent"),
        Arguments.of(ResourceKind.CUSTOM_RESOURCE_DEFINITIONS, null, "servers.policy.linkerd.io"));
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("gets")
  void should_get_the_same_on_both_sides(ResourceKind<?> kind, String namespace, String name) {
    if (namespace == null) {
      assertThat(live.get(kind, name)).isEqualTo(SNAPSHOT.get(kind, name));
    } else {
      assertThat(live.get(kind, namespace, name)).isEqualTo(SNAPSHOT.get(kind, namespace, name));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customQueries")
  void should_list_custom_resources_the_same_on_both_sides(ListQuery query) {
    GroupVersionResource servers =
        GroupVersionResource.of("policy.linkerd.io", "v1beta3", "servers");
    assertThat(live.listCustom(servers, query)).isEqualTo(SNAPSHOT.listCustom(servers, query));
  }

  static Stream<ListQuery> customQueries() {
    return Stream.of(
        ListQuery.inAllNamespaces(),
        ListQuery.inNamespace("default"),
        ListQuery.inAllNamespaces().withLabelSelector("app=web"));
  }
}
