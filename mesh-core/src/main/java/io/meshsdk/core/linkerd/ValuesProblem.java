package io.meshsdk.core.linkerd;

import io.meshsdk.core.report.Severity;
import java.util.Objects;

/**
 * A problem found in values by a validation: its severity, the key it is about, and a one-line
 * message that says what to do. Immutable.
 *
 * @param severity {@link Severity#ERROR} when the chart would refuse to render or the result cannot
 *     work; {@link Severity#WARNING} otherwise
 * @param path the dotted key the problem is about
 * @param message what is wrong and how to fix it
 */
public record ValuesProblem(Severity severity, String path, String message) {

  /**
   * Creates a problem.
   *
   * @param severity how bad
   * @param path the key
   * @param message the message
   */
  public ValuesProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /**
   * {@code error: <message>} or {@code warning: <message>}.
   *
   * @return the line for people
   */
  @Override
  public String toString() {
    return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
