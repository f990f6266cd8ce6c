package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.CertificateSpec;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.identity.KeyFormat;
import io.meshsdk.core.identity.Pem;
import io.meshsdk.core.testing.Conformance;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertsCommandTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String NOW_FLAG = "--now=2026-01-01T00:00:00Z";
  private static final String H = "https://linkerd.io/2/checks/#";
  private static IssuedCertificate anchor;
  private static IssuedCertificate issuer;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    CertificateAuthority ca = CertificateAuthority.create(Clock.fixed(NOW, ZoneOffset.UTC));
    anchor = ca.createTrustAnchor();
    issuer = ca.createIssuer(anchor);
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private CliRun check(String anchors, String crt, String key, String... more) throws Exception {
    String[] base = {
      "certs",
      "check",
      "--trust-anchors",
      file("ca.crt", anchors).toString(),
      "--issuer-cert",
      file("issuer.crt", crt).toString(),
      "--issuer-key",
      file("issuer.key", key).toString()
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void should_print_linkerds_table_for_good_certificates() throws Exception {
    CliRun run =
        check(anchor.certificatePem(), issuer.certificatePem(), issuer.privateKeyPem(), NOW_FLAG);

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            ""
                + "linkerd-identity\n"
                + "----------------\n"
                + "√ certificate config is valid\n"
                + "√ trust anchors are using supported crypto algorithm\n"
                + "√ trust anchors are within their validity period\n"
                + "√ trust anchors are valid for at least 60 days\n"
                + "√ issuer cert is using supported crypto algorithm\n"
                + "√ issuer cert is within its validity period\n"
                + "√ issuer cert is valid for at least 60 days\n"
                + "√ issuer cert is issued by the trust anchor\n"
                + "\n"
                + "Status check results are √\n");
  }

  @Test
  void should_exit_0_on_warnings_and_name_a_custom_horizon() throws Exception {
    CliRun warned =
        check(
            anchor.certificatePem(),
            issuer.certificatePem(),
            issuer.privateKeyPem(),
            "--now",
            "2026-11-15T00:00:00Z");
    CliRun custom =
        check(
            anchor.certificatePem(),
            issuer.certificatePem(),
            issuer.privateKeyPem(),
            NOW_FLAG,
            "--horizon",
            "1440h");
    CliRun iso =
        check(
            anchor.certificatePem(),
            issuer.certificatePem(),
            issuer.privateKeyPem(),
            NOW_FLAG,
            "--horizon",
            "P400D");

    assertThat(warned.exit()).isZero();
    assertThat(warned.out())
        .contains(
            "‼ issuer cert is valid for at least 60 days\n"
                + "    issuer certificate will expire on 2026-12-31T23:59:00Z\n"
                + "    see "
                + H
                + "l5d-identity-issuer-cert-not-expiring-soon for hints\n");
    assertThat(custom.out()).contains("√ issuer cert is valid for at least 60 days\n");
    assertThat(iso.exit()).isZero();
    assertThat(iso.out())
        .contains("‼ issuer cert is valid for at least 400 days\n")
        .endsWith("Status check results are √\n");
  }

  @Test
  void should_print_one_json_document() throws Exception {
    CliRun run =
        check(
            anchor.certificatePem(),
            issuer.certificatePem(),
            issuer.privateKeyPem(),
            NOW_FLAG,
            "-o",
            "json");

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    JsonReader reader = new JsonReader(new StringReader(run.out()));
    JsonObject doc = JsonParser.parseReader(reader).getAsJsonObject();
    assertThat(reader.peek()).isEqualTo(com.google.gson.stream.JsonToken.END_DOCUMENT);
    assertThat(doc.get("success").getAsBoolean()).isTrue();
    assertThat(doc.getAsJsonArray("categories")).hasSize(1);
    assertThat(doc.getAsJsonArray("categories").get(0).getAsJsonObject().getAsJsonArray("checks"))
        .hasSize(8);
    assertThat(run.out())
        .startsWith("{\n  \"success\": true,\n  \"categories\": [\n")
        .endsWith("}\n");
  }

  @Test
  void should_stop_after_a_failed_fatal_check_and_exit_1() throws Exception {
    Path d = Conformance.resolve("linkerd", "identity");
    CliRun run =
        CliRun.of(
            "certs",
            "check",
            NOW_FLAG,
            "--trust-anchors",
            d.resolve("expired-trust-anchors.pem").toString(),
            "--issuer-cert",
            d.resolve("expired-crt.pem").toString(),
            "--issuer-key",
            d.resolve("expired-key.pem").toString(),
            "-o",
            "json");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            ""
                + "{\n"
                + "  \"success\": false,\n"
                + "  \"categories\": [\n"
                + "    {\n"
                + "      \"categoryName\": \"linkerd-identity\",\n"
                + "      \"checks\": [\n"
                + "        {\n"
                + "          \"description\": \"certificate config is valid\",\n"
                + "          \"result\": \"success\"\n"
                + "        },\n"
                + "        {\n"
                + "          \"description\": \"trust anchors are using supported crypto algorithm\",\n"
                + "          \"result\": \"success\"\n"
                + "        },\n"
                + "        {\n"
                + "          \"description\": \"trust anchors are within their validity period\",\n"
                + "          \"hint\": \""
                + H
                + "l5d-identity-trustAnchors-are-time-valid\",\n"
                + "          \"error\": \"Invalid anchors:\\n\\t* 1 identity.linkerd.cluster.local not"
                + " valid anymore. Expired on 1990-01-01T01:01:11Z\",\n"
                + "          \"result\": \"error\"\n"
                + "        }\n"
                + "      ]\n"
                + "    }\n"
                + "  ]\n"
                + "}\n");
  }

  @Test
  void should_exit_1_when_the_issuer_is_not_signed_by_the_anchor() throws Exception {
    IssuedCertificate other =
        CertificateAuthority.create(Clock.fixed(NOW, ZoneOffset.UTC))
            .issue(CertificateSpec.builder("other").ca(1).build(), null);
    CliRun run =
        check(other.certificatePem(), issuer.certificatePem(), issuer.privateKeyPem(), NOW_FLAG);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .endsWith(
            "× issuer cert is issued by the trust anchor\n"
                + "    x509: certificate signed by unknown authority\n"
                + "    see "
                + H
                + "l5d-identity-issuer-cert-issued-by-trust-anchor for hints\n"
                + "\nStatus check results are ×\n");
  }

  @Test
  void should_accept_a_pkcs8_key() throws Exception {
    CliRun run =
        check(
            anchor.certificatePem(),
            issuer.certificatePem(),
            issuer.privateKeyPem(KeyFormat.PKCS8),
            NOW_FLAG);

    assertThat(run.exit()).isZero();
  }

  @Test
  void should_explain_bad_input_files_in_one_line_without_stack_trace() throws Exception {
    String key = issuer.privateKeyPem();
    String crt = issuer.certificatePem();
    String anchors = anchor.certificatePem();
    String encrypted =
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n" + "-----END ENCRYPTED PRIVATE KEY-----\n";
    Path der = Files.write(dir.resolve("ca.der"), anchor.certificate().getEncoded());

    assertBadInput(
        check("", crt, key), "trust anchors file " + dir.resolve("ca.crt") + ": file is empty");
    assertBadInput(
        check(anchors, key, key),
        "issuer certificate file "
            + dir.resolve("issuer.crt")
            + ": holds a private key ('EC PRIVATE KEY' block at line 1), not a certificate");
    assertBadInput(
        check(anchors, crt.substring(0, crt.length() / 2), key),
        "issuer certificate file "
            + dir.resolve("issuer.crt")
            + ": PEM block 'CERTIFICATE' at"
            + " line 1 has no '-----END CERTIFICATE-----' line (truncated?)");
    assertBadInput(
        check(anchors, crt, encrypted),
        "issuer key file " + dir.resolve("issuer.key") + ": the private key is encrypted");
    CliRun derRun =
        CliRun.of(
            "certs",
            "check",
            "--trust-anchors",
            der.toString(),
            "--issuer-cert",
            file("i.crt", crt).toString(),
            "--issuer-key",
            file("i.key", key).toString());
    assertBadInput(derRun, "trust anchors file " + der + ": not PEM: the file is binary (DER?)");
    CliRun missing =
        CliRun.of(
            "certs",
            "check",
            "--trust-anchors",
            "/nonexistent/ca.crt",
            "--issuer-cert",
            "/nonexistent/i.crt",
            "--issuer-key",
            "/nonexistent/i.key");
    assertBadInput(missing, "trust anchors file /nonexistent/ca.crt: no such file");
  }

  private static void assertBadInput(CliRun run, String message) {
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith(
            "linkerd-identity\n----------------\n"
                + "× certificate config is valid\n    "
                + message);
    assertThat(run.out().lines().filter(l -> l.startsWith("    ") && !l.contains("see ")))
        .hasSize(1);
    assertThat(run.out()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"--horizon, 60x", "--horizon, 0d", "--now, yesterday", "-o, yaml"})
  void should_exit_2_on_bad_flag_values(String flag, String value) throws Exception {
    CliRun run =
        check(
            anchor.certificatePem(), issuer.certificatePem(), issuer.privateKeyPem(), flag, value);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(flag.equals("-o") ? "--output" : flag)
        .contains(value)
        .doesNotContain("\tat ");
  }

  @Test
  void should_print_help() {
    CliRun run = CliRun.of("certs", "check", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Usage: mesh certs check").contains("--horizon=DURATION");
    assertThat(CliRun.of("certs").exit()).isEqualTo(2);
  }

  @Test
  void should_exit_2_without_required_files() {
    CliRun run = CliRun.of("certs", "check", "--trust-anchors", "ca.crt");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--issuer-cert").contains("--issuer-key");
  }

  @Test
  void should_generate_material_that_passes_the_check() throws Exception {
    Path out = dir.resolve("certs");
    CliRun gen =
        CliRun.of(
            "certs",
            "generate",
            "--out",
            out.toString(),
            "--anchor-validity",
            "P400D",
            "--issuer-validity",
            "100d");

    assertThat(gen.exit()).as(gen.err()).isZero();
    assertThat(gen.err()).isEmpty();
    assertThat(gen.out().lines()).hasSize(5);
    assertThat(gen.out())
        .contains(
            "wrote "
                + out.resolve("ca.crt")
                + " (trust anchor"
                + " CN=root.linkerd.cluster.local, ECDSA P-256, expires ")
        .contains("wrote " + out.resolve("issuer.key") + "\n")
        .contains(
            "linkerd.io/trust-root-sha256: "
                + CertificateAuthority.trustRootSha256(Files.readString(out.resolve("ca.crt"))));
    assertThat(Files.readString(out.resolve("ca.key"))).startsWith("-----BEGIN EC PRIVATE KEY");
    assertThat(gen.out()).doesNotContain("PRIVATE KEY");
    if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(out.resolve("issuer.key"))))
          .isEqualTo("rw-------");
    }
    assertThat(
            Pem.readCertificates(out.resolve("issuer.crt"))
                .get(0)
                .getNotAfter()
                .toInstant()
                .minus(Duration.ofDays(100)))
        .isEqualTo(
            Pem.readCertificates(out.resolve("issuer.crt")).get(0).getNotBefore().toInstant());

    CliRun check =
        CliRun.of(
            "certs",
            "check",
            "--trust-anchors",
            out.resolve("ca.crt").toString(),
            "--issuer-cert",
            out.resolve("issuer.crt").toString(),
            "--issuer-key",
            out.resolve("issuer.key").toString());
    assertThat(check.exit()).isZero();
    assertThat(check.out()).endsWith("Status check results are √\n").doesNotContain("‼");
  }

  @Test
  void should_refuse_to_overwrite_existing_material() throws Exception {
    Path out = dir.resolve("certs");
    assertThat(CliRun.of("certs", "generate", "--out", out.toString()).exit()).isZero();
    String before = Files.readString(out.resolve("ca.key"));

    CliRun again = CliRun.of("certs", "generate", "--out", out.toString());

    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.out()).isEmpty();
    assertThat(again.err())
        .isEqualTo(
            "mesh: "
                + out.resolve("ca.crt")
                + " already exists;"
                + " refusing to overwrite certificates and keys (remove the files or choose another"
                + " --out)"
                + System.lineSeparator());
    assertThat(Files.readString(out.resolve("ca.key"))).isEqualTo(before);
  }

  @Test
  void should_exit_2_when_the_issuer_would_outlive_the_anchor() {
    CliRun run =
        CliRun.of(
            "certs",
            "generate",
            "--out",
            dir.resolve("x").toString(),
            "--anchor-validity",
            "30d",
            "--issuer-validity",
            "365d");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("--issuer-validity (365 days) must not exceed" + " --anchor-validity (30 days)");
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }
}
