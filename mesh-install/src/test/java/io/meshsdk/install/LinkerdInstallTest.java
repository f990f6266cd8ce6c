package io.meshsdk.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.IdentitySource;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.identity.IssuerSecret;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.values.HelmValues;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LinkerdInstall on Linkerd's real charts (the shared linkerd2 b24cd40 charts, read in place):
 * identity generated, given and external; identity checks before rendering; viz with an external
 * Prometheus. Each install renders once.
 */
class LinkerdInstallTest {
  private static ChartSource CONTROL_PLANE;
  private static ChartSource VIZ;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  private static RenderedInstall generated;
  private static RenderedInstall given;
  private static IssuedCertificate anchor;
  private static IssuedCertificate issuer;

  @BeforeAll
  static void render() throws IOException {
    Path charts = Charts.repo(); // skipped with a message when absent, failed under CI=true
    CONTROL_PLANE = ChartSource.folder(charts.resolve("charts/linkerd-control-plane"));
    VIZ = ChartSource.folder(charts.resolve("viz/charts/linkerd-viz"));
    generated = LinkerdInstall.controlPlane(CONTROL_PLANE).clock(CLOCK).build().render();
    CertificateAuthority ca = CertificateAuthority.create(CLOCK);
    anchor = ca.createTrustAnchor();
    issuer = ca.createIssuer(anchor);
    given =
        LinkerdInstall.controlPlane(CONTROL_PLANE)
            .clock(CLOCK)
            .identityFiles(
                write("ca.crt", anchor.certificatePem()),
                write("issuer.crt", issuer.certificatePem()),
                write("issuer.key", issuer.privateKeyPem()))
            .build()
            .render();
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static Manifest one(RenderedInstall r, String kind, String name) {
    return r.ofKind(kind).stream()
        .filter(m -> m.name().filter(name::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> data(Manifest m) {
    return (Map<String, String>) m.object().orElseThrow().get("data");
  }

  private static String yaml(List<Manifest> ms) {
    StringWriter w = new StringWriter();
    try (ManifestWriter mw = ManifestWriter.yaml(w)) {
      ms.forEach(mw::write);
    }
    return w.toString();
  }

  private static IdentitySource clusterIdentity(RenderedInstall r) {
    Manifest secret = one(r, "Secret", IssuerSecret.NAME);
    String values = data(one(r, "ConfigMap", "linkerd-config")).get("values");
    return IdentitySource.ofLinkerdConfig(values, IssuerSecret.fromBase64("Opaque", data(secret)));
  }

  @Test
  void should_generate_identity_material_that_linkerds_identity_checks_accept() {
    assertThat(
            IdentityValidator.builder(CLOCK).build().validate(clusterIdentity(generated)).success())
        .isTrue();
    String anchors =
        generated
            .linkerdConfigValues()
            .orElseThrow()
            .getString("identityTrustAnchorsPEM")
            .orElseThrow();
    assertThat(data(one(generated, "ConfigMap", "linkerd-identity-trust-roots")))
        .containsEntry("ca-bundle.crt", anchors.strip());
    assertThat(generated.warnings()).isEmpty();
  }

  @Test
  void should_put_the_given_identity_material_in_place() {
    assertThat(given.linkerdConfigValues().orElseThrow().getString("identityTrustAnchorsPEM"))
        .hasValue(anchor.certificatePem());
    Map<String, String> secret = data(one(given, "Secret", IssuerSecret.NAME));
    assertThat(new String(Base64.getDecoder().decode(secret.get("crt.pem"))))
        .isEqualTo(issuer.certificatePem().strip());
    assertThat(new String(Base64.getDecoder().decode(secret.get("key.pem"))))
        .isEqualTo(issuer.privateKeyPem().strip());
    assertThat(IdentityValidator.builder(CLOCK).build().validate(clusterIdentity(given)).success())
        .isTrue();
  }

  @Test
  void should_show_the_issuer_key_only_in_the_issuer_secret() {
    String keyB64 = Base64.getEncoder().encodeToString(issuer.privateKeyPem().strip().getBytes());
    String keyLine = issuer.privateKeyPem().split("\n")[1];
    for (Manifest m : given.manifests()) {
      String text = yaml(List.of(m));
      boolean isSecret =
          m.kind().filter("Secret"::equals).isPresent()
              && m.name().filter(IssuerSecret.NAME::equals).isPresent();
      assertThat(text.contains(keyB64) || text.contains(keyLine))
          .as(m.toString())
          .isEqualTo(isSecret);
    }
    assertThat(given.linkerdConfigValues().orElseThrow().toString())
        .doesNotContain(keyLine)
        .doesNotContain("PRIVATE KEY");
    assertThat(given.toString())
        .isEqualTo(
            "RenderedInstall[CONTROL_PLANE, "
                + given.manifests().size()
                + " manifests, 0 warnings]");
  }

  @Test
  void should_refuse_invalid_identity_material_before_rendering() {
    CertificateAuthority past =
        CertificateAuthority.create(Clock.offset(CLOCK, Duration.ofDays(-400)));
    IssuedCertificate oldAnchor = past.createTrustAnchor();
    IssuedCertificate expired = past.createIssuer(oldAnchor, Duration.ofDays(30));
    assertThatThrownBy(
            () ->
                LinkerdInstall.controlPlane(CONTROL_PLANE)
                    .clock(CLOCK)
                    .identity(
                        oldAnchor.certificatePem(),
                        expired.certificatePem(),
                        expired.privateKeyPem())
                    .build()
                    .render())
        .isInstanceOf(InstallException.class)
        .hasMessageStartingWith(
            "identity material is invalid: issuer cert is within its validity"
                + " period: issuer certificate is not valid anymore")
        .hasMessageNotContaining(expired.privateKeyPem().split("\n")[1]);
    assertThatThrownBy(
            () ->
                LinkerdInstall.controlPlane(CONTROL_PLANE)
                    .clock(CLOCK)
                    .identity(
                        anchor.certificatePem(), issuer.certificatePem(), expired.privateKeyPem())
                    .build()
                    .render())
        .isInstanceOf(InstallException.class)
        .hasMessageContaining(
            "certificate config is valid: tls: Public and private key do not" + " match")
        .hasMessageNotContaining(expired.privateKeyPem().split("\n")[1]);
  }

  @Test
  void should_refuse_incomplete_identity_material_given_in_values() {
    assertThatThrownBy(
            () ->
                LinkerdInstall.controlPlane(CONTROL_PLANE)
                    .values(
                        HelmValues.of(Map.of("identityTrustAnchorsPEM", anchor.certificatePem())))
                    .build()
                    .render())
        .isInstanceOf(InstallException.class)
        .hasMessage(
            "identity material is incomplete: identity.issuer.tls.crtPEM,"
                + " identity.issuer.tls.keyPEM missing (give the trust anchors, issuer certificate and"
                + " issuer key together, use an external issuer, or give none to have them"
                + " generated)");
  }

  @Test
  void should_name_only_the_path_of_identity_material_of_the_wrong_type() {
    String keyLine = issuer.privateKeyPem().split("\n")[1];
    assertThatThrownBy(
            () ->
                LinkerdInstall.controlPlane(CONTROL_PLANE)
                    .values(
                        HelmValues.of(
                            Map.of(
                                "identity",
                                Map.of(
                                    "issuer",
                                    Map.of(
                                        "tls",
                                        Map.of(
                                            "crtPEM",
                                            issuer.certificatePem(),
                                            "keyPEM",
                                            List.of(keyLine)))))))
                    .build()
                    .render())
        .isInstanceOf(InstallException.class)
        .hasMessage("identity.issuer.tls.keyPEM must be a PEM string, not a list");
  }

  @Test
  void should_render_an_external_issuer_without_an_issuer_secret() {
    RenderedInstall external =
        LinkerdInstall.controlPlane(CONTROL_PLANE).externalIdentity().build().render();
    assertThat(external.ofKind("Secret"))
        .extracting(m -> m.name().orElse(""))
        .doesNotContain(IssuerSecret.NAME);
    assertThat(external.ofKind("ConfigMap"))
        .extracting(m -> m.name().orElse(""))
        .doesNotContain("linkerd-identity-trust-roots");
    HelmValues config = external.linkerdConfigValues().orElseThrow();
    assertThat(config.getBoolean("identity.externalCA")).hasValue(true);
    assertThat(config.getString("identity.issuer.scheme")).hasValue("kubernetes.io/tls");
  }

  @Test
  void should_point_viz_at_an_external_prometheus() {
    RenderedInstall viz =
        LinkerdInstall.viz(VIZ)
            .externalPrometheus("http://prometheus.monitoring.svc.cluster.local:9090")
            .build()
            .render();
    assertThat(viz.ofKind("Deployment"))
        .extracting(m -> m.name().orElse(""))
        .containsExactlyInAnyOrder("metrics-api", "tap", "tap-injector", "web");
    assertThat(yaml(List.of(one(viz, "Deployment", "metrics-api"))))
        .contains("- -prometheus-url=http://prometheus.monitoring.svc.cluster.local:9090");
    assertThat(viz.linkerdConfigValues()).isEmpty();
    assertThat(viz.ofKind("Service"))
        .extracting(m -> m.name().orElse(""))
        .doesNotContain("prometheus");
    assertThat(one(viz, "Deployment", "web").namespace()).contains("linkerd-viz");
    assertThat(yaml(List.of(viz.namespaceObject().orElseThrow())))
        .isEqualTo(
            """
            kind: Namespace
            apiVersion: v1
            metadata:
              name: linkerd-viz
              annotations:
                viz.linkerd.io/external-prometheus: http://prometheus.monitoring.svc.cluster.local:9090
              labels:
                linkerd.io/extension: viz
                pod-security.kubernetes.io/enforce: privileged
            """);
  }

  @Test
  void should_give_the_namespace_as_linkerds_cli_renders_it() {
    // the chart's namespace.yaml renders only for .Release.Service CLI, never under helm template
    assertThat(generated.ofKind("Namespace")).isEmpty();
    assertThat(yaml(List.of(generated.namespaceObject().orElseThrow())))
        .isEqualTo(
            """
            kind: Namespace
            apiVersion: v1
            metadata:
              name: linkerd
              annotations:
                linkerd.io/inject: disabled
              labels:
                linkerd.io/is-control-plane: 'true'
                config.linkerd.io/admission-webhooks: disabled
                linkerd.io/control-plane-ns: linkerd
                pod-security.kubernetes.io/enforce: privileged
            """);
    assertThat(generated.namespace()).isEqualTo("linkerd");
  }

  @Test
  void should_refuse_options_that_do_not_apply_to_the_component() {
    assertThatThrownBy(() -> LinkerdInstall.crds(CONTROL_PLANE).externalIdentity().build())
        .isInstanceOf(InstallException.class)
        .hasMessage("identity options apply only to the control plane, not to linkerd-crds");
    assertThatThrownBy(
            () ->
                LinkerdInstall.controlPlane(CONTROL_PLANE)
                    .externalPrometheus("http://p:9090")
                    .build())
        .isInstanceOf(InstallException.class)
        .hasMessage("an external Prometheus applies only to linkerd-viz");
  }
}
