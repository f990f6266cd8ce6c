package io.meshsdk.core.report.internal;

import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.report.ReportRenderer;

/** Linkerd's table and short text output. Stateless, thread-safe. */
public final class TextRenderer implements ReportRenderer {
  private static final String OK = "\u221A";
  private static final String WARN = "\u203C";
  private static final String FAIL = "\u00D7";

  private final boolean shortForm;
  private final boolean color;

  /**
   * Creates a renderer.
   *
   * @param shortForm only failures, blank line before the status only after a failure
   * @param color ANSI bold colors on the symbols
   */
  public TextRenderer(boolean shortForm, boolean color) {
    this.shortForm = shortForm;
    this.color = color;
  }

  @Override
  public String render(CheckReport report) {
    StringBuilder out = new StringBuilder();
    String lastCategory = null;
    for (CategoryReport category : report.categories()) {
      for (CheckResult r : category.results()) {
        if (!r.isVisible() || (shortForm && !r.isFailure())) {
          continue;
        }
        if (!r.category().equals(lastCategory)) {
          if (lastCategory != null) {
            out.append('\n');
          }
          out.append(r.category()).append('\n');
          out.append("-".repeat(r.category().length())).append('\n');
          lastCategory = r.category();
        }
        out.append(symbol(r.outcome())).append(' ').append(r.description());
        if (!r.isFailure() && r.message().isPresent()) {
          out.append('\n').append(r.message().get());
        }
        out.append('\n');
        if (r.isFailure()) {
          out.append("    ").append(r.message().orElse("")).append('\n');
          if (!r.hintUrl().isEmpty()) {
            out.append("    see ").append(r.hintUrl()).append(" for hints\n");
          }
        }
      }
    }
    if (!shortForm || !report.success() || report.hasWarnings()) {
      out.append('\n');
    }
    out.append("Status check results are ")
        .append(symbol(report.success() ? Outcome.SUCCESS : Outcome.ERROR))
        .append('\n');
    return out.toString();
  }

  private String symbol(Outcome outcome) {
    switch (outcome) {
      case WARNING:
        return paint(WARN, 33);
      case ERROR:
        return paint(FAIL, 31);
      default:
        return paint(OK, 32);
    }
  }

  private String paint(String s, int fg) {
    return color ? "\u001b[" + fg + ";1m" + s + "\u001b[0m" : s;
  }
}
