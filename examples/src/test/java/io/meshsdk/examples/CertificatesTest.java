package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.identity.IdentitySource;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.identity.Pem;
import io.meshsdk.core.report.CategoryReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Certificates}: generate on 2026-01-01, rotate the issuer 300 days later. Certificates
 * start a minute before the clock (CertificateAuthority.BACKDATE), so a one-year issuer made at
 * midnight ends at 23:59 the day before.
 */
class CertificatesTest {
  private static final Instant DAY_0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant DAY_300 = DAY_0.plus(Duration.ofDays(300));
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(Instant now, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Certificates.run(
            args,
            Clock.fixed(now, ZoneOffset.UTC),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private CategoryReport validateAt(Instant now) {
    return IdentityValidator.builder(Clock.fixed(now, ZoneOffset.UTC))
        .build()
        .validate(
            IdentitySource.ofFiles(
                dir.resolve("ca.crt"), dir.resolve("issuer.crt"), dir.resolve("issuer.key")));
  }

  private static String trustRoot(String out) {
    return out.lines()
        .filter(l -> l.startsWith("linkerd.io/trust-root-sha256: "))
        .findFirst()
        .orElseThrow();
  }

  private X509Certificate issuer() {
    return Pem.readCertificates(dir.resolve("issuer.crt")).get(0);
  }

  @Test
  void should_generate_an_anchor_and_an_issuer_that_pass_linkerds_identity_checks()
      throws Exception {
    Run r = run(DAY_0, "generate", dir.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(validateAt(DAY_0).success()).isTrue();
    assertThat(r.out())
        .startsWith("linkerd-identity\n----------------\n√ certificate config is valid\n")
        .contains("√ issuer cert is issued by the trust anchor\n")
        .contains("issuer valid until 2026-12-31T23:59:00Z\n")
        .containsPattern("linkerd.io/trust-root-sha256: [0-9a-f]{64}\n$")
        .doesNotContain("PRIVATE KEY");
    assertThat(issuer().getSubjectX500Principal().getName())
        .isEqualTo("CN=identity.linkerd.cluster.local");
    assertThat(Files.getPosixFilePermissions(dir.resolve("issuer.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void should_rotate_the_issuer_under_the_same_trust_anchor() throws Exception {
    Run generated = run(DAY_0, "generate", dir.toString());
    String anchor = Files.readString(dir.resolve("ca.crt"));
    X509Certificate old = issuer();
    assertThat(validateAt(DAY_300).hasWarnings()).as("the old issuer has 65 days left").isFalse();
    assertThat(validateAt(DAY_0.plus(Duration.ofDays(310))).hasWarnings())
        .as("55 days left: inside Linkerd's 60-day horizon")
        .isTrue();

    Run r = run(DAY_300, "rotate-issuer", dir.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(Files.readString(dir.resolve("ca.crt"))).as("the anchor is kept").isEqualTo(anchor);
    assertThat(issuer().getSerialNumber()).isNotEqualTo(old.getSerialNumber());
    assertThat(issuer().getIssuerX500Principal()).isEqualTo(old.getIssuerX500Principal());
    assertThat(validateAt(DAY_0.plus(Duration.ofDays(310))).hasWarnings()).isFalse();
    assertThat(r.out())
        .contains("√ issuer cert is issued by the trust anchor\n")
        .contains("issuer valid until 2027-10-27T23:59:00Z\n");
    assertThat(trustRoot(r.out()))
        .as("the same trust root: no proxy needs a restart")
        .isEqualTo(trustRoot(generated.out()));
  }

  @Test
  void should_refuse_to_overwrite_an_existing_trust_anchor() throws Exception {
    Files.writeString(dir.resolve("ca.crt"), "mine\n");

    Run r = run(DAY_0, "generate", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("ca.crt");
    assertThat(Files.readString(dir.resolve("ca.crt"))).isEqualTo("mine\n");
  }

  @Test
  void should_name_the_file_when_the_anchor_to_rotate_under_is_missing() {
    Run r = run(DAY_0, "rotate-issuer", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains(dir.resolve("ca.crt").toString());
  }
}
