package io.meshsdk.core.identity;

import static io.meshsdk.core.identity.Generated.CA;
import static io.meshsdk.core.identity.Generated.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.report.CategoryReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust anchors, issuers and rotation plans; checked by our validator and by openssl. */
class CertificateAuthorityTest {
  private static IssuedCertificate anchor;
  private static IssuedCertificate issuer;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    anchor = CA.createTrustAnchor();
    issuer = CA.createIssuer(anchor);
  }

  @Test
  void should_create_a_p256_root_ca_valid_for_ten_years() {
    X509Certificate c = anchor.certificate();

    assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=root.linkerd.cluster.local");
    assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
    assertThat(((ECPublicKey) c.getPublicKey()).getParams().getOrder().bitLength()).isEqualTo(256);
    assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(c.getBasicConstraints()).isEqualTo(1);
    assertThat(c.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(c.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(1)));
    assertThat(c.getNotAfter().toInstant())
        .isEqualTo(NOW.minus(Duration.ofMinutes(1)).plus(Duration.ofDays(3650)));
  }

  @Test
  void should_create_a_p256_issuer_with_path_length_zero_valid_for_one_year() throws Exception {
    X509Certificate c = issuer.certificate();

    assertThat(c.getSubjectX500Principal().getName())
        .isEqualTo("CN=identity.linkerd.cluster.local");
    assertThat(c.getIssuerX500Principal())
        .isEqualTo(anchor.certificate().getSubjectX500Principal());
    assertThat(c.getBasicConstraints()).isZero();
    assertThat(c.getSubjectAlternativeNames())
        .containsExactly(List.of(2, "identity.linkerd.cluster.local"));
    assertThat(Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(365));
    assertThat(issuer.privateKeyPem()).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
    c.verify(anchor.certificate().getPublicKey());
  }

  @Test
  void should_name_anchor_and_issuer_for_another_trust_domain() {
    IssuedCertificate a = CA.createTrustAnchor(Duration.ofDays(100), "root.example.org");
    IssuedCertificate i = CA.createIssuer(a, Duration.ofDays(50), "identity.l5d.example.org");

    assertThat(a.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=root.example.org");
    assertThat(i.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=identity.l5d.example.org");
    assertThat(Generated.validate(a, i).success()).isTrue();
  }

  @Test
  void should_pass_our_validator() {
    CategoryReport report = Generated.validate(anchor, issuer);

    assertThat(report.success()).isTrue();
    assertThat(report.hasWarnings()).isFalse();
    assertThat(report.results()).hasSize(8);
  }

  @Test
  void should_refuse_an_issuer_that_outlives_its_anchor() {
    IssuedCertificate shortAnchor = CA.createTrustAnchor(Duration.ofDays(30));

    assertThatThrownBy(() -> CA.createIssuer(shortAnchor))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("would expire on")
        .hasMessageContaining("choose a shorter validity");
  }

  @Test
  void should_compute_the_trust_root_annotation() {
    assertThat(CertificateAuthority.trustRootSha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(CertificateAuthority.trustRootSha256(anchor.certificatePem())).hasSize(64);
  }

  /** A clock that moves one second forward each time it is read. */
  private static final class TickingClock extends Clock {
    private Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }
  }

  @Test
  void should_plan_a_rotation_with_equal_validities_on_a_moving_clock() {
    CertificateAuthority ca = CertificateAuthority.create(new TickingClock());
    Duration year = Duration.ofDays(365);

    RotationPlan plan = ca.planRotation(List.of(anchor.certificate()), null, year, year);

    assertThat(plan.newIssuer().certificate().getNotAfter())
        .isEqualTo(plan.newTrustAnchor().certificate().getNotAfter());
  }

  @Test
  void should_plan_a_rotation_with_a_bundle_of_old_and_new_anchors() {
    IssuedCertificate expired =
        Generated.issue(
            CertificateSpec.builder("expired-root")
                .ca(1)
                .validFrom(
                    Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")),
            null);

    RotationPlan plan =
        CA.planRotation(List.of(anchor.certificate(), expired.certificate()), issuer.certificate());

    assertThat(plan.trustBundle())
        .containsExactly(anchor.certificate(), plan.newTrustAnchor().certificate());
    assertThat(plan.droppedAnchors()).containsExactly(expired.certificate());
    assertThat(Pem.decodeCertificates(plan.trustBundlePem())).isEqualTo(plan.trustBundle());
    assertThat(plan.trustBundleSha256())
        .isEqualTo(CertificateAuthority.trustRootSha256(plan.trustBundlePem()));
    assertThat(plan.expiries())
        .extracting(RotationPlan.Expiry::role)
        .containsExactly(
            "current issuer", "new issuer", "current trust anchor", "new trust anchor");
    assertThat(plan.describe())
        .contains("left out (already expired)")
        .contains("Steps:")
        .doesNotContain(plan.newIssuer().privateKeyPem().split("\n")[1]);

    CategoryReport newIssuerWithBundle =
        Generated.validator()
            .validate(
                IdentitySource.ofPem(
                    plan.trustBundlePem(),
                    plan.newIssuer().certificatePem(),
                    plan.newIssuer().privateKeyPem()));
    CategoryReport oldIssuerWithBundle =
        Generated.validator()
            .validate(
                IdentitySource.ofPem(
                    plan.trustBundlePem(), issuer.certificatePem(), issuer.privateKeyPem()));
    assertThat(newIssuerWithBundle.success()).isTrue();
    assertThat(oldIssuerWithBundle.success()).isTrue();
  }

  @Test
  void should_pass_openssl_verify() throws Exception {
    String openssl = findOnPath("openssl");
    Assumptions.assumeTrue(openssl != null, "openssl is not on PATH; skipping openssl verify");
    Path ca = Files.writeString(dir.resolve("ca.crt"), anchor.certificatePem());
    Path crt = Files.writeString(dir.resolve("issuer.crt"), issuer.certificatePem());
    Path key = Files.writeString(dir.resolve("issuer.key"), issuer.privateKeyPem());
    String at = Long.toString(NOW.plus(Duration.ofDays(1)).getEpochSecond());

    assertThat(
            run(
                openssl,
                "verify",
                "-x509_strict",
                "-attime",
                at,
                "-CAfile",
                ca.toString(),
                crt.toString()))
        .isEqualTo(crt + ": OK");
    assertThat(
            run(
                openssl,
                "verify",
                "-x509_strict",
                "-attime",
                at,
                "-CAfile",
                ca.toString(),
                ca.toString()))
        .isEqualTo(ca + ": OK");
    assertThat(run(openssl, "pkey", "-in", key.toString(), "-pubout"))
        .isEqualTo(
            Pem.encode("PUBLIC KEY", issuer.certificate().getPublicKey().getEncoded()).strip());

    RotationPlan plan = CA.planRotation(List.of(anchor.certificate()), issuer.certificate());
    Path bundle = Files.writeString(dir.resolve("bundle.crt"), plan.trustBundlePem());
    Path newIssuer = Files.writeString(dir.resolve("new.crt"), plan.newIssuer().certificatePem());
    assertThat(
            run(
                openssl,
                "verify",
                "-x509_strict",
                "-attime",
                at,
                "-CAfile",
                bundle.toString(),
                newIssuer.toString()))
        .isEqualTo(newIssuer + ": OK");
  }

  private static String findOnPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
