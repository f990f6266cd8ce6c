package io.meshsdk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.report.CategoryReport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The linkerd-config values and issuer Secret path, with Linkerd's missing-key messages. */
class ClusterSourceTest {
  private static IssuedCertificate anchor;
  private static IssuedCertificate issuer;

  @BeforeAll
  static void generate() {
    anchor = Generated.CA.createTrustAnchor();
    issuer = Generated.CA.createIssuer(anchor);
  }

  private static String values(String scheme) {
    return "identityTrustAnchorsPEM: |\n"
        + anchor.certificatePem().lines().map(l -> "  " + l + "\n").reduce("", String::concat)
        + "identityTrustDomain: cluster.local\n"
        + (scheme == null ? "" : "identity:\n  issuer:\n    scheme: " + scheme + "\n");
  }

  private static IssuerSecret secret(String... keys) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    for (String k : keys) {
      String v =
          k.equals("ca.crt")
              ? anchor.certificatePem()
              : k.endsWith("key") || k.equals("key.pem")
                  ? issuer.privateKeyPem()
                  : issuer.certificatePem();
      data.put(k, v.getBytes(StandardCharsets.UTF_8));
    }
    return IssuerSecret.of("kubernetes.io/tls", data);
  }

  private static String configCheck(String values, IssuerSecret secret) {
    CategoryReport r =
        Generated.validator().validate(IdentitySource.ofLinkerdConfig(values, secret));
    return r.results().get(0).message().orElse("ok:" + r.results().size());
  }

  static Stream<Arguments> missingKeys() {
    String prefix =
        "key %s containing the %s needs to exist in secret linkerd-identity-issuer"
            + " if --identity-external-issuer=%s";
    return Stream.of(
        Arguments.of(
            null,
            new String[] {"key.pem"},
            String.format(prefix, "crt.pem", "issuer certificate", false)),
        Arguments.of(
            "linkerd.io/tls",
            new String[] {"crt.pem"},
            String.format(prefix, "key.pem", "issuer key", true)),
        Arguments.of(
            "kubernetes.io/tls",
            new String[] {"tls.crt", "tls.key"},
            String.format(prefix, "ca.crt", "trust anchors", true)),
        Arguments.of(
            "kubernetes.io/tls",
            new String[] {"ca.crt", "tls.key"},
            String.format(prefix, "tls.crt", "issuer certificate", true)),
        Arguments.of(
            "kubernetes.io/tls",
            new String[] {"ca.crt", "tls.crt"},
            String.format(prefix, "tls.key", "issuer key", true)));
  }

  @ParameterizedTest(name = "scheme {0} with {1}")
  @MethodSource("missingKeys")
  void should_name_the_missing_secret_key(String scheme, String[] keys, String message) {
    assertThat(configCheck(values(scheme), secret(keys))).isEqualTo(message);
  }

  @Test
  void should_pass_both_schemes() {
    assertThat(configCheck(values("linkerd.io/tls"), secret("crt.pem", "key.pem")))
        .isEqualTo("ok:8");
    assertThat(configCheck(values(null), secret("crt.pem", "key.pem"))).isEqualTo("ok:8");
    assertThat(configCheck(values("kubernetes.io/tls"), secret("ca.crt", "tls.crt", "tls.key")))
        .isEqualTo("ok:8");
  }

  @Test
  void should_report_missing_objects_as_the_api_would() {
    assertThat(configCheck(null, secret())).isEqualTo("configmaps \"linkerd-config\" not found");
    assertThat(configCheck(values(null), null))
        .isEqualTo("secrets \"linkerd-identity-issuer\" not found");
  }

  @Test
  void should_explain_bad_values() {
    assertThat(configCheck("identity: [\n", secret()))
        .startsWith("linkerd-config values is not valid YAML (line 2)");
    assertThat(configCheck("- a\n", secret()))
        .isEqualTo("linkerd-config values must be a YAML mapping, not a list");
    assertThat(configCheck("identityTrustAnchorsPEM: 5\n", secret()))
        .isEqualTo(
            "linkerd-config values: identityTrustAnchorsPEM must be a string, not an integer");
    assertThat(configCheck("identity: x\n", secret()))
        .isEqualTo("linkerd-config values: identity must be a mapping, not a string");
  }

  @Test
  void should_read_the_identity_values_and_the_legacy_global_block() {
    LinkerdIdentityConfig c =
        LinkerdIdentityConfig.parse(
            "global:\n  identityTrustDomain: example.org\n  identityTrustAnchorsPEM: abc\n"
                + "identityTrustAnchorsPEM: top\nidentity:\n  issuer:\n    scheme:\n");

    assertThat(c.trustAnchorsPem()).isEqualTo("top");
    assertThat(c.trustDomain()).isEqualTo("example.org");
    assertThat(c.issuerScheme()).isEmpty();
    assertThat(c.externalIssuer()).isFalse();
    assertThat(LinkerdIdentityConfig.parse("").issuerScheme()).isEmpty();
  }

  @Test
  void should_decode_secret_data_from_base64_and_name_bad_keys() {
    IssuerSecret s = IssuerSecret.fromBase64("kubernetes.io/tls", Map.of("a", "aGVsbG8="));

    assertThat(s.get("a"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(s.get("b")).isEmpty();
    assertThatThrownBy(() -> IssuerSecret.fromBase64(null, Map.of("tls.crt", "***")))
        .hasMessage("secret linkerd-identity-issuer: data.tls.crt is not valid base64");
  }
}
