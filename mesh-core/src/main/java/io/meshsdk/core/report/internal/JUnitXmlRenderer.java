package io.meshsdk.core.report.internal;

import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.report.ReportRenderer;
import java.util.List;
import java.util.Locale;

/** JUnit XML (the Ant/Surefire dialect CI servers read). Stateless, thread-safe. */
public final class JUnitXmlRenderer implements ReportRenderer {
  private final String suitesName;

  /**
   * Creates a renderer.
   *
   * @param suitesName the name of the {@code <testsuites>} element
   */
  public JUnitXmlRenderer(String suitesName) {
    this.suitesName = suitesName == null || suitesName.isEmpty() ? "mesh-check" : suitesName;
  }

  @Override
  public String render(CheckReport report) {
    List<CategoryReport> shown =
        report.categories().stream().filter(c -> !c.visibleResults().isEmpty()).toList();
    long tests = shown.stream().mapToLong(c -> c.visibleResults().size()).sum();
    long failures = report.results().stream().filter(r -> r.outcome() == Outcome.ERROR).count();
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"")
        .append(attr(suitesName))
        .append("\" tests=\"")
        .append(tests)
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"0\">\n");
    for (CategoryReport c : shown) {
      List<CheckResult> checks = c.visibleResults();
      long categoryFailures = checks.stream().filter(r -> r.outcome() == Outcome.ERROR).count();
      out.append("  <testsuite name=\"")
          .append(attr(c.name()))
          .append("\" tests=\"")
          .append(checks.size())
          .append("\" failures=\"")
          .append(categoryFailures)
          .append("\" errors=\"0\" skipped=\"0\">\n");
      for (CheckResult r : checks) {
        out.append("    <testcase classname=\"")
            .append(attr(c.name()))
            .append("\" name=\"")
            .append(attr(r.description()))
            .append('"');
        if (!r.isFailure()) {
          out.append("/>\n");
          continue;
        }
        out.append(">\n");
        String body =
            r.message().orElse("")
                + (r.hintUrl().isEmpty() ? "" : "\nsee " + r.hintUrl() + " for hints");
        if (r.outcome() == Outcome.ERROR) {
          out.append("      <failure type=\"")
              .append(r.severity().name().toLowerCase(Locale.ROOT))
              .append("\" message=\"")
              .append(attr(r.message().orElse("")))
              .append("\">")
              .append(text(body))
              .append("</failure>\n");
        } else {
          out.append("      <system-out>")
              .append(text("warning: " + body))
              .append("</system-out>\n");
        }
        out.append("    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    }
    out.append("</testsuites>\n");
    return out.toString();
  }

  private static String text(String s) {
    return escape(s, false);
  }

  private static String attr(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append(attribute ? "&quot;" : "\"");
          break;
        case '\n':
          b.append(attribute ? "&#10;" : "\n");
          break;
        case '\t':
          b.append(attribute ? "&#9;" : "\t");
          break;
        case '\r':
          b.append("&#13;");
          break;
        default:
          // characters XML 1.0 cannot carry at all are replaced
          b.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }
}
