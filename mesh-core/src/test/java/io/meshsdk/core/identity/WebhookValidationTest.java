package io.meshsdk.core.identity;

import static io.meshsdk.core.identity.Generated.NOW;
import static io.meshsdk.core.identity.Generated.issue;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.internal.go.GoTime;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhook and tap certificate checks (linkerd-checks.md §2.4). */
class WebhookValidationTest {
  private static final WebhookTarget INJECTOR = WebhookTarget.proxyInjector("linkerd");
  private static IssuedCertificate ca;

  @BeforeAll
  static void generate() {
    ca =
        issue(
            CertificateSpec.builder("webhook.linkerd.cluster.local")
                .ca(-1)
                .validity(Duration.ofDays(3650)),
            null);
  }

  private static IssuedCertificate leaf(String dnsName, Duration validity) {
    return issue(CertificateSpec.builder(dnsName).leaf().dnsNames(dnsName).validity(validity), ca);
  }

  private static List<CheckResult> check(WebhookTarget t, String bundle, IssuedCertificate leaf) {
    return Generated.validator()
        .validateWebhook(t, bundle, leaf.certificatePem(), leaf.privateKeyPem());
  }

  @Test
  void should_name_the_checks_as_linkerd_does() {
    WebhookTarget tap = WebhookTarget.tap("linkerd-viz");
    WebhookTarget sp = WebhookTarget.spValidator("linkerd");

    assertThat(INJECTOR.validDescription()).isEqualTo("proxy-injector webhook has valid cert");
    assertThat(INJECTOR.validHintAnchor()).isEqualTo("l5d-proxy-injector-webhook-cert-valid");
    assertThat(INJECTOR.expiryDescription(IdentityCheck.DEFAULT_HORIZON))
        .isEqualTo("proxy-injector cert is valid for at least 60 days");
    assertThat(INJECTOR.expiryHintAnchor())
        .isEqualTo("l5d-proxy-injector-webhook-cert-not-expiring-soon");
    assertThat(sp.dnsName()).isEqualTo("linkerd-sp-validator.linkerd.svc");
    assertThat(WebhookTarget.policyValidator("l5d").dnsName())
        .isEqualTo("linkerd-policy-validator.l5d.svc");
    assertThat(tap.validDescription()).isEqualTo("tap API server has valid cert");
    assertThat(tap.expiryDescription(Duration.ofDays(60)))
        .isEqualTo("tap API server cert is valid for at least 60 days");
    assertThat(tap.category()).isEqualTo("linkerd-viz");
    assertThat(tap.dnsName()).isEqualTo("tap.linkerd-viz.svc");
  }

  @Test
  void should_pass_a_valid_webhook_certificate() {
    List<CheckResult> results =
        check(
            INJECTOR,
            ca.certificatePem(),
            leaf("linkerd-proxy-injector.linkerd.svc", Duration.ofDays(365)));

    assertThat(results)
        .extracting(CheckResult::outcome)
        .containsExactly(Outcome.SUCCESS, Outcome.SUCCESS);
    assertThat(results)
        .extracting(CheckResult::category)
        .containsOnly("linkerd-webhooks-and-apisvc-tls");
  }

  @Test
  void should_fail_a_certificate_for_another_name() {
    List<CheckResult> results =
        check(
            INJECTOR,
            ca.certificatePem(),
            leaf("linkerd-sp-validator.linkerd.svc", Duration.ofDays(365)));

    assertThat(results).hasSize(1);
    assertThat(results.get(0).stopsRun()).isTrue();
    assertThat(results.get(0).message())
        .contains(
            "cert is not issued by the trust anchor: x509:"
                + " certificate is valid for linkerd-sp-validator.linkerd.svc, not"
                + " linkerd-proxy-injector.linkerd.svc");
  }

  @Test
  void should_fail_a_certificate_without_names_or_from_another_ca() {
    IssuedCertificate noSan = issue(CertificateSpec.builder("x").leaf(), ca);
    IssuedCertificate otherCa = issue(CertificateSpec.builder("other").ca(-1), null);
    IssuedCertificate foreign =
        issue(
            CertificateSpec.builder("f").leaf().dnsNames("linkerd-proxy-injector.linkerd.svc"),
            otherCa);

    assertThat(check(INJECTOR, ca.certificatePem(), noSan).get(0).message())
        .contains(
            "cert is not issued by the trust anchor: x509: certificate is not valid for"
                + " any names, but wanted to match linkerd-proxy-injector.linkerd.svc");
    assertThat(check(INJECTOR, ca.certificatePem(), foreign).get(0).message())
        .contains(
            "cert is not issued by the trust anchor: x509: certificate signed by unknown"
                + " authority");
  }

  @Test
  void should_warn_about_a_certificate_expiring_inside_the_horizon() {
    IssuedCertificate soon = leaf("linkerd-proxy-injector.linkerd.svc", Duration.ofDays(20));

    List<CheckResult> results = check(INJECTOR, ca.certificatePem(), soon);

    assertThat(results.get(1).outcome()).isEqualTo(Outcome.WARNING);
    assertThat(results.get(1).message())
        .contains(
            "certificate will expire on "
                + GoTime.rfc3339(soon.certificate().getNotAfter().toInstant()));
  }

  @Test
  void should_warn_about_an_expiring_chain_certificate_from_the_secret() {
    IssuedCertificate intermediate =
        issue(
            CertificateSpec.builder("short-intermediate")
                .ca(0)
                .validFrom(NOW.minus(Duration.ofDays(1)), Instant.parse("2026-01-20T00:00:00Z")),
            ca);
    IssuedCertificate leaf =
        issue(
            CertificateSpec.builder("w")
                .leaf()
                .dnsNames("tap.viz.svc")
                .validFrom(NOW.minus(Duration.ofDays(1)), Instant.parse("2026-01-19T00:00:00Z")),
            intermediate);

    List<CheckResult> results =
        Generated.validator()
            .validateWebhook(
                WebhookTarget.tap("viz"),
                ca.certificatePem(),
                leaf.certificatePem() + intermediate.certificatePem(),
                null);

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(results.get(1).message())
        .contains(
            "Anchors expiring soon:\n\t* "
                + intermediate.certificate().getSerialNumber()
                + " short-intermediate will expire on 2026-01-20T00:00:00Z");
  }

  @Test
  void should_fail_expired_ca_bundles_and_leaves() {
    IssuedCertificate oldCa =
        issue(
            CertificateSpec.builder("old-ca")
                .ca(-1)
                .validFrom(
                    Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")),
            null);
    IssuedCertificate expiredLeaf =
        issue(
            CertificateSpec.builder("e")
                .leaf()
                .dnsNames("linkerd-proxy-injector.linkerd.svc")
                .validFrom(
                    Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")),
            ca);

    assertThat(
            check(
                    INJECTOR,
                    oldCa.certificatePem() + ca.certificatePem(),
                    leaf("linkerd-proxy-injector.linkerd.svc", Duration.ofDays(300)))
                .get(0)
                .message())
        .contains(
            "anchors not within their validity period:\n\t* "
                + oldCa.certificate().getSerialNumber()
                + " old-ca not valid anymore. Expired on 2025-01-01T00:00:00Z");
    assertThat(check(INJECTOR, ca.certificatePem(), expiredLeaf).get(0).message())
        .contains("certificate is not valid anymore. Expired on 2025-01-01T00:00:00Z");
  }

  @Test
  void should_fail_unreadable_secrets() {
    IssuedCertificate leaf = leaf("linkerd-proxy-injector.linkerd.svc", Duration.ofDays(300));

    assertThat(
            Generated.validator()
                .validateWebhook(INJECTOR, ca.certificatePem(), "", leaf.privateKeyPem())
                .get(0)
                .message())
        .contains("No certificates found");
    assertThat(
            Generated.validator()
                .validateWebhook(
                    INJECTOR, ca.certificatePem(), leaf.certificatePem(), ca.privateKeyPem())
                .get(0)
                .message())
        .contains("tls: Public and private key do not match");
  }
}
