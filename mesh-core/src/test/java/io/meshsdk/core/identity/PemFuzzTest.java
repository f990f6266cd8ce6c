package io.meshsdk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.meshsdk.core.identity.internal.PemReader;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.ReportRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzz target: PEM and identity parsing. The input is taken as an issuer key file, as certificate
 * text, and as the issuer key of a whole identity check (with a good anchor and issuer
 * certificate). Oracles: only {@link IdentityException} escapes; no message, and no line of the
 * identity report, holds a run of 20 or more base64 characters of the input (key material never
 * shows, whatever the line ends, escapes or damage).
 *
 * <p>Inputs: {@code src/test/resources/io/meshsdk/core/identity/PemFuzzTestInputs/}.
 */
class PemFuzzTest {
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=]{20,}");
  private static final IssuedCertificate ANCHOR = Generated.anchor(KeyAlgorithm.EC_P256);
  private static final IssuedCertificate ISSUER = Generated.issuer(ANCHOR);
  private static final IdentityValidator VALIDATOR = Generated.validator();

  @FuzzTest(maxDuration = "10m")
  @DictionaryEntries({
    "-----BEGIN EC PRIVATE KEY-----",
    "-----END EC PRIVATE KEY-----",
    "-----BEGIN PRIVATE KEY-----",
    "-----END PRIVATE KEY-----",
    "-----BEGIN CERTIFICATE-----",
    "-----END CERTIFICATE-----",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----BEGIN ENCRYPTED PRIVATE KEY-----",
    "\\\\n",
    "\\x0D",
    "\\x0D\\x0A",
    "Proc-Type: 4,ENCRYPTED\\x0A",
    "MHcCAQEEI",
    "MIIB",
    "=="
  })
  void should_read_pem_without_showing_key_bytes(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<String> said = new ArrayList<>();
    try {
      PemReader.strictKey(data, "key");
    } catch (IdentityException e) {
      said.add(e.getMessage());
    }
    try {
      PemReader.strictCertificates(data, "crt");
    } catch (IdentityException e) {
      said.add(e.getMessage());
    }
    try {
      Pem.decodePrivateKey(text);
    } catch (IdentityException e) {
      said.add(e.getMessage());
    }
    CategoryReport report =
        VALIDATOR.validate(
            IdentitySource.ofPem(ANCHOR.certificatePem(), ISSUER.certificatePem(), text));
    CheckReport all = CheckReport.of(List.of(report));
    said.add(ReportRenderer.table().render(all));
    said.add(ReportRenderer.json().render(all));
    for (String s : said) {
      Matcher m = BASE64_RUN.matcher(s);
      while (m.find()) {
        assertThat(text).as("message %s", s).doesNotContain(m.group());
      }
    }
  }
}
