package io.meshsdk.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
  private static CheckResult warning(String anchor) {
    return CheckResult.builder("linkerd-identity", "some check")
        .hintAnchor(anchor)
        .severity(Severity.WARNING)
        .failed("will expire")
        .build();
  }

  private static final CheckResult ERROR =
      CheckResult.builder("linkerd-config", "x").severity(Severity.ERROR).failed("missing").build();
  private static final CheckResult PASS =
      CheckResult.builder("linkerd-config", "y").passed().build();

  private static CheckReport report(CheckResult... results) {
    return CheckReport.builder().addAll(java.util.List.of(results)).build();
  }

  @Test
  void should_fail_only_on_errors_by_default_as_linkerd_does() {
    FailurePolicy p = FailurePolicy.errors();
    assertThat(p.fails(report(PASS, warning("l5d-version-cli")))).isFalse();
    assertThat(p.fails(report(PASS, ERROR))).isTrue();
  }

  @Test
  void should_fail_on_any_warning_when_warnings_fail() {
    FailurePolicy p = FailurePolicy.warnings();
    assertThat(p.fails(report(PASS, warning("l5d-version-cli")))).isTrue();
    assertThat(p.fails(report(PASS))).isFalse();
  }

  @Test
  void should_fail_on_an_expiring_certificate_but_not_other_warnings_with_a_horizon() {
    FailurePolicy p = FailurePolicy.certificatesExpiringWithin(Duration.ofDays(30));
    assertThat(p.fails(report(warning("l5d-identity-issuer-cert-not-expiring-soon")))).isTrue();
    assertThat(p.fails(report(warning("l5d-tap-cert-not-expiring-soon")))).isTrue();
    assertThat(p.fails(report(warning("l5d-version-cli")))).isFalse();
    assertThat(p.fails(report(ERROR))).isTrue();
    assertThat(p.certificateHorizon()).hasValue(Duration.ofDays(30));
  }

  @Test
  void should_refuse_a_horizon_that_is_not_positive() {
    assertThatThrownBy(() -> FailurePolicy.certificatesExpiringWithin(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
