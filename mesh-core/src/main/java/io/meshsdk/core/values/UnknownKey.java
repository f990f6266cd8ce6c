package io.meshsdk.core.values;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A key in user values that the chart does not know, with the closest known key when there is a
 * plausible one. Immutable.
 */
public final class UnknownKey {
  private final String path;
  private final String suggestion;
  private final boolean removed;

  /**
   * Creates a finding.
   *
   * @param path the user's dotted path (keys with dots escaped)
   * @param suggestion the closest known path, or {@code null}
   * @param removed true when the key was a chart value once and is not any more ({@code suggestion}
   *     is then what replaced it, if anything)
   */
  public UnknownKey(String path, String suggestion, boolean removed) {
    this.path = Objects.requireNonNull(path, "path");
    this.suggestion = suggestion;
    this.removed = removed;
  }

  /**
   * The user's path, e.g. {@code proxyinit.runAsRoot}.
   *
   * @return the dotted path
   */
  public String path() {
    return path;
  }

  /**
   * The closest known path, e.g. {@code proxyInit.runAsRoot}.
   *
   * @return the suggestion, or empty when nothing is close enough
   */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }

  /**
   * Whether the key is one the chart had in an older version (replaced by {@link #suggestion()}
   * when that is present).
   *
   * @return true for a removed key
   */
  public boolean removed() {
    return removed;
  }

  /**
   * The finding as a warning line, as {@code mesh values} prints it: {@code unknown key
   * proxyinit.runAsRoot — did you mean proxyInit.runAsRoot?} (removed keys: {@link #message()}).
   *
   * @return the line, without a {@code warning:} prefix
   */
  public String describe() {
    if (removed) {
      return message();
    }
    return "unknown key "
        + path
        + (suggestion == null ? "" : " — did you mean " + suggestion + "?");
  }

  /** The error of strict mode: every finding, one after the other. */
  static ValuesException strictFailure(List<UnknownKey> unknown) {
    StringBuilder sb = new StringBuilder("keys the chart does not know (strict): ");
    for (int i = 0; i < unknown.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(unknown.get(i).describe());
    }
    return new ValuesException(sb.toString());
  }

  /**
   * One line for people: {@code proxyinit.runAsRoot — did you mean proxyInit.runAsRoot?}, {@code
   * policyController.defaultAllowPolicy — no longer a chart value; use proxy.defaultInboundPolicy},
   * {@code namespace — no longer a chart value}, or {@code foo.bar — not a known key}.
   *
   * @return the message
   */
  public String message() {
    if (suggestion == null) {
      return path + (removed ? " — no longer a chart value" : " — not a known key");
    }
    return removed
        ? path + " — no longer a chart value; use " + suggestion
        : path + " — did you mean " + suggestion + "?";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownKey u
        && path.equals(u.path)
        && Objects.equals(suggestion, u.suggestion)
        && removed == u.removed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, suggestion, removed);
  }

  @Override
  public String toString() {
    return message();
  }
}
