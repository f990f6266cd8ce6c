package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.identity.CertificateAuthority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh inject --diff} and the warning for workloads annotated in namespaces the proxy
 * injector never sees.
 */
class InjectDiffTest {
  private static final String DEPLOYMENT =
      "# the web front end\n"
          + "apiVersion: apps/v1\n"
          + "kind: Deployment\n"
          + "metadata:\n"
          + "  name: web\n"
          + "  namespace: shop\n"
          + "spec:\n"
          + "  template:\n"
          + "    metadata:\n"
          + "      labels: {app: web}   # the selector's\n"
          + "    spec:\n"
          + "      containers:\n"
          + "      - name: web\n"
          + "        image: web:1\n";

  @Test
  void should_print_a_unified_diff_of_the_lines_inject_adds_instead_of_the_output() {
    CliRun r = CliRun.withStdin(DEPLOYMENT, "inject", "--diff", "-");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "--- a/<stdin>\n"
                + "+++ b/<stdin>\n"
                + "@@ -8,6 +8,8 @@\n"
                + "   template:\n"
                + "     metadata:\n"
                + "       labels: {app: web}   # the selector's\n"
                + "+      annotations:\n"
                + "+        linkerd.io/inject: enabled\n"
                + "     spec:\n"
                + "       containers:\n"
                + "       - name: web\n");
    assertThat(r.err()).contains("deployment \"web\" injected");
  }

  @Test
  void should_say_when_a_document_is_re_emitted_instead_of_edited_in_place() {
    // the changed pod template metadata is an anchored node that another key aliases
    String input =
        DEPLOYMENT.replace(
                "    metadata:\n      labels: {app: web}   # the selector's\n",
                "    metadata: &meta\n      labels: {app: web}   # the selector's\n")
            + "x-copy: *meta\n";

    CliRun r = CliRun.withStdin(input, "inject", "--diff", "-");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("is re-emitted: the patched text does not read back");
    assertThat(r.out()).startsWith("--- a/<stdin>\n+++ b/<stdin>\n@@ -1,");
  }

  @Test
  void should_print_nothing_for_an_input_inject_leaves_as_it_was() {
    String annotated =
        DEPLOYMENT.replace(
            "      labels: {app: web}   # the selector's\n",
            "      annotations:\n        linkerd.io/inject: \"enabled\"  # meshed\n"
                + "      labels: {app: web}   # the selector's\n");

    assertThat(CliRun.withStdin(annotated, "inject", "--diff", "-").out()).isEmpty();
    assertThat(CliRun.withStdin(annotated, "inject", "-").out()).isEqualTo(annotated);
  }

  @Test
  void should_warn_after_the_report_about_workloads_in_namespaces_the_injector_never_sees() {
    String input =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n"
            + "    config.linkerd.io/admission-webhooks: disabled\n---\n"
            + DEPLOYMENT
            + "---\n"
            + DEPLOYMENT.replace(
                "name: web\n  namespace: shop", "name: dns\n  namespace: kube-system")
            + "---\n"
            + DEPLOYMENT.replace("namespace: shop", "namespace: team-a");

    CliRun r = CliRun.withStdin(input, "inject", "-");

    assertThat(r.exit()).isZero();
    String report = r.err();
    assertThat(report.indexOf("deployment \"web\" injected"))
        .isLessThan(report.indexOf("\u203c deployment/web"));
    assertThat(report)
        .contains(
            "\u203c deployment/web is annotated for injection but namespace shop is labelled"
                + " config.linkerd.io/admission-webhooks: disabled, so the proxy injector never"
                + " sees it: its pods will not be meshed\n")
        .contains(
            "\u203c deployment/dns is annotated for injection but the proxy injector never sees"
                + " namespace kube-system: its pods will not be meshed\n")
        .doesNotContain("namespace team-a");
  }

  @Test
  void should_not_warn_in_manual_mode_where_the_proxy_is_already_in_the_pod(@TempDir Path dir)
      throws IOException {
    Path anchors = dir.resolve("ca.crt");
    Files.writeString(
        anchors,
        CertificateAuthority.create(Clock.systemUTC()).createTrustAnchor().certificatePem());
    String input = DEPLOYMENT.replace("namespace: shop", "namespace: kube-system");
    CliRun r =
        CliRun.withStdin(
            input, "inject", "--manual", "--set-file", "identityTrustAnchorsPEM=" + anchors, "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("deployment \"web\" injected").doesNotContain("never sees");
  }
}
