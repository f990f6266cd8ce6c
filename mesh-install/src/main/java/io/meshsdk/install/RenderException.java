package io.meshsdk.install;

import java.util.Objects;
import java.util.Optional;

/**
 * Helm refused to render a chart: a {@code required} value is missing, a template failed, a
 * template produced invalid YAML, or the chart does not accept the Kubernetes version. The message
 * names the chart and, when Helm said which, the template (with line and column); private key
 * material is removed from Helm's text.
 */
public class RenderException extends InstallException {
  private static final long serialVersionUID = 1L;

  private final String chart;
  private final String template;
  private final String problem;

  /**
   * Creates an exception.
   *
   * @param chart the chart, e.g. {@code linkerd-control-plane}
   * @param template the template Helm named, e.g. {@code
   *     linkerd-control-plane/templates/identity.yaml:19:21}; null when Helm named none
   * @param problem what Helm reported
   */
  public RenderException(String chart, String template, String problem) {
    super(message(chart, template, problem));
    this.chart = Objects.requireNonNull(chart, "chart");
    this.template = template;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String message(String chart, String template, String problem) {
    return "cannot render chart "
        + chart
        + (template == null ? "" : ": template " + template)
        + ": "
        + problem;
  }

  /**
   * The chart that failed.
   *
   * @return the chart name or source
   */
  public String chart() {
    return chart;
  }

  /**
   * The template Helm named, with line and column when it gave them.
   *
   * @return e.g. {@code linkerd-control-plane/templates/identity.yaml:19:21}, or empty
   */
  public Optional<String> template() {
    return Optional.ofNullable(template);
  }

  /**
   * Helm's own description of the problem.
   *
   * @return e.g. {@code Please provide the identity issuer certificate}
   */
  public String problem() {
    return problem;
  }
}
