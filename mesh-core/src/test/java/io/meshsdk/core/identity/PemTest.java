package io.meshsdk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.report.CategoryReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM reading: Linkerd's quirks in cluster mode, clear errors in file mode. */
class PemTest {
  private static IssuedCertificate anchor;
  private static IssuedCertificate issuer;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    anchor = Generated.CA.createTrustAnchor();
    issuer = Generated.CA.createIssuer(anchor);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  // --- Linkerd mode -------------------------------------------------------------------------

  @Test
  void should_decode_a_bundle_and_stop_at_the_first_non_certificate_block() {
    String pem =
        anchor.certificatePem()
            + issuer.certificatePem()
            + issuer.privateKeyPem()
            + anchor.certificatePem();

    List<X509Certificate> certs = Pem.decodeCertificates(pem);

    assertThat(certs).containsExactly(anchor.certificate(), issuer.certificate());
  }

  @Test
  void should_reject_a_trailing_newline_as_linkerd_does() {
    assertThatThrownBy(() -> Pem.decodeCertificates(anchor.certificatePem() + "\n"))
        .isInstanceOf(IdentityException.class)
        .hasMessage("not a PEM certificate");
    assertThatThrownBy(() -> Pem.decodeCertificates(anchor.certificatePem() + "garbage"))
        .hasMessage("not a PEM certificate");
  }

  @Test
  void should_decode_empty_text_as_no_certificates_and_skip_leading_text() {
    assertThat(Pem.decodeCertificates("")).isEmpty();
    assertThat(
            Pem.decodeCertificates("Bag Attributes\n  friendlyName: x\n" + anchor.certificatePem()))
        .containsExactly(anchor.certificate());
    assertThat(Pem.decodeCertificates(anchor.certificatePem().replace("\n", "\r\n")))
        .containsExactly(anchor.certificate());
  }

  @Test
  void should_decode_keys_as_linkerd_does() {
    assertThat(Pem.decodePrivateKey(issuer.privateKeyPem(KeyFormat.PKCS8)))
        .isEqualTo(issuer.privateKey());
    assertThat(Pem.keyMatches(Pem.decodePrivateKey(issuer.privateKeyPem()), issuer.certificate()))
        .isTrue();
    assertThat(Pem.keyMatches(Pem.decodePrivateKey(issuer.privateKeyPem()), anchor.certificate()))
        .isFalse();
    assertThatThrownBy(() -> Pem.decodePrivateKey("hello")).hasMessage("not PEM-encoded");
    assertThatThrownBy(() -> Pem.decodePrivateKey(anchor.certificatePem()))
        .hasMessage("unsupported block type: 'CERTIFICATE'");
    assertThatThrownBy(
            () -> Pem.decodePrivateKey(Pem.encode("ENCRYPTED PRIVATE KEY", new byte[] {1, 2})))
        .hasMessage("unsupported block type: 'ENCRYPTED PRIVATE KEY'");
    assertThatThrownBy(() -> Pem.decodePrivateKey(Pem.encode("EC PRIVATE KEY", new byte[] {1})))
        .hasMessage("x509: failed to parse EC private key");
    String ed =
        Pem.encodePrivateKey(
            Generated.anchor(KeyAlgorithm.ED25519).privateKey(), null, KeyFormat.PKCS8);
    assertThatThrownBy(() -> Pem.decodePrivateKey(ed))
        .hasMessage("unsupported PKCS#8 encoding (Ed25519 keys are not supported)");
  }

  @Test
  void should_report_an_unparseable_issuer_certificate_like_linkerd() {
    CategoryReport report =
        Generated.validator()
            .validate(
                IdentitySource.ofPem(
                    anchor.certificatePem(),
                    issuer.certificatePem() + "\n",
                    issuer.privateKeyPem()));

    assertThat(report.results().get(0).message())
        .contains("could not parse issuer certificate: not a PEM certificate");
    assertThat(
            Generated.validator()
                .validate(
                    IdentitySource.ofPem(
                        anchor.certificatePem(), issuer.privateKeyPem(), issuer.privateKeyPem()))
                .results()
                .get(0)
                .message())
        .contains("No certificates found");
  }

  @Test
  void should_round_trip_certificates_and_write_64_column_pem() {
    String pem = Pem.encodeCertificates(List.of(anchor.certificate(), issuer.certificate()));

    assertThat(Pem.decodeCertificates(pem))
        .containsExactly(anchor.certificate(), issuer.certificate());
    assertThat(pem.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
    assertThat(pem).endsWith("-----END CERTIFICATE-----\n");
  }

  // --- strict file mode ---------------------------------------------------------------------

  @Test
  void should_read_files_strictly() throws Exception {
    Path bundle = write("bundle.crt", issuer.certificatePem() + anchor.certificatePem());
    Path key = write("issuer.key", issuer.privateKeyPem());

    assertThat(Pem.readCertificates(bundle))
        .containsExactly(issuer.certificate(), anchor.certificate());
    assertThat(Pem.readPrivateKey(key)).isEqualTo(issuer.privateKey());
  }

  @Test
  void should_explain_an_empty_or_blank_file() throws Exception {
    Path empty = write("empty.crt", "");
    Path blank = write("blank.crt", "\n  \n");

    assertThatThrownBy(() -> Pem.readCertificates(empty))
        .hasMessage("file " + empty + ": file is empty");
    assertThatThrownBy(() -> Pem.readCertificates(blank))
        .hasMessage("file " + blank + ": file holds only whitespace, no certificate");
    assertThatThrownBy(() -> Pem.readPrivateKey(empty))
        .hasMessage("file " + empty + ": file is empty");
  }

  @Test
  void should_explain_a_missing_file() {
    Path missing = dir.resolve("nope.crt");

    assertThatThrownBy(() -> Pem.readCertificates(missing))
        .hasMessage("file " + missing + ": no such file");
  }

  @Test
  void should_explain_a_key_in_the_certificate_file() throws Exception {
    Path f = write("ca.crt", issuer.privateKeyPem());
    Path afterCert = write("ca2.crt", anchor.certificatePem() + issuer.privateKeyPem());

    assertThatThrownBy(() -> Pem.readCertificates(f))
        .hasMessage(
            "file "
                + f
                + ": holds a private key ('EC PRIVATE KEY' block at line 1), not a certificate");
    int line = anchor.certificatePem().split("\n").length + 1;
    assertThatThrownBy(() -> Pem.readCertificates(afterCert))
        .hasMessage(
            "file "
                + afterCert
                + ": holds a private key ('EC PRIVATE KEY' block at line "
                + line
                + "), not a certificate");
  }

  @Test
  void should_explain_a_certificate_in_the_key_file() throws Exception {
    Path f = write("issuer.key", issuer.certificatePem());

    assertThatThrownBy(() -> Pem.readPrivateKey(f))
        .hasMessage(
            "file "
                + f
                + ": holds a certificate ('CERTIFICATE' block at line 1), not a private key");
  }

  @Test
  void should_explain_truncated_and_corrupted_base64() throws Exception {
    String pem = issuer.certificatePem();
    Path truncated = write("truncated.crt", pem.substring(0, pem.length() / 2));
    String[] lines = pem.split("\n");
    lines[3] = lines[3].substring(0, lines[3].length() - 3);
    Path corrupted = write("corrupted.crt", String.join("\n", lines) + "\n");
    int base64 = String.join("", java.util.Arrays.copyOfRange(lines, 1, lines.length - 1)).length();

    assertThatThrownBy(() -> Pem.readCertificates(truncated))
        .hasMessage(
            "file "
                + truncated
                + ": PEM block 'CERTIFICATE' at line 1 has no '-----END CERTIFICATE-----' line"
                + " (truncated?)");
    assertThatThrownBy(() -> Pem.readCertificates(corrupted))
        .hasMessage(
            "file "
                + corrupted
                + ": PEM block 'CERTIFICATE' at line 1 has invalid base64 content ("
                + base64
                + " characters; truncated or corrupted)");
  }

  @Test
  void should_not_skip_a_corrupted_block_before_a_good_one() throws Exception {
    String bad = "-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n";
    Path f = write("mixed.crt", bad + anchor.certificatePem());

    assertThat(Pem.decodeCertificates(bad + anchor.certificatePem()))
        .containsExactly(anchor.certificate());
    assertThatThrownBy(() -> Pem.readCertificates(f))
        .hasMessage(
            "file "
                + f
                + ": PEM block 'CERTIFICATE' at line 1 has invalid base64 content (3 characters;"
                + " truncated or corrupted)");
  }

  @Test
  void should_explain_a_der_file() throws Exception {
    Path der = write("ca.der", anchor.certificate().getEncoded());
    Path keyDer = write("key.der", issuer.privateKey().getEncoded());

    assertThatThrownBy(() -> Pem.readCertificates(der))
        .hasMessage(
            "file "
                + der
                + ": not PEM: the file is binary (DER?); convert it with: openssl x509 -inform der -in"
                + " FILE -out FILE.pem");
    assertThatThrownBy(() -> Pem.readPrivateKey(keyDer)).hasMessageContaining("openssl pkey");
  }

  @Test
  void should_explain_text_after_the_last_block() throws Exception {
    Path blankLine = write("ca.crt", anchor.certificatePem() + "\n");
    Path text = write("ca2.crt", anchor.certificatePem() + "# comment\n");
    Path noPem = write("ca3.crt", "hello\n");
    int line = anchor.certificatePem().split("\n").length + 1;

    assertThatThrownBy(() -> Pem.readCertificates(blankLine))
        .hasMessage(
            "file "
                + blankLine
                + ": not a PEM certificate: blank line(s) after the last END line (line "
                + line
                + "); Linkerd rejects anything after the last PEM block, even an empty line");
    assertThatThrownBy(() -> Pem.readCertificates(text))
        .hasMessage(
            "file "
                + text
                + ": not a PEM certificate: unexpected text after the last PEM block at line "
                + line);
    assertThatThrownBy(() -> Pem.readCertificates(noPem))
        .hasMessage("file " + noPem + ": not a PEM certificate: no '-----BEGIN' line found");
  }

  @Test
  void should_explain_encrypted_keys() throws Exception {
    Path pkcs8 =
        write("enc.key", Pem.encode("ENCRYPTED PRIVATE KEY", encrypt(issuer.privateKey())));
    Path legacy =
        write(
            "legacy.key",
            "-----BEGIN EC PRIVATE KEY-----\n"
                + "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                + Base64.getEncoder().encodeToString(new byte[48])
                + "\n-----END EC PRIVATE KEY-----\n");

    assertThatThrownBy(() -> Pem.readPrivateKey(pkcs8))
        .hasMessage(
            "file "
                + pkcs8
                + ": the private key is encrypted ('ENCRYPTED PRIVATE KEY' block at line 1); Linkerd"
                + " needs an unencrypted key: decrypt it first, e.g. openssl pkey -in KEY -out"
                + " PLAIN_KEY");
    assertThatThrownBy(() -> Pem.readPrivateKey(legacy))
        .hasMessage(
            "file "
                + legacy
                + ": the 'EC PRIVATE KEY' block is encrypted (Proc-Type: 4,ENCRYPTED); Linkerd needs an"
                + " unencrypted private key (block at line 1)");
  }

  private static byte[] encrypt(java.security.PrivateKey key) throws Exception {
    org.bouncycastle.operator.OutputEncryptor encryptor =
        new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
            .setPassword("secret".toCharArray())
            .build();
    return new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, encryptor)
        .generate()
        .getContent();
  }

  @Test
  void should_name_each_file_in_the_config_check() throws Exception {
    Path ca = write("ca.crt", anchor.certificatePem());
    Path crt = write("issuer.crt", issuer.certificatePem());
    Path key = write("issuer.key", "");
    Path otherKey = write("other.key", Generated.CA.createIssuer(anchor).privateKeyPem());

    CategoryReport empty = Generated.validator().validate(IdentitySource.ofFiles(ca, crt, key));
    CategoryReport mismatch =
        Generated.validator().validate(IdentitySource.ofFiles(ca, crt, otherKey));

    assertThat(empty.results()).hasSize(1);
    assertThat(empty.results().get(0).message())
        .contains("issuer key file " + key + ": file is empty");
    assertThat(mismatch.results().get(0).message())
        .contains(
            "tls: Public and private key do"
                + " not match: issuer key file "
                + otherKey
                + " does not hold the private key of the"
                + " first certificate in issuer certificate file "
                + crt);
  }

  @Test
  void should_never_show_private_keys_in_strings() {
    String keyLine = issuer.privateKeyPem().split("\n")[1];
    IdentityMaterial m =
        IdentitySource.ofPem(
                anchor.certificatePem(), issuer.certificatePem(), issuer.privateKeyPem())
            .load();

    assertThat(m.toString()).contains("key=present").doesNotContain(keyLine);
    assertThat(issuer.toString())
        .doesNotContain(keyLine)
        .contains("identity.linkerd.cluster.local");
    assertThat(
            IssuerSecret.of(
                    "kubernetes.io/tls",
                    java.util.Map.of(
                        "tls.key", issuer.privateKeyPem().getBytes(StandardCharsets.UTF_8)))
                .toString())
        .isEqualTo("Secret linkerd-identity-issuer (type kubernetes.io/tls, keys [tls.key])");
  }
}
