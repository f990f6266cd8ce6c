package io.meshsdk.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.checks.CheckCategory;
import io.meshsdk.checks.HealthChecker;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.testing.JournalEntry;
import io.meshsdk.testing.KubeApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Installer on Linkerd's real charts against mesh-testing's API server: the pre-install gate (the
 * seed's docker-runtime refusal), everything applied in order and readable back, a second apply
 * that writes nothing, an accurate plan, the waits, mesh-checks passing for what was applied, and
 * no Secret data anywhere but in the Secret.
 */
class InstallerTest {
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static RenderedInstall crds;
  private static RenderedInstall controlPlane;
  private static RenderedInstall withoutRunAsRoot;
  private static RenderedInstall fixed;
  private static RenderedInstall fixedChanged;
  private static String issuerKey;

  @BeforeAll
  static void render() {
    Path charts = Charts.repo();
    ChartSource crdChart = ChartSource.folder(charts.resolve("charts/linkerd-crds"));
    ChartSource cpChart = ChartSource.folder(charts.resolve("charts/linkerd-control-plane"));
    crds = LinkerdInstall.crds(crdChart).build().render();
    controlPlane =
        LinkerdInstall.controlPlane(cpChart).set("proxyInit.runAsRoot=true").build().render();
    withoutRunAsRoot = LinkerdInstall.controlPlane(cpChart).build().render();
    issuerKey =
        new String(
            Base64.getDecoder()
                .decode(
                    (String) data(secret(controlPlane, "linkerd-identity-issuer")).get("key.pem")),
            StandardCharsets.UTF_8);

    // renders that differ in one value only: given identity, external webhook certificates and a
    // fixed heartbeat schedule (the chart otherwise generates them on every render)
    CertificateAuthority ca = CertificateAuthority.create(Clock.systemUTC());
    IssuedCertificate anchor = ca.createTrustAnchor();
    IssuedCertificate issuer = ca.createIssuer(anchor);
    IssuedCertificate webhookCa =
        ca.createTrustAnchor(Duration.ofDays(365), "webhook.linkerd.cluster.local");
    LinkerdInstall.Builder fixedBuilder =
        LinkerdInstall.controlPlane(cpChart)
            .identity(anchor.certificatePem(), issuer.certificatePem(), issuer.privateKeyPem())
            .set("proxyInit.runAsRoot=true")
            .set("heartbeatSchedule=0 0 * * *");
    for (String webhook : List.of("proxyInjector", "profileValidator", "policyValidator")) {
      fixedBuilder
          .set(webhook + ".externalSecret=true")
          .layers(
              vb ->
                  vb.set(
                      io.meshsdk.core.values.SetFlag.SET_STRING,
                      webhook + ".caBundle=" + webhookCa.certificatePem().replace(",", "\\,")));
    }
    fixed = fixedBuilder.build().render();
    fixedChanged = fixedBuilder.set("identity.issuer.issuanceLifetime=48h0m0s").build().render();
  }

  /**
   * A server the pre-install checks accept (with {@code runAsRoot} on docker nodes), on the test
   * clock; with {@code workloads}, Deployments become ready 5 s (on that clock) after a write.
   */
  private static KubeApiServer server(String runtime, TestClock clock, boolean workloads) {
    String seed;
    try (InputStream in =
        Objects.requireNonNull(InstallerTest.class.getResourceAsStream("pre-cluster.yaml"))) {
      seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    KubeApiServer.Builder b =
        KubeApiServer.builder()
            .clock(clock)
            .seed(
                seed.replace("NODE_HEARTBEAT", START.toString()).replace("NODE_RUNTIME", runtime));
    if (workloads) {
      b.simulateWorkloads(Duration.ofSeconds(5));
    }
    return b.start();
  }

  /** An installer on the test clock, whose sleeper moves the clock on. */
  private static Installer.Builder installer(TestClock clock, List<InstallEvent> events) {
    return Installer.newBuilder().clock(clock).sleeper(clock::advance).listener(events::add);
  }

  @Test
  void should_refuse_on_docker_nodes_without_runAsRoot_and_write_nothing() {
    TestClock clock = new TestClock(START);
    try (KubeApiServer server = server("docker://20.10.7", clock, true)) {
      List<InstallEvent> events = new ArrayList<>();
      Installer installer = installer(clock, events).build();

      assertThatThrownBy(() -> installer.apply(server.liveCluster(), crds, withoutRunAsRoot))
          .isInstanceOfSatisfying(
              InstallException.class,
              e -> {
                assertThat(e.findings())
                    .extracting(CheckResult::description)
                    .containsExactly(Installer.DOCKER_RUNTIME_CHECK);
                assertThat(e.checkReport()).isPresent();
                assertThat(e.getMessage())
                    .contains(
                        "the pre-install checks refuse the install",
                        Installer.DOCKER_RUNTIME_CHECK,
                        "--set proxyInit.runAsRoot=true");
              });
      assertThat(server.journal().mutations()).isEmpty();
      assertThat(events).extracting(InstallEvent::step).containsOnly("pre-checks");
    }
  }

  @Test
  void should_apply_in_dependency_order_wait_and_pass_the_checks_then_change_nothing() {
    TestClock clock = new TestClock(START);
    try (KubeApiServer server = server("docker://20.10.7", clock, true)) {
      LiveCluster cluster = server.liveCluster();
      List<InstallEvent> events = new ArrayList<>();
      Installer installer = installer(clock, events).build();
      List<Manifest> all = new ArrayList<>(crds.manifests());
      all.add(controlPlane.namespaceObject().orElseThrow());
      all.addAll(controlPlane.manifests());

      // the plan of an empty cluster: everything created, nothing written
      InstallPlan plan = installer.plan(cluster, crds, controlPlane);
      assertThat(plan.objects()).hasSize(all.size());
      assertThat(plan.withChange(Change.CREATED)).hasSize(all.size());
      assertThat(plan.preChecks()).isPresent();
      assertThat(server.journal().mutations()).isEmpty();

      events.clear();
      ApplyResult first = installer.apply(cluster, crds, controlPlane);

      assertThat(first.withChange(Change.CREATED)).hasSize(all.size());
      for (Manifest m : all) {
        assertThat(cluster.getObject(m)).as(ObjectRef.of(m).toString()).isPresent();
      }
      Map<String, Object> ns =
          cluster.getObject(controlPlane.namespaceObject().orElseThrow()).orElseThrow();
      assertThat(metadata(ns).get("labels"))
          .isEqualTo(
              Map.of(
                  "linkerd.io/is-control-plane", "true",
                  "config.linkerd.io/admission-webhooks", "disabled",
                  "linkerd.io/control-plane-ns", "linkerd",
                  "pod-security.kubernetes.io/enforce", "privileged"));
      assertThat(metadata(ns).get("annotations"))
          .isEqualTo(Map.of("linkerd.io/inject", "disabled"));

      // order: CRDs, the namespace, then the rest; every write by field manager mesh
      List<JournalEntry> writes = server.journal().mutations();
      assertThat(writes).allSatisfy(w -> assertThat(w.method()).isEqualTo("PATCH"));
      assertThat(writes)
          .allSatisfy(w -> assertThat(w.queryParameter("fieldManager")).contains("mesh"));
      int crdCount = crds.ofKind("CustomResourceDefinition").size();
      assertThat(writes.subList(0, crdCount))
          .allSatisfy(w -> assertThat(w.path()).contains("/customresourcedefinitions/"));
      assertThat(writes.get(crdCount).path()).isEqualTo("/api/v1/namespaces/linkerd");
      assertThat(writes.subList(crdCount + 1, writes.size()))
          .noneSatisfy(w -> assertThat(w.path()).contains("/customresourcedefinitions/"));

      // progress: the steps in order, the CRDs Established, a wait for the Deployments
      assertThat(
              events.stream()
                  .filter(e -> e.type() == InstallEvent.Type.STEP_STARTED)
                  .map(InstallEvent::step))
          .containsExactly("pre-checks", "crds", "namespaces", "resources", "wait");
      assertThat(events)
          .filteredOn(e -> e.type() == InstallEvent.Type.WAITING)
          .extracting(InstallEvent::message)
          .contains("waiting for Deployment linkerd/linkerd-identity to be ready (no status yet)");
      assertThat(events)
          .filteredOn(e -> e.type() == InstallEvent.Type.READY)
          .extracting(e -> e.object().orElseThrow().kind())
          .contains("CustomResourceDefinition");
      assertThat(events)
          .filteredOn(e -> e.type() == InstallEvent.Type.READY)
          .extracting(e -> e.object().orElseThrow().toString())
          .contains(
              "Deployment linkerd/linkerd-identity",
              "Deployment linkerd/linkerd-destination",
              "Deployment linkerd/linkerd-proxy-injector");
      assertThat(events.get(events.size() - 1).type()).isEqualTo(InstallEvent.Type.DONE);
      assertThat(Duration.between(START, clock.instant()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(5));

      // mesh-checks on the same server: config, CRDs and identity pass for what was applied
      CheckReport checks =
          HealthChecker.builder()
              .categories(
                  CheckCategory.LINKERD_CONFIG,
                  CheckCategory.LINKERD_CRD,
                  CheckCategory.LINKERD_IDENTITY)
              .retryDeadline(Duration.ZERO)
              .build()
              .run(cluster);
      assertThat(checks.results())
          .filteredOn(r -> r.outcome() != Outcome.SKIPPED)
          .isNotEmpty()
          .allSatisfy(
              r ->
                  assertThat(r.outcome())
                      .as(r.description() + ": " + r.message())
                      .isEqualTo(Outcome.SUCCESS));
      assertThat(checks.categories())
          .extracting(c -> c.name())
          .contains("linkerd-config", "linkerd-crd", "linkerd-identity");

      // a second apply writes nothing and finds everything unchanged
      Map<ObjectRef, Object> versions = resourceVersions(cluster, all);
      server.journal().clear();
      ApplyResult second = installer.apply(cluster, crds, controlPlane);
      assertThat(second.withChange(Change.UNCHANGED)).hasSize(all.size());
      assertThat(second.unchanged()).isTrue();
      assertThat(server.journal().mutations()).isEmpty();
      assertThat(resourceVersions(cluster, all)).isEqualTo(versions);
      assertThat(installer.plan(cluster, crds, controlPlane).isEmpty()).isTrue();

      // the issuer key went only into the Secret
      List<String> texts = new ArrayList<>();
      events.forEach(e -> texts.add(e.toString()));
      texts.add(plan.render());
      texts.add(first.toString());
      texts.add(second.objects().toString());
      assertThat(String.join("\n", texts)).doesNotContain(issuerKey.strip().split("\n")[1]);
    }
  }

  @Test
  void should_plan_exactly_the_objects_and_paths_a_changed_value_changes() {
    TestClock clock = new TestClock(START);
    try (KubeApiServer server = server("containerd://1.7.2", clock, false)) {
      LiveCluster cluster = server.liveCluster();
      Installer installer = installer(clock, new ArrayList<>()).waitTimeout(Duration.ZERO).build();
      installer.apply(cluster, crds, fixed);
      assertThat(installer.plan(cluster, crds, fixed).isEmpty()).isTrue();
      server.journal().clear();

      InstallPlan plan = installer.plan(cluster, crds, fixedChanged);

      assertThat(server.journal().mutations()).isEmpty();
      Map<String, List<String>> changed = new LinkedHashMap<>();
      for (ObjectChange o : plan.withChange(Change.CHANGED)) {
        changed.put(o.object().toString(), o.fields().stream().map(FieldChange::path).toList());
      }
      assertThat(changed.keySet())
          .containsExactly(
              "ConfigMap linkerd/linkerd-config", "Deployment linkerd/linkerd-identity");
      assertThat(changed.get("ConfigMap linkerd/linkerd-config")).containsExactly("data.values");
      assertThat(changed.get("Deployment linkerd/linkerd-identity")).hasSize(1);
      assertThat(changed.get("Deployment linkerd/linkerd-identity").get(0))
          .matches("spec\\.template\\.spec\\.containers\\[\\d+]\\.args\\[\\d+]");
      FieldChange arg = plan.withChange(Change.CHANGED).get(1).fields().get(0);
      assertThat(arg.live()).contains("\"-identity-issuance-lifetime=24h0m0s\"");
      assertThat(arg.planned()).contains("\"-identity-issuance-lifetime=48h0m0s\"");
      assertThat(plan.withChange(Change.CREATED)).isEmpty();
      assertThat(plan.render())
          .contains(
              "~ changed Deployment linkerd/linkerd-identity",
              "\"-identity-issuance-lifetime=24h0m0s\" → \"-identity-issuance-lifetime=48h0m0s\"",
              "plan: 0 to create, 2 to change, ");
    }
  }

  @Test
  void should_time_out_naming_what_is_not_ready() {
    TestClock clock = new TestClock(START);
    try (KubeApiServer server = server("containerd://1.7.2", clock, false)) {
      Installer installer =
          installer(clock, new ArrayList<>())
              .skipChecks(true)
              .waitTimeout(Duration.ofSeconds(30))
              .build();

      assertThatThrownBy(() -> installer.apply(server.liveCluster(), crds, controlPlane))
          .isInstanceOf(InstallException.class)
          .hasMessageStartingWith("timed out after 30s waiting for Deployment linkerd/")
          .hasMessageContaining("Deployment linkerd/linkerd-identity to be ready (no status yet)");
      assertThat(Duration.between(START, clock.instant()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }
  }

  private static Map<ObjectRef, Object> resourceVersions(LiveCluster cluster, List<Manifest> all) {
    Map<ObjectRef, Object> versions = new LinkedHashMap<>();
    for (Manifest m : all) {
      versions.put(
          ObjectRef.of(m), metadata(cluster.getObject(m).orElseThrow()).get("resourceVersion"));
    }
    return versions;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> object) {
    return (Map<String, Object>) object.get("metadata");
  }

  private static Manifest secret(RenderedInstall install, String name) {
    return install.ofKind("Secret").stream()
        .filter(m -> m.name().filter(name::equals).isPresent())
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Manifest m) {
    return (Map<String, Object>) m.object().orElseThrow().get("data");
  }
}
