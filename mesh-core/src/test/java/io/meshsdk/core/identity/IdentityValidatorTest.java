package io.meshsdk.core.identity;

import static io.meshsdk.core.identity.Generated.CLOCK;
import static io.meshsdk.core.identity.Generated.NOW;
import static io.meshsdk.core.identity.Generated.ROOT;
import static io.meshsdk.core.identity.Generated.anchor;
import static io.meshsdk.core.identity.Generated.issue;
import static io.meshsdk.core.identity.Generated.issuer;
import static io.meshsdk.core.identity.Generated.issuerSpec;
import static io.meshsdk.core.identity.Generated.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.report.ReportFormat;
import io.meshsdk.core.report.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every linkerd-identity rule on certificates generated with a fixed clock. */
class IdentityValidatorTest {
  private static final String ALL_PASS = "√√√√√√√√";

  private static String symbols(CategoryReport r) {
    return r.results().stream()
        .map(c -> c.outcome() == Outcome.SUCCESS ? "√" : c.outcome() == Outcome.WARNING ? "‼" : "×")
        .collect(Collectors.joining());
  }

  private static String last(CategoryReport r) {
    return r.results().get(r.results().size() - 1).message().orElse("");
  }

  private static String serial(IssuedCertificate c) {
    return c.certificate().getSerialNumber().toString();
  }

  @Test
  void should_describe_the_eight_checks_as_linkerd_does() {
    assertThat(
            Stream.of(IdentityCheck.values())
                .map(c -> c.description() + " | " + c.hintAnchor() + " | " + c.severity()))
        .containsExactly(
            "certificate config is valid | l5d-identity-cert-config-valid | FATAL",
            "trust anchors are using supported crypto algorithm"
                + " | l5d-identity-trustAnchors-use-supported-crypto | FATAL",
            "trust anchors are within their validity period"
                + " | l5d-identity-trustAnchors-are-time-valid | FATAL",
            "trust anchors are valid for at least 60 days"
                + " | l5d-identity-trustAnchors-not-expiring-soon | WARNING",
            "issuer cert is using supported crypto algorithm"
                + " | l5d-identity-issuer-cert-uses-supported-crypto | FATAL",
            "issuer cert is within its validity period"
                + " | l5d-identity-issuer-cert-is-time-valid | FATAL",
            "issuer cert is valid for at least 60 days"
                + " | l5d-identity-issuer-cert-not-expiring-soon | WARNING",
            "issuer cert is issued by the trust anchor"
                + " | l5d-identity-issuer-cert-issued-by-trust-anchor | ERROR");
  }

  @Test
  void should_pass_the_default_generated_anchor_and_issuer() {
    IssuedCertificate anchor = Generated.CA.createTrustAnchor();
    CategoryReport report = validate(anchor, issuer(anchor));

    assertThat(symbols(report)).isEqualTo(ALL_PASS);
    assertThat(report.results())
        .allSatisfy(
            r ->
                assertThat(r.hintUrl())
                    .isEqualTo("https://linkerd.io/2/checks/#" + r.hintAnchor()));
  }

  static Stream<Arguments> anchorAlgorithms() {
    return Stream.of(
        Arguments.of(KeyAlgorithm.EC_P256, null),
        Arguments.of(
            KeyAlgorithm.EC_P384, "must use P-256 curve for public key, instead P-384 was used"),
        Arguments.of(
            KeyAlgorithm.EC_P521, "must use P-256 curve for public key, instead P-521 was used"),
        Arguments.of(KeyAlgorithm.RSA_2048, null),
        Arguments.of(
            KeyAlgorithm.RSA_3072,
            "RSA must use a 2048 or 4096 bit public key, instead"
                + " 3072 bit public key was used"),
        Arguments.of(KeyAlgorithm.RSA_4096, null),
        Arguments.of(
            KeyAlgorithm.ED25519,
            "trust anchor must use ECDSA or RSA for public key"
                + " algorithm, instead Ed25519 was used"));
  }

  @ParameterizedTest(name = "{0} anchor")
  @MethodSource("anchorAlgorithms")
  void should_accept_only_p256_and_rsa_2048_4096_anchors(KeyAlgorithm alg, String problem) {
    IssuedCertificate anchor = anchor(alg);
    CategoryReport report = validate(anchor, issuer(anchor));

    if (problem == null) {
      assertThat(symbols(report)).isEqualTo(ALL_PASS);
    } else {
      assertThat(symbols(report)).isEqualTo("√×");
      assertThat(last(report))
          .isEqualTo("Invalid trustAnchors:\n\t* " + serial(anchor) + " " + ROOT + " " + problem);
      assertThat(report.results().get(1).stopsRun()).isTrue();
    }
  }

  @Test
  void should_name_the_signature_algorithm_of_a_badly_signed_anchor() {
    IssuedCertificate ec =
        issue(CertificateSpec.builder(ROOT).ca(1).signatureAlgorithm("SHA384withECDSA"), null);
    IssuedCertificate rsa =
        issue(
            CertificateSpec.builder(ROOT)
                .ca(1)
                .keyAlgorithm(KeyAlgorithm.RSA_2048)
                .signatureAlgorithm("SHA512withRSA"),
            null);
    CategoryReport report = validate(List.of(ec, rsa), List.of(issuer(ec)), null);

    assertThat(last(report))
        .isEqualTo(
            "Invalid trustAnchors:\n"
                + "\t* "
                + serial(ec)
                + " "
                + ROOT
                + " must be signed by an ECDSA P-256 key, instead"
                + " ECDSA-SHA384 was used\n"
                + "\t* "
                + serial(rsa)
                + " "
                + ROOT
                + " must be signed by an RSA 2048/4096 bit key,"
                + " instead SHA512-RSA was used");
  }

  static Stream<Arguments> issuerAlgorithms() {
    return Stream.of(
        Arguments.of(
            KeyAlgorithm.EC_P384,
            "issuer certificate must use P-256 curve for public" + " key, instead P-384 was used"),
        Arguments.of(
            KeyAlgorithm.EC_P521,
            "issuer certificate must use P-256 curve for public" + " key, instead P-521 was used"),
        Arguments.of(
            KeyAlgorithm.RSA_2048,
            "issuer certificate must use ECDSA for public key"
                + " algorithm, instead RSA was used"),
        Arguments.of(
            KeyAlgorithm.ED25519,
            "issuer certificate must use ECDSA for public key"
                + " algorithm, instead Ed25519 was used"));
  }

  @ParameterizedTest(name = "{0} issuer")
  @MethodSource("issuerAlgorithms")
  void should_require_a_p256_issuer(KeyAlgorithm alg, String message) {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate issuer = issue(issuerSpec().keyAlgorithm(alg), anchor);
    IdentityMaterial material =
        IdentityMaterial.builder()
            .trustAnchors(List.of(anchor.certificate()))
            .issuerCertificate(issuer.certificate())
            .issuerKey(issuer.privateKey())
            .build();

    CategoryReport report = Generated.validator().validate(IdentitySource.of(material));

    assertThat(symbols(report)).isEqualTo("√√√√×");
    assertThat(last(report)).isEqualTo(message);
  }

  @Test
  void should_accept_an_issuer_signed_with_sha256_rsa_and_reject_other_signatures() {
    IssuedCertificate rsaSigned = issuer(anchor(KeyAlgorithm.RSA_4096));
    IssuedCertificate sha384 =
        issue(issuerSpec().signatureAlgorithm("SHA384withECDSA"), anchor(KeyAlgorithm.EC_P256));

    assertThat(symbols(validate(anchor(KeyAlgorithm.RSA_4096), rsaSigned))).isEqualTo(ALL_PASS);
    CategoryReport report =
        validate(
            List.of(anchor(KeyAlgorithm.EC_P256)),
            List.of(sha384),
            EnumSet.of(IdentityCheck.ISSUER_ALGORITHM));
    assertThat(last(report))
        .isEqualTo(
            "issuer certificate must be signed by an ECDSA P-256 key,"
                + " instead ECDSA-SHA384 was used");
  }

  @Test
  void should_fail_expired_and_not_yet_valid_anchors_with_rfc3339_dates() {
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    IssuedCertificate expired =
        issue(
            CertificateSpec.builder(ROOT)
                .ca(1)
                .validFrom(start, Instant.parse("2025-12-31T23:59:59Z")),
            null);
    IssuedCertificate future =
        issue(
            CertificateSpec.builder(ROOT)
                .ca(1)
                .validFrom(
                    Instant.parse("2026-01-01T00:00:01Z"), Instant.parse("2030-01-01T00:00:00Z")),
            null);
    IssuedCertificate good = anchor(KeyAlgorithm.EC_P256);

    CategoryReport report = validate(List.of(good, expired, future), List.of(issuer(good)), null);

    assertThat(symbols(report)).isEqualTo("√√×");
    assertThat(last(report))
        .isEqualTo(
            "Invalid anchors:\n"
                + "\t* "
                + serial(expired)
                + " "
                + ROOT
                + " not valid anymore. Expired on 2025-12-31T23:59:59Z\n"
                + "\t* "
                + serial(future)
                + " "
                + ROOT
                + " not valid before: 2026-01-01T00:00:01Z");
  }

  @Test
  void should_fail_an_expired_or_not_yet_valid_issuer() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate expired =
        issue(
            issuerSpec()
                .validFrom(
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z")),
            anchor);
    IssuedCertificate future =
        issue(
            issuerSpec()
                .validFrom(
                    Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")),
            anchor);

    CategoryReport r1 = validate(anchor, expired);
    CategoryReport r2 = validate(anchor, future);

    assertThat(symbols(r1)).isEqualTo("√√√√√×");
    assertThat(last(r1))
        .isEqualTo("issuer certificate is not valid anymore. Expired on 2025-12-31T00:00:00Z");
    assertThat(last(r2)).isEqualTo("issuer certificate is not valid before: 2026-02-01T00:00:00Z");
  }

  @Test
  void should_warn_when_anchor_and_issuer_expire_inside_the_horizon() {
    IssuedCertificate anchor =
        issue(
            CertificateSpec.builder(ROOT)
                .ca(1)
                .validFrom(NOW.minus(Duration.ofDays(10)), Instant.parse("2026-02-15T00:00:00Z")),
            null);
    IssuedCertificate issuer =
        issue(
            issuerSpec()
                .validFrom(NOW.minus(Duration.ofDays(1)), Instant.parse("2026-02-01T00:00:00Z")),
            anchor);

    CategoryReport report = validate(anchor, issuer);

    assertThat(symbols(report)).isEqualTo("√√√‼√√‼√");
    assertThat(report.success()).isTrue();
    assertThat(report.hasWarnings()).isTrue();
    assertThat(report.results().get(3).message())
        .contains(
            "Anchors expiring soon:\n\t* "
                + serial(anchor)
                + " "
                + ROOT
                + " will expire on 2026-02-15T00:00:00Z");
    assertThat(report.results().get(6).message())
        .contains("issuer certificate will expire on 2026-02-01T00:00:00Z");
    assertThat(report.results().get(6).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void should_name_a_custom_horizon_in_the_descriptions() {
    IssuedCertificate anchor =
        issue(
            CertificateSpec.builder(ROOT)
                .ca(1)
                .validFrom(NOW.minus(Duration.ofDays(10)), Instant.parse("2026-02-15T00:00:00Z")),
            null);
    IssuedCertificate issuer =
        issue(
            issuerSpec()
                .validFrom(NOW.minus(Duration.ofDays(1)), Instant.parse("2026-02-01T00:00:00Z")),
            anchor);
    IdentitySource source =
        IdentitySource.ofPem(
            anchor.certificatePem(), issuer.certificatePem(), issuer.privateKeyPem());

    CategoryReport tenDays =
        IdentityValidator.builder(CLOCK).horizon(Duration.ofDays(10)).build().validate(source);
    CategoryReport hours =
        IdentityValidator.builder(CLOCK).horizon(Duration.ofHours(36)).build().validate(source);

    assertThat(symbols(tenDays)).isEqualTo(ALL_PASS);
    assertThat(tenDays.results().get(3).description())
        .isEqualTo("trust anchors are valid for at least 10 days");
    assertThat(hours.results().get(6).description())
        .isEqualTo("issuer cert is valid for at least 36 hours");
    assertThatThrownBy(() -> IdentityValidator.builder(CLOCK).horizon(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_report_a_wrong_signer_with_the_same_name_as_go_does() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate impostor = issue(CertificateSpec.builder(ROOT).ca(1), null);
    IssuedCertificate issuer = issuer(impostor);

    CategoryReport report = validate(anchor, issuer);

    assertThat(symbols(report)).isEqualTo("√√√√√√√×");
    assertThat(report.success()).isFalse();
    assertThat(report.results().get(7).stopsRun()).isFalse();
    assertThat(last(report))
        .isEqualTo(
            "x509: certificate signed by unknown authority (possibly"
                + " because of \"x509: ECDSA verification failure\" while trying to verify candidate"
                + " authority certificate \""
                + ROOT
                + "\")");
  }

  @Test
  void should_report_an_unknown_authority_without_hint_when_no_name_matches() {
    IssuedCertificate other = issue(CertificateSpec.builder("other-root").ca(1), null);
    CategoryReport report = validate(anchor(KeyAlgorithm.EC_P256), issuer(other));

    assertThat(last(report)).isEqualTo("x509: certificate signed by unknown authority");
  }

  @Test
  void should_fail_the_chain_check_vacuously_without_anchors() {
    IssuedCertificate issuer = issuer(anchor(KeyAlgorithm.EC_P256));
    CategoryReport report =
        Generated.validator()
            .validate(IdentitySource.ofPem("", issuer.certificatePem(), issuer.privateKeyPem()));

    assertThat(symbols(report)).isEqualTo("√√√√√√√×");
    assertThat(last(report)).isEqualTo("x509: certificate signed by unknown authority");
  }

  @Test
  void should_chain_through_a_bundled_intermediate() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate intermediate = issue(CertificateSpec.builder("intermediate").ca(0), anchor);
    IssuedCertificate issuer =
        issue(issuerSpec().validity(Duration.ofDays(30)).ca(-1), intermediate);

    CategoryReport withChain = validate(List.of(anchor), List.of(issuer, intermediate), null);
    CategoryReport withoutChain = validate(List.of(anchor), List.of(issuer), null);

    assertThat(symbols(withChain)).isEqualTo("√√√√√√‼√");
    assertThat(last(withoutChain)).isEqualTo("x509: certificate signed by unknown authority");
  }

  @Test
  void should_enforce_the_path_length_of_the_anchor() {
    IssuedCertificate anchor = issue(CertificateSpec.builder("strict-root").ca(0), null);
    IssuedCertificate intermediate = issue(CertificateSpec.builder("intermediate").ca(-1), anchor);
    IssuedCertificate issuer = issue(issuerSpec().validity(Duration.ofDays(100)), intermediate);

    CategoryReport report = validate(List.of(anchor), List.of(issuer, intermediate), null);

    assertThat(last(report))
        .isEqualTo(
            "x509: certificate signed by unknown authority (possibly"
                + " because of \"x509: too many intermediates for path length constraint\" while trying"
                + " to verify candidate authority certificate \"strict-root\")");
  }

  @Test
  void should_refuse_a_non_ca_intermediate() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate notCa = issue(CertificateSpec.builder("not-a-ca").leaf(), anchor);
    IssuedCertificate issuer = issue(issuerSpec().validity(Duration.ofDays(100)), notCa);

    CategoryReport report = validate(List.of(anchor), List.of(issuer, notCa), null);

    assertThat(last(report))
        .isEqualTo(
            "x509: certificate signed by unknown authority (possibly"
                + " because of \"x509: invalid signature: parent certificate cannot sign this kind of"
                + " certificate\" while trying to verify candidate authority certificate \"not-a-ca\")");
  }

  @Test
  void should_require_every_chain_certificate_to_be_within_its_validity_period() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate intermediate =
        issue(
            CertificateSpec.builder("old-intermediate")
                .ca(0)
                .validFrom(
                    Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-06-01T00:00:00Z")),
            anchor);
    IssuedCertificate issuer =
        issue(
            issuerSpec()
                .ca(-1)
                .validFrom(
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")),
            intermediate);

    CategoryReport report = validate(List.of(anchor), List.of(issuer, intermediate), null);

    assertThat(last(report))
        .isEqualTo(
            "x509: certificate signed by unknown authority (possibly"
                + " because of \"x509: certificate has expired or is not yet valid: current time"
                + " 2026-01-01T00:00:00Z is after 2025-06-01T00:00:00Z\" while trying to verify candidate"
                + " authority certificate \"old-intermediate\")");
  }

  @Test
  void should_append_go_time_details_when_the_verified_certificate_itself_expired() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate expired =
        issue(
            issuerSpec()
                .validFrom(
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z")),
            anchor);

    CategoryReport report =
        validate(
            List.of(anchor), List.of(expired), EnumSet.of(IdentityCheck.ISSUER_ISSUED_BY_ANCHOR));

    assertThat(last(report))
        .isEqualTo(
            "x509: certificate has expired or is not yet valid:"
                + " current time 2026-01-01T00:00:00Z is after 2025-12-31T00:00:00Z - Current Time :"
                + " 2026-01-01 00:00:00 +0000 UTC - Invalid before 2025-01-01 00:00:00 +0000 UTC -"
                + " Invalid After 2025-12-31 00:00:00 +0000 UTC");
  }

  @Test
  void should_require_server_auth_when_extended_key_usages_are_present() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate clientOnly =
        issue(issuerSpec().extendedKeyUsages(CertificateSpec.CLIENT_AUTH), anchor);
    IssuedCertificate server =
        issue(
            issuerSpec()
                .extendedKeyUsages(CertificateSpec.SERVER_AUTH, CertificateSpec.CLIENT_AUTH),
            anchor);
    IssuedCertificate any = issue(issuerSpec().extendedKeyUsages("2.5.29.37.0"), anchor);

    assertThat(last(validate(anchor, clientOnly)))
        .isEqualTo("x509: certificate specifies an incompatible key usage");
    assertThat(symbols(validate(anchor, server))).isEqualTo(ALL_PASS);
    assertThat(symbols(validate(anchor, any))).isEqualTo(ALL_PASS);
  }

  @Test
  void should_accept_an_issuer_signed_by_either_anchor_of_a_bundle() {
    IssuedCertificate old = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate fresh = issue(CertificateSpec.builder("new-root").ca(1), null);

    assertThat(symbols(validate(List.of(old, fresh), List.of(issuer(fresh)), null)))
        .isEqualTo(ALL_PASS);
    assertThat(symbols(validate(List.of(old, fresh), List.of(issuer(old)), null)))
        .isEqualTo(ALL_PASS);
  }

  @Test
  void should_pass_an_issuer_that_is_itself_an_anchor() {
    IssuedCertificate root =
        issue(CertificateSpec.builder("identity.linkerd.cluster.local").ca(0), null);

    assertThat(symbols(validate(root, root))).isEqualTo(ALL_PASS);
  }

  @ParameterizedTest(name = "{0} key")
  @EnumSource(KeyFormat.class)
  void should_read_sec1_and_pkcs8_keys(KeyFormat format) {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate issuer = issuer(anchor);
    String keyPem = issuer.privateKeyPem(format);

    CategoryReport report =
        Generated.validator()
            .validate(
                IdentitySource.ofPem(anchor.certificatePem(), issuer.certificatePem(), keyPem));

    assertThat(keyPem)
        .startsWith(
            format == KeyFormat.PKCS8
                ? "-----BEGIN PRIVATE KEY-----"
                : "-----BEGIN EC PRIVATE KEY-----");
    assertThat(symbols(report)).isEqualTo(ALL_PASS);
  }

  @Test
  void should_read_a_pkcs1_rsa_key() {
    IssuedCertificate rsa =
        issue(issuerSpec().keyAlgorithm(KeyAlgorithm.RSA_2048), anchor(KeyAlgorithm.EC_P256));
    String keyPem = rsa.privateKeyPem();

    CategoryReport report =
        Generated.validator()
            .validate(
                IdentitySource.ofPem(
                    anchor(KeyAlgorithm.EC_P256).certificatePem(), rsa.certificatePem(), keyPem));

    assertThat(keyPem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(symbols(report)).isEqualTo("√√√√×");
  }

  @Test
  void should_fail_the_config_check_when_key_and_certificate_do_not_match() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate issuer = issuer(anchor);
    IssuedCertificate other = issuer(anchor);

    CategoryReport report =
        Generated.validator()
            .validate(
                IdentitySource.ofPem(
                    anchor.certificatePem(), issuer.certificatePem(), other.privateKeyPem()));

    assertThat(symbols(report)).isEqualTo("×");
    assertThat(last(report)).isEqualTo("tls: Public and private key do not match");
    assertThat(report.results().get(0).stopsRun()).isTrue();
  }

  @Test
  void should_not_echo_a_private_key_given_where_certificates_belong() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    IssuedCertificate issuer = issuer(anchor);
    String keyLine = issuer.privateKeyPem().split("\n")[1];

    CategoryReport report =
        Generated.validator()
            .validate(
                IdentitySource.ofPem(
                    issuer.privateKeyPem(),
                    issuer.privateKeyPem() + "garbage",
                    issuer.privateKeyPem()));

    assertThat(report.success()).isFalse();
    String rendered =
        ReportFormat.JSON.render(CheckReport.of(List.of(report)))
            + ReportFormat.TABLE.render(CheckReport.of(List.of(report)))
            + report;
    assertThat(rendered).doesNotContain(keyLine);
  }

  @Test
  void should_run_only_the_selected_checks() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    CategoryReport report =
        validate(
            List.of(anchor),
            List.of(issuer(anchor)),
            EnumSet.of(IdentityCheck.ANCHORS_VALIDITY, IdentityCheck.ISSUER_EXPIRY));

    assertThat(report.results())
        .extracting(CheckResult::description)
        .containsExactly(
            "trust anchors are within their validity period",
            "issuer cert is valid for at least 60 days");
  }

  @Test
  void should_use_the_configured_hint_base() {
    IssuedCertificate anchor = anchor(KeyAlgorithm.EC_P256);
    CategoryReport report =
        IdentityValidator.builder(CLOCK)
            .hintBase(io.meshsdk.core.report.HintUrls.baseForVersion("stable-2.11.2"))
            .build()
            .validate(IdentitySource.ofPem("x", "y", "z"));

    assertThat(report.results().get(0).hintUrl())
        .isEqualTo("https://linkerd.io/2.11/checks/#l5d-identity-cert-config-valid");
    assertThat(last(report)).isEqualTo("not PEM-encoded");
  }
}
