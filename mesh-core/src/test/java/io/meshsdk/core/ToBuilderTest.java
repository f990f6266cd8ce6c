package io.meshsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.CertificateSpec;
import io.meshsdk.core.identity.IdentityMaterial;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.identity.KeyAlgorithm;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Severity;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every built type of mesh-core gives back a builder holding what was set ({@code toBuilder()}):
 * building it unchanged gives an equal value, and a change made on it leaves the original as it
 * was.
 */
class ToBuilderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @Test
  void should_rebuild_a_certificate_spec_equal_to_the_original() {
    CertificateSpec spec =
        CertificateSpec.builder("webhook.linkerd.svc")
            .keyAlgorithm(KeyAlgorithm.RSA_2048)
            .signatureAlgorithm("SHA512withRSA")
            .validFrom(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))
            .leaf()
            .extendedKeyUsages(CertificateSpec.SERVER_AUTH)
            .dnsNames("a.linkerd.svc", "b.linkerd.svc")
            .serial(BigInteger.valueOf(42))
            .keyIdentifiers(false)
            .build();

    assertThat(spec.toBuilder().build()).isEqualTo(spec).hasSameHashCodeAs(spec);
    CertificateSpec variant = spec.toBuilder().dnsNames("c.linkerd.svc").ca(1).build();
    assertThat(variant.dnsNames())
        .containsExactly("a.linkerd.svc", "b.linkerd.svc", "c.linkerd.svc");
    assertThat(variant.ca()).isTrue();
    assertThat(variant.pathLength()).isEqualTo(1);
    assertThat(spec.dnsNames()).containsExactly("a.linkerd.svc", "b.linkerd.svc");
    assertThat(spec.ca()).isFalse();
    assertThat(variant).isNotEqualTo(spec);
  }

  @Test
  void should_rebuild_identity_material_equal_to_the_original() {
    CertificateAuthority ca = CertificateAuthority.create(CLOCK);
    IssuedCertificate anchor = ca.createTrustAnchor();
    IssuedCertificate issuer = ca.createIssuer(anchor);
    IdentityMaterial material =
        IdentityMaterial.builder()
            .trustAnchors(List.of(anchor.certificate()))
            .issuerBundle(List.of(issuer.certificate(), anchor.certificate()))
            .issuerKey(issuer.privateKey())
            .build();

    assertThat(material.toBuilder().build()).isEqualTo(material).hasSameHashCodeAs(material);
    IdentityMaterial withoutKey = material.toBuilder().issuerKey(null).build();
    assertThat(withoutKey.issuerKey()).isEmpty();
    assertThat(withoutKey.issuerChain()).containsExactly(anchor.certificate());
    assertThat(material.issuerKey()).contains(issuer.privateKey());
  }

  @Test
  void should_rebuild_an_identity_validator_with_the_same_settings() {
    IdentityValidator validator =
        IdentityValidator.builder(CLOCK)
            .horizon(Duration.ofDays(7))
            .hintBase("https://linkerd.io/2.14/checks/#")
            .build();

    IdentityValidator copy = validator.toBuilder().build();
    assertThat(copy).isEqualTo(validator).hasSameHashCodeAs(validator);
    assertThat(copy.clock()).isEqualTo(CLOCK);
    assertThat(copy.horizon()).isEqualTo(Duration.ofDays(7));
    assertThat(copy.hintBase()).isEqualTo("https://linkerd.io/2.14/checks/#");
    assertThat(validator.toBuilder().horizon(Duration.ofDays(60)).build().horizon())
        .isEqualTo(Duration.ofDays(60));
    assertThat(validator.horizon()).isEqualTo(Duration.ofDays(7));
  }

  private static CheckResult result(String category, String description) {
    return CheckResult.builder(category, description)
        .hintAnchor("l5d-" + description.replace(' ', '-'))
        .severity(Severity.WARNING)
        .failed("not " + description)
        .build();
  }

  @Test
  void should_rebuild_check_results_and_reports_equal_to_the_original() {
    CheckResult one = result("linkerd-identity", "certificate config is valid");
    CheckResult two =
        CheckResult.builder("linkerd-identity", "trust anchors are valid").passed().build();
    CheckResult three = result("linkerd-webhooks", "proxy-injector webhook has valid cert");
    CategoryReport category = CategoryReport.of("linkerd-identity", List.of(one, two));
    CheckReport report = CheckReport.builder().add(category).add(three).build();

    assertThat(one.toBuilder().build()).isEqualTo(one);
    assertThat(category.toBuilder().build()).isEqualTo(category).hasSameHashCodeAs(category);
    assertThat(report.toBuilder().build()).isEqualTo(report).hasSameHashCodeAs(report);

    CategoryReport longer = category.toBuilder().add(one).build();
    assertThat(longer.results()).containsExactly(one, two, one);
    assertThat(category.results()).containsExactly(one, two);
    CheckReport extended = report.toBuilder().add(three).build();
    assertThat(extended.categories()).hasSize(2);
    assertThat(extended.categories().get(1).results()).containsExactly(three, three);
    assertThat(report.results()).containsExactly(one, two, three);
  }

  @Test
  void should_rebuild_a_manifest_reader_that_reads_alike() {
    ManifestReader reader = ManifestReader.builder().allowDuplicateKeys().build();
    String yaml = "kind: Pod\nmetadata:\n  name: a\n  name: b\n";
    assertThat(reader.toBuilder().build().readAll(yaml, "pod.yaml").get(0).name()).contains("b");
    assertThat(reader.readAll(yaml, "pod.yaml").get(0).name()).contains("b");
  }
}
