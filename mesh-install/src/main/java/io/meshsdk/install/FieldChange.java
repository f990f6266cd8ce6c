package io.meshsdk.install;

import java.util.Objects;
import java.util.Optional;

/**
 * One field that differs between the live object and what the install would leave, as a path into
 * the object ({@code spec.template.spec.containers[0].image}, {@code
 * metadata.labels["linkerd.io/control-plane-ns"]}). Values are shown as compact JSON, long ones
 * shortened; the values under a Secret's {@code data} and {@code stringData} are never shown, only
 * their size.
 *
 * @param path the path of the field
 * @param live the live value, empty when the field is absent from the live object or hidden
 * @param planned the planned value, empty when the field would be absent or is hidden
 * @param summary for people: {@code "1" → "2"}, {@code added: "x"}, {@code removed (was "x")}, or
 *     for a Secret's data {@code changed (N bytes)}
 */
public record FieldChange(
    String path, Optional<String> live, Optional<String> planned, String summary) {

  /**
   * Checks the parts.
   *
   * @param path the path
   * @param live the live value
   * @param planned the planned value
   * @param summary the summary
   */
  public FieldChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(planned, "planned");
    Objects.requireNonNull(summary, "summary");
  }

  /** Returns {@code path: summary}. */
  @Override
  public String toString() {
    return path + ": " + summary;
  }
}
