package io.meshsdk.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of one category, in the order the checks ran.
 *
 * <p>Immutable and thread-safe. Every result belongs to the report's category; skipped results are
 * kept (renderers ignore them).
 */
public final class CategoryReport {
  private final String name;
  private final List<CheckResult> results;

  private CategoryReport(String name, List<CheckResult> results) {
    this.name = name;
    this.results = List.copyOf(results);
  }

  /**
   * A category report holding the given results.
   *
   * @param name the category ID, e.g. {@code linkerd-identity}
   * @param results the results, all of that category, in run order
   * @return the report
   * @throws IllegalArgumentException when a result belongs to another category
   */
  public static CategoryReport of(String name, List<CheckResult> results) {
    Builder b = builder(name);
    results.forEach(b::add);
    return b.build();
  }

  /**
   * Starts a category report.
   *
   * @param name the category ID
   * @return an empty builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A builder holding this report's name and results, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.results.addAll(results);
    return b;
  }

  /**
   * The category ID.
   *
   * @return e.g. {@code linkerd-identity}
   */
  public String name() {
    return name;
  }

  /**
   * Every result, skipped ones included, in run order.
   *
   * @return an immutable list
   */
  public List<CheckResult> results() {
    return results;
  }

  /**
   * The results renderers show (skipped ones removed).
   *
   * @return an immutable list
   */
  public List<CheckResult> visibleResults() {
    return results.stream().filter(CheckResult::isVisible).toList();
  }

  /**
   * Whether no check failed with an error (warnings do not count).
   *
   * @return true when no result has outcome {@link Outcome#ERROR}
   */
  public boolean success() {
    return results.stream().noneMatch(r -> r.outcome() == Outcome.ERROR);
  }

  /**
   * Whether a check failed as a warning.
   *
   * @return true when a result has outcome {@link Outcome#WARNING}
   */
  public boolean hasWarnings() {
    return results.stream().anyMatch(r -> r.outcome() == Outcome.WARNING);
  }

  /**
   * The result with the given description.
   *
   * @param description a check description
   * @return the first result with that description, or empty
   */
  public Optional<CheckResult> result(String description) {
    return results.stream().filter(r -> r.description().equals(description)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoryReport
        && name.equals(((CategoryReport) o).name)
        && results.equals(((CategoryReport) o).results);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, results);
  }

  @Override
  public String toString() {
    return "CategoryReport["
        + name
        + ", "
        + results.size()
        + " results, success="
        + success()
        + "]";
  }

  /** Builds a {@link CategoryReport}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<CheckResult> results = new ArrayList<>();

    private Builder(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("category name must not be empty");
      }
      this.name = name;
    }

    /**
     * Appends a result.
     *
     * @param result a result of this category
     * @return this builder
     * @throws IllegalArgumentException when the result belongs to another category
     */
    public Builder add(CheckResult result) {
      if (!result.category().equals(name)) {
        throw new IllegalArgumentException(
            "result of category '" + result.category() + "' added to category '" + name + "'");
      }
      results.add(result);
      return this;
    }

    /**
     * Builds the report.
     *
     * @return the immutable report
     */
    public CategoryReport build() {
      return new CategoryReport(name, results);
    }
  }
}
