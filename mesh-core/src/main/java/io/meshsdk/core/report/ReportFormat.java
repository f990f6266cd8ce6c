package io.meshsdk.core.report;

import io.meshsdk.core.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of a check report, as named on the command line ({@code -o}). */
public enum ReportFormat {
  /** Linkerd's table, uncolored: {@link ReportRenderer#table()}. */
  TABLE,
  /** Linkerd's short form, uncolored: {@link ReportRenderer#shortForm(boolean)}. */
  SHORT,
  /** Linkerd's JSON document: {@link ReportRenderer#json()}. */
  JSON,
  /** JUnit XML: {@link ReportRenderer#junit(String)} with suites name {@code mesh-check}. */
  JUNIT;

  /**
   * The lower-case name used on the command line.
   *
   * @return e.g. {@code table}
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The uncolored renderer of this format.
   *
   * @return the renderer
   */
  public ReportRenderer renderer() {
    switch (this) {
      case TABLE:
        return ReportRenderer.table();
      case SHORT:
        return ReportRenderer.shortForm(false);
      case JSON:
        return ReportRenderer.json();
      default:
        return ReportRenderer.junit("mesh-check");
    }
  }

  /**
   * Renders a report in this format, uncolored.
   *
   * @param report the report
   * @return the text
   */
  public String render(CheckReport report) {
    return renderer().render(report);
  }

  /**
   * Parses a command-line name.
   *
   * @param name e.g. {@code json} (case-insensitive)
   * @return the format
   * @throws ConfigurationException naming the valid values when the name is unknown
   */
  public static ReportFormat parse(String name) {
    for (ReportFormat f : values()) {
      if (f.cliName().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return f;
      }
    }
    throw new ConfigurationException(
        "unknown output format '"
            + name
            + "'; expected one of "
            + Arrays.stream(values()).map(ReportFormat::cliName).collect(Collectors.joining(", ")));
  }
}
