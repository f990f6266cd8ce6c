package io.meshsdk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.ReportRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile identity input (issue 8, classes 1, 6, 11): a cut-off escape in linkerd-config is a
 * located error; no byte of a key shows in any message or report, whatever its line ends; files are
 * read with a limit.
 */
class HostileIdentityTest {
  private static final IssuedCertificate ANCHOR = Generated.anchor(KeyAlgorithm.EC_P256);
  private static final IssuedCertificate ISSUER = Generated.issuer(ANCHOR);
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=]{16,}");

  @TempDir Path dir;

  @Test
  void should_locate_a_cut_off_escape_in_the_linkerd_config() {
    IssuerSecret secret = IssuerSecret.of("kubernetes.io/tls", Map.of());
    IdentityException e =
        catchThrowableOfType(
            IdentityException.class,
            () -> IdentitySource.ofLinkerdConfig("identityTrustAnchorsPEM: \"\\x", secret).load());

    assertThat(e.getMessage()).contains("line 1").contains("malformed escape sequence");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cr-only", "literal-backslash-n", "json-pasted", "crlf-cut", "spaces"})
  void should_never_show_key_bytes_whatever_the_line_ends(String damage) throws Exception {
    String key = ISSUER.privateKeyPem();
    String text =
        switch (damage) {
          case "cr-only" -> key.replace("\n", "\r");
          case "literal-backslash-n" -> key.replace("\n", "\\n");
          case "json-pasted" -> "\"" + key.replace("\n", "\\n") + "\"";
          case "crlf-cut" -> key.replace("\n", "\r\n").substring(0, key.length() - 40);
          default -> key.replace("\n", " ");
        };
    Path keyFile = Files.writeString(dir.resolve("issuer.key"), text, StandardCharsets.UTF_8);
    Path crt = Files.writeString(dir.resolve("issuer.crt"), ISSUER.certificatePem());
    Path ca = Files.writeString(dir.resolve("ca.crt"), ANCHOR.certificatePem());

    IdentityException direct =
        catchThrowableOfType(IdentityException.class, () -> Pem.readPrivateKey(keyFile));
    CategoryReport report =
        Generated.validator().validate(IdentitySource.ofFiles(ca, crt, keyFile));
    CheckReport all = CheckReport.of(java.util.List.of(report));

    assertThat(direct.getMessage()).contains("issuer.key").contains("line 1");
    for (String said :
        new String[] {
          direct.getMessage(), ReportRenderer.table().render(all), ReportRenderer.json().render(all)
        }) {
      Matcher m = BASE64_RUN.matcher(said);
      while (m.find()) {
        assertThat(key).as(said).doesNotContain(m.group());
      }
    }
  }

  @Test
  void should_name_the_block_type_line_and_length_of_a_key_with_cr_only_line_ends()
      throws Exception {
    String key = ISSUER.privateKeyPem();
    Path keyFile = Files.writeString(dir.resolve("cr.key"), key.replace("\n", "\r"));

    IdentityException e =
        catchThrowableOfType(IdentityException.class, () -> Pem.readPrivateKey(keyFile));

    assertThat(e.getMessage())
        .matches(
            "file .*cr\\.key: PEM block 'EC PRIVATE KEY' at line 1 has"
                + " invalid base64 content \\([0-9]+ characters; truncated or corrupted\\); its lines end"
                + " with CR only: Linkerd needs LF \\(or CRLF\\) line breaks");
  }

  /** Malformed DER that BouncyCastle's lazy accessors reject with unchecked exceptions. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "EC parameters tagged implicitly instead of explicitly",
        "EC parameters that are not an object identifier"
      })
  void should_refuse_malformed_sec1_keys_as_identity_errors(String damage) throws Exception {
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(1));
    v.add(new DEROctetString(new byte[32]));
    ASN1ObjectIdentifier p256 = new ASN1ObjectIdentifier("1.2.840.10045.3.1.7");
    switch (damage) {
      case "EC parameters tagged implicitly instead of explicitly" ->
          v.add(new DERTaggedObject(false, 0, p256));
      default -> v.add(new DERTaggedObject(true, 0, new DEROctetString(new byte[3])));
    }
    String pem = Pem.encode("EC PRIVATE KEY", new DERSequence(v).getEncoded());

    IdentityException e =
        catchThrowableOfType(IdentityException.class, () -> Pem.decodePrivateKey(pem));

    assertThat(e).as(damage).isNotNull();
    assertThat(e.getMessage()).contains("x509: ").doesNotContain("MHc");
  }

  @Test
  void should_show_an_unknown_block_type_only_by_its_length() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("odd.key"),
            "-----BEGIN EC PRIDDDDDDDDDDDDDDDDDDDDDD-----\nMHcCAQEEIDDDD\n");

    IdentityException e =
        catchThrowableOfType(IdentityException.class, () -> Pem.readPrivateKey(f));

    assertThat(e.getMessage())
        .endsWith(
            "odd.key: PEM block of an unknown type (28 characters) at"
                + " line 1 has no matching END line (truncated?)");
  }

  @Test
  @EnabledIf("devZeroExists")
  void should_refuse_dev_zero_as_certificates_without_reading_it_all() {
    IdentityException e =
        catchThrowableOfType(
            IdentityException.class, () -> Pem.readCertificates(Path.of("/dev/zero")));

    assertThat(e.getMessage())
        .isEqualTo(
            "file /dev/zero: larger than the limit of 4194304 bytes"
                + " (not a certificate or key)");
  }

  static boolean devZeroExists() {
    return Files.exists(Path.of("/dev/zero"));
  }
}
