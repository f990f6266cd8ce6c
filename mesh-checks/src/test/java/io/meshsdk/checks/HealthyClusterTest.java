package io.meshsdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.cluster.SnapshotCluster;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.report.ReportRenderer;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Whole runs on a healthy install: core, --proxy, extensions, viz. */
class HealthyClusterTest {
  private static SnapshotCluster cluster(boolean viz, String... others) {
    return SnapshotCluster.builder()
        .add(HealthyCluster.yaml(3, 20, viz, others), "healthy.yaml")
        .build();
  }

  private static HealthChecker.Builder checker(Preset preset) {
    return HealthChecker.builder()
        .preset(preset)
        .retryDeadline(java.time.Duration.ZERO)
        .clock(Clock.fixed(HealthyCluster.NOW, ZoneOffset.UTC));
  }

  @Test
  void should_pass_every_core_and_proxy_check_of_a_healthy_install_but_the_offline_warnings() {
    CheckReport report = checker(Preset.PROXY).build().run(cluster(false));

    assertThat(report.success()).as(ReportRenderer.table().render(report)).isTrue();
    assertThat(report.failures())
        .extracting(CheckResult::description)
        .containsExactly(
            "can determine the latest version",
            "cli is up-to-date",
            "control plane proxies are up-to-date",
            "data plane is up-to-date");
    assertThat(report.failures()).allMatch(r -> r.outcome() == Outcome.WARNING);
    assertThat(report.results())
        .extracting(CheckResult::category)
        .contains("linkerd-data-plane", "linkerd-identity-data-plane")
        .doesNotContain("control-plane-version", "linkerd-extension-checks");
  }

  @Test
  void should_run_viz_after_the_core_checks_in_the_same_report_and_warn_about_other_extensions() {
    CheckReport report = checker(Preset.CORE).build().run(cluster(true, "jaeger"));

    String table = ReportRenderer.table().render(report);
    assertThat(report.success()).as(table).isTrue();
    assertThat(report.categories())
        .extracting(c -> c.name())
        .endsWith("linkerd-extension-checks", "linkerd-jaeger", "linkerd-viz");
    assertThat(table)
        .contains(
            """
        linkerd-jaeger
        --------------
        ‼ Linkerd extension command linkerd-jaeger exists
            exec: "linkerd-jaeger": executable file not found in $PATH
            see https://linkerd.io/2/checks/#extensions for hints
        """);
    assertThat(table)
        .contains(
            """
        linkerd-viz
        -----------
        √ linkerd-viz Namespace exists
        ‼ can initialize the client
        """);
    assertThat(table)
        .contains(
            "√ tap API server has valid cert\n",
            "√ tap API server cert is valid for at least 60 days\n",
            "√ tap API service is running\n",
            "√ linkerd-viz pods are injected\n",
            "√ viz extension pods are running\n",
            "√ viz extension proxies are healthy\n",
            "√ prometheus is installed and configured correctly\n",
            "‼ viz extension self-check\n");
    String json = ReportRenderer.json().render(report);
    assertThat(
            com.google.gson.JsonParser.parseString(json)
                .getAsJsonObject()
                .getAsJsonArray("categories"))
        .as("one document, skipped-only categories left out")
        .hasSize(
            (int) report.categories().stream().filter(c -> !c.visibleResults().isEmpty()).count());
  }

  @Test
  void should_run_the_viz_data_plane_checks_with_proxy() {
    CheckReport report = checker(Preset.VIZ_PROXY).build().run(cluster(true));

    assertThat(report.categories())
        .extracting(c -> c.name())
        .containsExactly("linkerd-viz", "linkerd-viz-data-plane");
    assertThat(report.success()).as(ReportRenderer.table().render(report)).isTrue();
  }

  @Test
  void should_fail_the_viz_run_without_a_viz_namespace() {
    CheckReport report = checker(Preset.VIZ).build().run(cluster(false));

    assertThat(report.results())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.description()).isEqualTo("linkerd-viz Namespace exists");
              assertThat(r.message())
                  .hasValue("namespace with label \"linkerd.io/extension: viz\" not found");
            });
  }

  @Test
  void should_fail_on_certificates_expiring_within_the_horizon_and_name_it() {
    HealthChecker checker =
        checker(Preset.CORE)
            .failurePolicy(FailurePolicy.certificatesExpiringWithin(java.time.Duration.ofDays(400)))
            .build();
    CheckReport report = checker.run(cluster(false));

    assertThat(report.success()).isTrue();
    assertThat(report.failures())
        .extracting(CheckResult::description)
        .contains("issuer cert is valid for at least 400 days");
    assertThat(checker.fails(report)).isTrue();
    assertThat(checker(Preset.CORE).build().fails(report)).isFalse();
  }
}
