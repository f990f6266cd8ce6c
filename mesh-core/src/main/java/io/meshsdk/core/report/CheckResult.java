package io.meshsdk.core.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one check: its category, description, hint, severity, outcome and message.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder(String, String)}:
 *
 * <pre>{@code
 * CheckResult r = CheckResult
 *     .builder("linkerd-identity", "issuer cert is within its validity period")
 *     .hintAnchor("l5d-identity-issuer-cert-is-time-valid")
 *     .severity(Severity.FATAL)
 *     .failed("issuer certificate is not valid anymore. Expired on 1990-01-01T01:01:11Z")
 *     .build();
 * }</pre>
 *
 * <p>The message of a failure is the text Linkerd prints under the check (it may span several
 * lines). A passing check may carry a message too: Linkerd's "verbose success", printed after the
 * description. A skipped check may carry its reason; it is never rendered.
 */
public final class CheckResult {
  private final String category;
  private final String description;
  private final String hintAnchor;
  private final String hintUrl;
  private final Severity severity;
  private final Outcome outcome;
  private final String message;

  private CheckResult(Builder b) {
    this.category = b.category;
    this.description = b.description;
    this.hintAnchor = b.hintAnchor;
    this.hintUrl = HintUrls.url(b.hintBase, b.hintAnchor);
    this.severity = b.severity;
    this.outcome = b.failed ? b.severity.failureOutcome() : b.outcome;
    this.message = b.message;
  }

  /**
   * Starts a result.
   *
   * @param category the category ID, e.g. {@code linkerd-identity}
   * @param description the check's description, e.g. {@code certificate config is valid}
   * @return a builder; severity defaults to {@link Severity#ERROR}, the hint base to {@link
   *     HintUrls#DEFAULT_BASE}, and an outcome must be set
   */
  public static Builder builder(String category, String description) {
    return new Builder(category, description);
  }

  /**
   * A builder holding this result's values, to derive a changed copy.
   *
   * @return a new builder; its hint base reproduces this result's hint URL
   */
  public Builder toBuilder() {
    Builder b = new Builder(category, description);
    b.hintAnchor = hintAnchor;
    b.hintBase =
        hintAnchor.isEmpty()
            ? HintUrls.DEFAULT_BASE
            : hintUrl.substring(0, hintUrl.length() - hintAnchor.length());
    b.severity = severity;
    b.outcome = outcome;
    b.failed = outcome.isFailure();
    b.message = message;
    return b;
  }

  /**
   * The category ID.
   *
   * @return e.g. {@code linkerd-identity}
   */
  public String category() {
    return category;
  }

  /**
   * What the check verifies, as Linkerd words it.
   *
   * @return e.g. {@code trust anchors are within their validity period}
   */
  public String description() {
    return description;
  }

  /**
   * The anchor of the check's entry on the hint page.
   *
   * @return e.g. {@code l5d-identity-cert-config-valid}; empty when the check has no hint
   */
  public String hintAnchor() {
    return hintAnchor;
  }

  /**
   * The full hint URL: the hint base followed by the anchor.
   *
   * @return e.g. {@code https://linkerd.io/2/checks/#l5d-identity-cert-config-valid}; empty when
   *     the check has no hint anchor
   */
  public String hintUrl() {
    return hintUrl;
  }

  /**
   * The check's severity.
   *
   * @return fatal, error or warning
   */
  public Severity severity() {
    return severity;
  }

  /**
   * What happened.
   *
   * @return success, warning, error or skipped
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The message: the error text of a failure, the detail of a verbose success, or the reason of a
   * skip.
   *
   * @return the message, or empty
   */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /**
   * Whether the check failed (as a warning or an error).
   *
   * @return true when the outcome is {@link Outcome#WARNING} or {@link Outcome#ERROR}
   */
  public boolean isFailure() {
    return outcome.isFailure();
  }

  /**
   * Whether renderers show this result; skipped checks are invisible.
   *
   * @return false only for {@link Outcome#SKIPPED}
   */
  public boolean isVisible() {
    return outcome != Outcome.SKIPPED;
  }

  /**
   * Whether this result stops the run: a failed fatal check.
   *
   * @return true when the severity is fatal and the check failed
   */
  public boolean stopsRun() {
    return severity == Severity.FATAL && isFailure();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CheckResult)) {
      return false;
    }
    CheckResult r = (CheckResult) o;
    return category.equals(r.category)
        && description.equals(r.description)
        && hintAnchor.equals(r.hintAnchor)
        && hintUrl.equals(r.hintUrl)
        && severity == r.severity
        && outcome == r.outcome
        && Objects.equals(message, r.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(category, description, hintAnchor, hintUrl, severity, outcome, message);
  }

  @Override
  public String toString() {
    return outcome
        + " ["
        + severity
        + "] "
        + category
        + ": "
        + description
        + (message == null ? "" : ": " + message);
  }

  /** Builds a {@link CheckResult}. Not thread-safe; use one builder per result. */
  public static final class Builder {
    private final String category;
    private final String description;
    private String hintAnchor = "";
    private String hintBase = HintUrls.DEFAULT_BASE;
    private Severity severity = Severity.ERROR;
    private Outcome outcome;
    private boolean failed;
    private String message;

    private Builder(String category, String description) {
      this.category = requireText(category, "category");
      this.description = requireText(description, "description");
    }

    /**
     * Sets the hint anchor.
     *
     * @param anchor e.g. {@code l5d-identity-cert-config-valid}; null or empty for no hint
     * @return this builder
     */
    public Builder hintAnchor(String anchor) {
      this.hintAnchor = anchor == null ? "" : anchor;
      return this;
    }

    /**
     * Sets the hint base the anchor is appended to.
     *
     * @param base e.g. {@link HintUrls#DEFAULT_BASE} or {@link HintUrls#baseForVersion(String)}
     * @return this builder
     */
    public Builder hintBase(String base) {
      this.hintBase = Objects.requireNonNull(base, "hint base");
      return this;
    }

    /**
     * Sets the severity (default {@link Severity#ERROR}).
     *
     * @param severity fatal, error or warning
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Marks the check as passed, without a message.
     *
     * @return this builder
     */
    public Builder passed() {
      this.outcome = Outcome.SUCCESS;
      this.failed = false;
      this.message = null;
      return this;
    }

    /**
     * Marks the check as passed with a detail shown after the description (Linkerd's verbose
     * success).
     *
     * @param detail the detail text
     * @return this builder
     */
    public Builder passed(String detail) {
      this.outcome = Outcome.SUCCESS;
      this.failed = false;
      this.message = requireText(detail, "detail");
      return this;
    }

    /**
     * Marks the check as failed; the outcome follows from the severity ({@link Outcome#WARNING} for
     * a warning check, else {@link Outcome#ERROR}).
     *
     * @param message the error text
     * @return this builder
     */
    public Builder failed(String message) {
      this.outcome = null;
      this.failed = true;
      this.message = requireText(message, "message");
      return this;
    }

    /**
     * Marks the check as skipped (invisible, counts as a pass).
     *
     * @param reason why the check did not apply; may be null
     * @return this builder
     */
    public Builder skipped(String reason) {
      this.outcome = Outcome.SKIPPED;
      this.failed = false;
      this.message = reason;
      return this;
    }

    /**
     * Builds the result.
     *
     * @return the immutable result
     * @throws IllegalStateException when none of passed, failed or skipped was called
     */
    public CheckResult build() {
      if (outcome == null && !failed) {
        throw new IllegalStateException("no outcome set for check '" + description + "'");
      }
      return new CheckResult(this);
    }

    private static String requireText(String s, String what) {
      if (s == null || s.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return s;
    }
  }
}
