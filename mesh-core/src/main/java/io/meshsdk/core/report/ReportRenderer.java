package io.meshsdk.core.report;

import io.meshsdk.core.report.internal.JUnitXmlRenderer;
import io.meshsdk.core.report.internal.JsonRenderer;
import io.meshsdk.core.report.internal.TextRenderer;

/**
 * Turns a {@link CheckReport} into text. Implementations are stateless and thread-safe.
 *
 * <p>Every rendering ends with a line break and separates lines with {@code \n}. Skipped results
 * never appear.
 */
public interface ReportRenderer {

  /**
   * Renders a report.
   *
   * @param report the report
   * @return the text
   */
  String render(CheckReport report);

  /**
   * Linkerd's table: a header per category underlined with dashes (a blank line before every header
   * but the first), {@code √}/{@code ‼}/{@code ×} per check, an indented error and {@code see
   * <hint> for hints} under each failure, then a blank line and {@code Status check results are √}
   * (or {@code ×}).
   *
   * @return the renderer
   */
  static ReportRenderer table() {
    return new TextRenderer(false, false);
  }

  /**
   * As {@link #table()}, with the symbols colored as Linkerd does on a terminal (bold green,
   * yellow, red ANSI escapes).
   *
   * @return the renderer
   */
  static ReportRenderer coloredTable() {
    return new TextRenderer(false, true);
  }

  /**
   * Linkerd's short form ({@code -o short}): only warnings and errors, each under its category
   * header; the blank line before the status line only when something failed; the status line.
   *
   * @param color whether to color the symbols
   * @return the renderer
   */
  static ReportRenderer shortForm(boolean color) {
    return new TextRenderer(true, color);
  }

  /**
   * Linkerd's JSON schema as one document, indented with two spaces: {@code {"success": bool,
   * "categories": [{"categoryName": str, "checks": [{"description": str, "hint"?: str, "error"?:
   * str, "result": "success"|"warning"|"error"}]}]}}. {@code hint} and {@code error} appear only on
   * failures; {@code categories} is {@code null} when nothing is shown. Strings are escaped as Go's
   * {@code encoding/json} does.
   *
   * @return the renderer
   */
  static ReportRenderer json() {
    return new JsonRenderer();
  }

  /**
   * JUnit XML for CI systems: one {@code <testsuite>} per category and one {@code <testcase>} per
   * shown check. An error is a {@code <failure>} (type {@code fatal} or {@code error}); a warning
   * passes and carries its message in {@code <system-out>}. No timestamps, so the output is
   * reproducible.
   *
   * @param suitesName the {@code name} of the {@code <testsuites>} element, e.g. {@code
   *     linkerd-check}
   * @return the renderer
   */
  static ReportRenderer junit(String suitesName) {
    return new JUnitXmlRenderer(suitesName);
  }
}
