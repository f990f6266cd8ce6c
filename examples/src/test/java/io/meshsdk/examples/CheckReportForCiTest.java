package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.IssuedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CheckReportForCi} on an anchor and a one-year issuer made on 2026-01-01, judged on
 * different days.
 */
class CheckReportForCiTest {
  private static final Instant MADE = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir static Path dir;

  @BeforeAll
  static void certificates() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create(Clock.fixed(MADE, ZoneOffset.UTC));
    IssuedCertificate anchor = ca.createTrustAnchor(); // 10 years
    IssuedCertificate issuer = ca.createIssuer(anchor); // 1 year: expires 2027-01-01
    Files.writeString(dir.resolve("ca.crt"), anchor.certificatePem());
    Files.writeString(dir.resolve("issuer.crt"), issuer.certificatePem());
    Files.writeString(dir.resolve("issuer.key"), issuer.privateKeyPem());
  }

  private record Run(int code, String out, String err, String xml) {}

  private static Run runOn(Instant now, String reportName) throws Exception {
    Path xml = dir.resolve(reportName);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CheckReportForCi.run(
            new String[] {
              dir.resolve("ca.crt").toString(),
              dir.resolve("issuer.crt").toString(),
              dir.resolve("issuer.key").toString(),
              xml.toString()
            },
            Clock.fixed(now, ZoneOffset.UTC),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        Files.exists(xml) ? Files.readString(xml) : "");
  }

  @Test
  void should_pass_and_write_eight_passing_testcases_for_fresh_certificates() throws Exception {
    Run r = runOn(MADE.plus(Duration.ofDays(1)), "fresh.xml");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEqualTo("certificates valid for at least 30 days\n");
    assertThat(r.xml())
        .startsWith("<?xml")
        .contains("<testsuites name=\"linkerd-identity\"")
        .contains("issuer cert is valid for at least 30 days")
        .doesNotContain("<failure")
        .doesNotContain("PRIVATE KEY");
    assertThat(r.xml().split("<testcase ", -1)).hasSize(1 + 8);
  }

  @ParameterizedTest(name = "{0} days after issue: {1}")
  @CsvSource({
    // 340 days: the issuer has 25 days left, inside the 30-day horizon: a warning that fails CI
    "340, WARNING: issuer cert is valid for at least 30 days, issuer certificate will expire on",
    // 366 days: the issuer has expired: Linkerd's fatal error, a <failure> in the report
    "366, ERROR: issuer cert is within its validity period, <failure",
  })
  void should_fail_the_build_when_the_issuer_expires_within_30_days(
      int days, String summary, String inXml) throws Exception {
    Run r = runOn(MADE.plus(Duration.ofDays(days)), "day-" + days + ".xml");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains(summary)
        .endsWith("FAILED: see " + dir.resolve("day-" + days + ".xml") + "\n");
    assertThat(r.xml()).contains(inXml).doesNotContain("PRIVATE KEY");
  }

  @Test
  void should_fail_naming_the_file_when_a_certificate_is_missing() throws Exception {
    Path xml = dir.resolve("missing.xml");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        CheckReportForCi.run(
            new String[] {
              dir.resolve("no-ca.crt").toString(),
              dir.resolve("issuer.crt").toString(),
              dir.resolve("issuer.key").toString(),
              xml.toString()
            },
            Clock.fixed(MADE, ZoneOffset.UTC),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("ERROR: certificate config is valid: ")
        .contains("no-ca.crt");
    assertThat(Files.readString(xml)).contains("<failure").contains("no-ca.crt");
  }

  @Test
  void should_refuse_a_wrong_number_of_arguments_as_usage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CheckReportForCi.run(
            new String[] {"ca.crt"},
            Clock.systemUTC(),
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: CheckReportForCi ");
  }
}
