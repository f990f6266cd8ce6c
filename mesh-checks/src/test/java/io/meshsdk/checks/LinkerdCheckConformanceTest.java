package io.meshsdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.cluster.SnapshotCluster;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.testing.Conformance;
import io.meshsdk.testing.KubeApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of {@code linkerd/check/scenarios.json} (linkerd2 b24cd40's healthcheck tests),
 * twice: on a {@link SnapshotCluster} of the scenario's objects, and through {@link LiveCluster}
 * against a {@link KubeApiServer} seeded with the same objects.
 *
 * <p>Runner rules (the scenarios' README): the checker is configured from {@code options}; the
 * categories run in Linkerd's order, restricted to {@code only} when present; the reported
 * (visible) results must equal {@code expect} in order, exactly or by {@code errorContains}; the
 * run's success and fatal stop must match. {@code silentPrerequisites} need no separate run: the
 * state they would produce (the parsed {@code linkerd-config}, the issuer material) is derived on
 * demand by the checks that use it, from the same reads.
 */
class LinkerdCheckConformanceTest {

  static Stream<Arguments> scenarios() throws IOException {
    Path file = Conformance.resolve("linkerd", "check", "scenarios.json");
    JsonObject root =
        JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    List<Arguments> out = new ArrayList<>();
    for (JsonElement e : root.getAsJsonArray("scenarios")) {
      JsonObject s = e.getAsJsonObject();
      out.add(Arguments.of(s.get("id").getAsString(), s));
    }
    assertThat(out).hasSize(82);
    return out.stream();
  }

  @ParameterizedTest(name = "snapshot {0}")
  @MethodSource("scenarios")
  void should_report_what_linkerd_reports_on_a_snapshot(String id, JsonObject scenario) {
    Path objects = Conformance.resolve("linkerd", "check", scenario.get("objects").getAsString());
    SnapshotCluster cluster =
        SnapshotCluster.builder().add(objects).accessPolicy(accessPolicy(scenario)).build();
    verify(scenario, cluster);
  }

  @ParameterizedTest(name = "live {0}")
  @MethodSource("scenarios")
  void should_report_what_linkerd_reports_through_a_live_api_server(
      String id, JsonObject scenario) {
    Path objects = Conformance.resolve("linkerd", "check", scenario.get("objects").getAsString());
    try (KubeApiServer server = start(objects, accessPolicy(scenario))) {
      LiveCluster cluster = LiveCluster.builder().kubeconfig(server.kubeconfig()).build();
      verify(scenario, cluster);
      assertThat(server.journal().mutations())
          .as("a check run only reads (access reviews and dry runs aside)")
          .isEmpty();
    }
  }

  private static KubeApiServer start(Path objects, AccessPolicy policy) {
    return KubeApiServer.builder().seed(objects).accessPolicy(policy).start();
  }

  private static AccessPolicy accessPolicy(JsonObject scenario) {
    if (!scenario.has("accessReviews")) {
      return AccessPolicy.denyAll();
    }
    JsonObject reviews = scenario.getAsJsonObject("accessReviews");
    AccessPolicy.Builder b = AccessPolicy.builder();
    for (JsonElement e : reviews.getAsJsonArray("rules")) {
      JsonObject r = e.getAsJsonObject();
      String verb = field(r, "verb");
      String ns = field(r, "namespace");
      String group = field(r, "group");
      String resource = field(r, "resource");
      if (r.get("allowed").getAsBoolean()) {
        b.allow(verb, ns, group, resource);
      } else {
        b.deny(verb, ns, group, resource);
      }
    }
    if (reviews.getAsJsonObject("default").get("allowed").getAsBoolean()) {
      b.allowByDefault();
    }
    return b.build();
  }

  private static String field(JsonObject o, String name) {
    return o.has(name) ? o.get(name).getAsString() : "*";
  }

  private static void verify(JsonObject scenario, ClusterView cluster) {
    JsonObject options = scenario.getAsJsonObject("options");
    List<CheckCategory> categories = new ArrayList<>();
    for (JsonElement c : scenario.getAsJsonArray("categories")) {
      categories.add(CheckCategory.byId(c.getAsString()).orElseThrow());
    }
    List<String> only = new ArrayList<>();
    if (scenario.has("only")) {
      scenario.getAsJsonArray("only").forEach(o -> only.add(o.getAsString()));
    }
    HealthChecker.Builder b =
        HealthChecker.builder()
            .categories(categories)
            .onlyChecks(only)
            .controlPlaneNamespace(options.get("controlPlaneNamespace").getAsString())
            .dataPlaneNamespace(options.get("dataPlaneNamespace").getAsString())
            .cniNamespace(options.get("cniNamespace").getAsString())
            .cniEnabled(options.has("cniEnabled") && options.get("cniEnabled").getAsBoolean())
            .clock(Clock.fixed(Instant.parse(options.get("now").getAsString()), ZoneOffset.UTC))
            .retryDeadline(Duration.ZERO);
    if (options.has("crdManifest")) {
      Path manifest =
          Conformance.resolve("linkerd", "check", options.get("crdManifest").getAsString());
      b.expectedCrds(ExpectedCrd.fromManifests(ManifestReader.create().readAll(manifest)));
    }
    List<CheckResult> heard = new ArrayList<>();
    CheckReport report = b.listener(heard::add).build().run(cluster);

    List<CheckResult> shown = report.results().stream().filter(CheckResult::isVisible).toList();
    JsonArray expect = scenario.getAsJsonArray("expect");
    List<String> expected = new ArrayList<>();
    for (JsonElement e : expect) {
      JsonObject x = e.getAsJsonObject();
      expected.add(
          x.get("category").getAsString()
              + " | "
              + x.get("description").getAsString()
              + " | "
              + x.get("result").getAsString());
    }
    assertThat(shown)
        .extracting(r -> r.category() + " | " + r.description() + " | " + r.outcome().jsonName())
        .containsExactlyElementsOf(expected);
    for (int i = 0; i < expect.size(); i++) {
      JsonObject x = expect.get(i).getAsJsonObject();
      CheckResult r = shown.get(i);
      if (x.has("error")) {
        assertThat(r.message()).as(r.description()).hasValue(x.get("error").getAsString());
      } else if (x.has("errorContains")) {
        assertThat(r.message())
            .as(r.description())
            .hasValueSatisfying(m -> assertThat(m).contains(x.get("errorContains").getAsString()));
      } else {
        assertThat(r.isFailure()).as(r.description() + ": " + r.message()).isFalse();
      }
    }
    assertThat(heard)
        .as("the listener hears the shown results, in order")
        .containsExactlyElementsOf(shown);
    assertThat(report.success()).isEqualTo(scenario.get("success").getAsBoolean());
    assertThat(report.fatalFailure().isPresent())
        .isEqualTo(scenario.get("fatalStop").getAsBoolean());
  }
}
