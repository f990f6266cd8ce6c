package io.meshsdk.cli.demo;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.ReportRenderer;
import java.util.List;

/**
 * The text of one step for people: a heading, sub-headings, aligned rows, indented blocks and
 * Linkerd's check tables (coloured only when {@code color}); the step's JSON object is built beside
 * it.
 */
final class Page {
  private static final String BOLD = "\u001B[1m";
  private static final String RESET = "\u001B[0m";
  private static final String STATUS = "\nStatus check results are ";

  private final StringBuilder text = new StringBuilder();
  private final boolean color;
  final JsonObject json = new JsonObject();

  Page(int number, String title, String command, boolean color) {
    this.color = color;
    String heading = "Step " + number + "/" + Demo.STEPS + "  " + title;
    text.append(bold(heading)).append('\n');
    text.append("=".repeat(heading.length())).append('\n');
    text.append("$ ").append(command).append('\n');
    json.addProperty("step", number);
    json.addProperty("title", title);
    json.addProperty("command", command);
  }

  private String bold(String s) {
    return color ? BOLD + s + RESET : s;
  }

  /** A result's symbol as Linkerd's table shows it: √, ‼ or ×, coloured on a terminal. */
  String mark(CheckResult r) {
    String symbol = Demo.symbol(r);
    String code =
        switch (r.outcome()) {
          case SUCCESS -> "\u001B[32;1m";
          case WARNING -> "\u001B[33;1m";
          case ERROR -> "\u001B[31;1m";
          case SKIPPED -> "";
        };
    return color && !code.isEmpty() ? code + symbol + RESET : symbol;
  }

  /** A sub-heading, after a blank line. */
  Page section(String title) {
    text.append('\n').append(bold(title)).append('\n');
    return this;
  }

  /** A line of text. */
  Page line(String line) {
    text.append(line).append('\n');
    return this;
  }

  /** Rows of two or more cells, the columns aligned, indented by two spaces. */
  Page rows(List<String[]> rows) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < r.length - 1; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        b.append(r[i]);
        if (i < r.length - 1) {
          b.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      text.append(b.toString().stripTrailing()).append('\n');
    }
    return this;
  }

  /** Text indented by {@code spaces}, blank lines left empty. */
  Page block(String block, int spaces) {
    String pad = " ".repeat(spaces);
    for (String l : block.strip().split("\n", -1)) {
      text.append(l.isBlank() ? "" : pad + l).append('\n');
    }
    return this;
  }

  /** A check report as {@code linkerd check} prints it (its table, coloured on a terminal). */
  Page checks(CheckReport report) {
    text.append('\n').append(table(report));
    return this;
  }

  /**
   * Some categories of a run as the table prints them, then the whole run's status line (so the
   * status speaks for the run, not for the excerpt).
   */
  Page checksExcerpt(CheckReport excerpt, CheckReport whole) {
    String t = table(excerpt);
    int cut = t.lastIndexOf(STATUS);
    text.append('\n').append(cut < 0 ? t : t.substring(0, cut + 1));
    text.append(STATUS.substring(1)).append(whole.success() ? "√" : "×").append('\n');
    return this;
  }

  String table(CheckReport report) {
    return (color ? ReportRenderer.coloredTable() : ReportRenderer.table()).render(report);
  }

  /** Linkerd's JSON document of a report, for the step's JSON. */
  static JsonObject checkJson(CheckReport report) {
    return JsonParser.parseString(ReportRenderer.json().render(report)).getAsJsonObject();
  }

  String text() {
    return text.toString();
  }
}
