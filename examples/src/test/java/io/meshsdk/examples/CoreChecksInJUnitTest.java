package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.checks.CheckCategory;
import io.meshsdk.checks.FailurePolicy;
import io.meshsdk.checks.HealthChecker;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.report.ReportFormat;
import io.meshsdk.testing.KubeApiServer;
import io.meshsdk.testing.KubeApiServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How to run Linkerd's core checks ({@code linkerd check}) in your own JUnit 5 test: {@link
 * KubeApiServerExtension} starts a real Kubernetes API server on localhost seeded from YAML, and
 * hands each test a {@link LiveCluster} (also an {@code ApiClient}, a kubeconfig file or the {@link
 * KubeApiServer} itself) to run a {@link HealthChecker} on. Use it to test the tool that installs
 * or upgrades your mesh, or your own checks, without a cluster.
 *
 * <p>Checks read the time from the clock you give them, so certificate expiry is tested on a fixed
 * day; {@code retryDeadline(Duration.ZERO)} reports a failing check at once instead of retrying for
 * the default five minutes, as {@code linkerd check --wait 0s}.
 */
class CoreChecksInJUnitTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension
  static final KubeApiServerExtension KUBE =
      KubeApiServerExtension.builder()
          .seedResource("io/meshsdk/examples/bare-cluster.yaml") // nodes, kube-system, ...
          .seedResource("io/meshsdk/examples/gateway-api-crds.yaml")
          .perMethod() // a fresh server per test: each test seeds its own control plane
          .build();

  @Test
  void should_stop_at_the_missing_control_plane_on_a_bare_cluster(LiveCluster cluster) {
    HealthChecker checker = // Preset.CORE: linkerd check
        HealthChecker.builder().clock(CLOCK).retryDeadline(Duration.ZERO).build();

    CheckReport report = checker.run(cluster);

    String table = ReportFormat.TABLE.render(report); // in assertion messages: Linkerd's table
    assertThat(checker.fails(report)).as(table).isTrue();
    assertThat(report.fatalFailure())
        .as(table)
        .hasValueSatisfying(
            r -> {
              assertThat(r.category()).isEqualTo("linkerd-existence");
              assertThat(r.description()).isEqualTo("'linkerd-config' config map exists");
            });
    assertThat(KUBE.journal().mutations()).as("checks only read").isEmpty();
  }

  @Test
  void should_pass_linkerds_identity_checks_on_the_installed_certificates(
      KubeApiServer server, LiveCluster cluster) {
    server.seed(controlPlaneIdentity(Duration.ofDays(365)));

    CheckReport report = identityChecks(FailurePolicy.errors()).run(cluster);

    assertThat(report.results())
        .as(ReportFormat.TABLE.render(report))
        .hasSize(8)
        .extracting(CheckResult::outcome)
        .containsOnly(Outcome.SUCCESS);
  }

  @Test
  void should_fail_a_ci_run_on_an_issuer_expiring_within_30_days(
      KubeApiServer server, LiveCluster cluster) {
    server.seed(controlPlaneIdentity(Duration.ofDays(20)));
    HealthChecker checker =
        identityChecks(FailurePolicy.certificatesExpiringWithin(Duration.ofDays(30)));

    CheckReport report = checker.run(cluster);

    assertThat(report.success()).as("a warning: Linkerd's own rule would pass").isTrue();
    assertThat(checker.fails(report)).as("the CI policy fails it").isTrue();
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.description()).isEqualTo("issuer cert is valid for at least 30 days");
              assertThat(r.outcome()).isEqualTo(Outcome.WARNING);
              assertThat(r.message())
                  .hasValueSatisfying(
                      m ->
                          assertThat(m)
                              .isEqualTo("issuer certificate will expire on 2026-06-20T23:59:00Z"));
            });
  }

  /** Only the linkerd-identity category (linkerd2#13306), on the test's fixed day. */
  private static HealthChecker identityChecks(FailurePolicy policy) {
    return HealthChecker.builder()
        .categories(CheckCategory.LINKERD_IDENTITY)
        .failurePolicy(policy)
        .clock(CLOCK)
        .retryDeadline(Duration.ZERO)
        .build();
  }

  /**
   * What {@code linkerd install} leaves for the identity checks: the namespace, the trust anchors
   * in {@code linkerd-config}, and the issuer in {@code linkerd-identity-issuer}.
   */
  private static String controlPlaneIdentity(Duration issuerValidity) {
    CertificateAuthority ca = CertificateAuthority.create(CLOCK);
    IssuedCertificate anchor = ca.createTrustAnchor();
    IssuedCertificate issuer = ca.createIssuer(anchor, issuerValidity);
    return """
        apiVersion: v1
        kind: Namespace
        metadata: {name: linkerd}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: linkerd-config, namespace: linkerd}
        data:
          values: |
            identityTrustAnchorsPEM: |
        %s
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: linkerd-identity-issuer, namespace: linkerd}
        data:
          crt.pem: %s
          key.pem: %s
        """
        .formatted(
            anchor.certificatePem().strip().indent(6).stripTrailing(),
            base64(issuer.certificatePem()),
            base64(issuer.privateKeyPem()));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
