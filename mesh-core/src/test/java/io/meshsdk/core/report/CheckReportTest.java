package io.meshsdk.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckReportTest {

  @Test
  void should_derive_outcome_from_severity() {
    CheckResult warning =
        CheckResult.builder("c", "d").failed("m").severity(Severity.WARNING).build();
    CheckResult fatal = CheckResult.builder("c", "d").severity(Severity.FATAL).failed("m").build();

    assertThat(warning.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(warning.stopsRun()).isFalse();
    assertThat(fatal.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(fatal.stopsRun()).isTrue();
    assertThat(fatal.toBuilder().build()).isEqualTo(fatal);
  }

  @Test
  void should_build_hint_urls() {
    CheckResult r =
        CheckResult.builder("c", "d")
            .hintAnchor("l5d-x")
            .hintBase(HintUrls.baseForVersion("stable-2.11.2"))
            .passed()
            .build();

    assertThat(r.hintUrl()).isEqualTo("https://linkerd.io/2.11/checks/#l5d-x");
    assertThat(r.toBuilder().build().hintUrl()).isEqualTo(r.hintUrl());
    assertThat(HintUrls.baseForVersion("edge-26.8.3")).isEqualTo(HintUrls.DEFAULT_BASE);
    assertThat(HintUrls.baseForVersion(null)).isEqualTo(HintUrls.DEFAULT_BASE);
    assertThat(CheckResult.builder("c", "d").passed().build().hintUrl()).isEmpty();
  }

  @Test
  void should_reject_results_without_outcome() {
    assertThatThrownBy(() -> CheckResult.builder("c", "d").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no outcome");
    assertThatThrownBy(() -> CheckResult.builder("c", "d").failed(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_group_consecutive_categories_and_summarise() {
    CheckReport report =
        CheckReport.builder()
            .add(CheckResult.builder("a", "1").passed().build())
            .add(CheckResult.builder("a", "2").severity(Severity.WARNING).failed("w").build())
            .add(CheckResult.builder("b", "3").skipped(null).build())
            .add(CheckResult.builder("a", "4").passed().build())
            .build();

    assertThat(report.categories()).extracting(CategoryReport::name).containsExactly("a", "b", "a");
    assertThat(report.success()).isTrue();
    assertThat(report.hasWarnings()).isTrue();
    assertThat(report.failures()).extracting(CheckResult::description).containsExactly("2");
    assertThat(report.fatalFailure()).isEmpty();
    assertThat(report.categories().get(1).visibleResults()).isEmpty();
    assertThat(report.categories().get(0).result("2")).isPresent();
  }

  @Test
  void should_fail_on_errors_only() {
    CheckReport report =
        CheckReport.builder()
            .add(CheckResult.builder("a", "1").severity(Severity.FATAL).failed("e").build())
            .build();

    assertThat(report.success()).isFalse();
    assertThat(report.hasWarnings()).isFalse();
    assertThat(report.fatalFailure()).map(CheckResult::description).contains("1");
  }

  @Test
  void should_reject_results_of_another_category() {
    assertThatThrownBy(
            () -> CategoryReport.builder("a").add(CheckResult.builder("b", "1").passed().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("result of category 'b' added to category 'a'");
  }
}
