package io.meshsdk.core.report.internal;

import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.ReportRenderer;
import java.util.List;

/**
 * Linkerd's {@code check -o json} document, byte for byte as Go's {@code json.MarshalIndent(v, "",
 * "  ")} writes it. Stateless, thread-safe.
 */
public final class JsonRenderer implements ReportRenderer {

  @Override
  public String render(CheckReport report) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"success\": ").append(report.success()).append(",\n  \"categories\": ");
    List<CategoryReport> shown = report.categories().stream()
        .filter(c -> !c.visibleResults().isEmpty())
        .toList();
    if (shown.isEmpty()) {
      out.append("null");
    } else {
      out.append("[\n");
      for (int i = 0; i < shown.size(); i++) {
        CategoryReport c = shown.get(i);
        out.append("    {\n      \"categoryName\": ").append(quote(c.name()))
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
    out.append(indent).append("\"description\": ").append(quote(description)).append(",\n");
    if (r.isFailure()) {
      if (!r.hintUrl().isEmpty()) {
        out.append(indent).append("\"hint\": ").append(quote(r.hintUrl())).append(",\n");
      }
      out.append(indent).append("\"error\": ").append(quote(r.message().orElse(""))).append(",\n");
    }
    out.append(indent).append("\"result\": ").append(quote(r.outcome().jsonName())).append('\n');
    out.append("        }");
  }

  /**
   * Quotes a string as Go's {@code encoding/json} does with HTML escaping on: {@code <}, {@code >},
   * {@code &}, U+2028 and U+2029 become {@code \}{@code uXXXX}; control characters use the short
   * escapes where JSON has them.
   *
   * @param s the string
   * @return the JSON string literal
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        case '\b':
          b.append("\\b");
          break;
        case '\f':
          b.append("\\f");
          break;
        default:
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
            b.append("\\ufffd");
          } else if (Character.isHighSurrogate(c)) {
            b.append(c).append(s.charAt(++i));
          } else {
            b.append(c);
          }
      }
    }
    return b.append('"').toString();
  }

  private static boolean validSurrogatePair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
