package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.ReportRenderer;
import io.meshsdk.core.report.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal's live table prints, line by line, exactly the table Linkerd prints at the end. */
class LiveTableTest {
  private static final List<CheckResult> RESULTS =
      List.of(
          CheckResult.builder("kubernetes-api", "can query the Kubernetes API")
              .hintAnchor("k8s-api")
              .severity(Severity.FATAL)
              .passed()
              .build(),
          CheckResult.builder("linkerd-existence", "no unschedulable pods")
              .hintAnchor("l5d-existence-unschedulable-pods")
              .severity(Severity.WARNING)
              .failed("linkerd-destination-1: 0/3 nodes are available")
              .build(),
          CheckResult.builder("linkerd-existence", "cluster networks contains all node podCIDRs")
              .hintAnchor("l5d-cluster-networks-cidr")
              .severity(Severity.ERROR)
              .skipped("no podCIDR")
              .build(),
          CheckResult.builder("linkerd-config", "control plane Namespace exists")
              .hintAnchor("l5d-existence-ns")
              .severity(Severity.FATAL)
              .failed("The \"linkerd\" namespace does not exist")
              .build());

  private static String live(boolean shortForm) {
    StringWriter text = new StringWriter();
    CheckCommand.LiveTable live = new CheckCommand.LiveTable(new PrintWriter(text), shortForm);
    RESULTS.stream().filter(CheckResult::isVisible).forEach(live::onResult);
    live.finish(CheckReport.builder().addAll(RESULTS).build());
    return text.toString();
  }

  @Test
  void should_print_the_colored_table_exactly_when_printed_as_checks_end() {
    assertThat(live(false))
        .isEqualTo(
            ReportRenderer.coloredTable().render(CheckReport.builder().addAll(RESULTS).build()));
  }

  @Test
  void should_print_the_short_form_exactly_when_printed_as_checks_end() {
    assertThat(live(true))
        .isEqualTo(
            ReportRenderer.shortForm(true).render(CheckReport.builder().addAll(RESULTS).build()));
  }
}
