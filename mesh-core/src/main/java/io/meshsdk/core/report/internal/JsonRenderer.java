package io.meshsdk.core.report.internal;

import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.ReportRenderer;
import java.util.List;

/**
 * Linkerd's {@code check -o json} document, byte for byte as Go's {@code json.MarshalIndent(v, "",
 * " ")} writes it. Stateless, thread-safe.
 */
public final class JsonRenderer implements ReportRenderer {

  @Override
  public String render(CheckReport report) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"success\": ").append(report.success()).append(",\n  \"categories\": ");
    List<CategoryReport> shown =
        report.categories().stream().filter(c -> !c.visibleResults().isEmpty()).toList();
    if (shown.isEmpty()) {
      out.append("null");
    } else {
      out.append("[\n");
      for (int i = 0; i < shown.size(); i++) {
        CategoryReport c = shown.get(i);
        out.append("    {\n      \"categoryName\": ")
            .append(GoText.jsonString(c.name()))
            .append(",\n      \"checks\": [\n");
        List<CheckResult> checks = c.visibleResults();
        for (int j = 0; j < checks.size(); j++) {
          appendCheck(out, checks.get(j));
          out.append(j < checks.size() - 1 ? ",\n" : "\n");
        }
        out.append("      ]\n    }").append(i < shown.size() - 1 ? ",\n" : "\n");
      }
      out.append("  ]");
    }
    out.append("\n}\n");
    return out.toString();
  }

  private static void appendCheck(StringBuilder out, CheckResult r) {
    String description = r.description();
    if (!r.isFailure() && r.message().isPresent()) {
      description = description + "\n" + r.message().get();
    }
    String indent = "          ";
    out.append("        {\n");
    out.append(indent)
        .append("\"description\": ")
        .append(GoText.jsonString(description))
        .append(",\n");
    if (r.isFailure()) {
      if (!r.hintUrl().isEmpty()) {
        out.append(indent)
            .append("\"hint\": ")
            .append(GoText.jsonString(r.hintUrl()))
            .append(",\n");
      }
      out.append(indent)
          .append("\"error\": ")
          .append(GoText.jsonString(r.message().orElse("")))
          .append(",\n");
    }
    out.append(indent)
        .append("\"result\": ")
        .append(GoText.jsonString(r.outcome().jsonName()))
        .append('\n');
    out.append("        }");
  }
}
