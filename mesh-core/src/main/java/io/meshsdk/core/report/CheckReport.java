package io.meshsdk.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole check run: its categories in run order.
 *
 * <p>Immutable and thread-safe. {@link #success()} follows {@code linkerd check}: a run fails when
 * a check failed with an error; warnings do not fail it. A category appears once per consecutive
 * stretch of its results, as Linkerd prints a header whenever the category changes.
 */
public final class CheckReport {
  private final List<CategoryReport> categories;

  private CheckReport(List<CategoryReport> categories) {
    this.categories = List.copyOf(categories);
  }

  /**
   * A report of the given categories.
   *
   * @param categories the category reports in run order
   * @return the report
   */
  public static CheckReport of(List<CategoryReport> categories) {
    return new CheckReport(categories);
  }

  /**
   * Starts a report.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this report's categories, to derive a changed copy (results added next open a
   * new category unless they continue the last one, as with any builder).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    if (!categories.isEmpty()) {
      b.done.addAll(categories.subList(0, categories.size() - 1));
      CategoryReport last = categories.get(categories.size() - 1);
      b.current = last.toBuilder();
      b.currentName = last.name();
    }
    return b;
  }

  /**
   * The categories, in run order.
   *
   * @return an immutable list
   */
  public List<CategoryReport> categories() {
    return categories;
  }

  /**
   * Every result of every category, skipped ones included, in run order.
   *
   * @return an immutable list
   */
  public List<CheckResult> results() {
    return categories.stream().flatMap(c -> c.results().stream()).toList();
  }

  /**
   * Whether no check failed with an error (warnings do not count).
   *
   * @return true when no result has outcome {@link Outcome#ERROR}
   */
  public boolean success() {
    return categories.stream().allMatch(CategoryReport::success);
  }

  /**
   * Whether a check failed as a warning.
   *
   * @return true when a result has outcome {@link Outcome#WARNING}
   */
  public boolean hasWarnings() {
    return categories.stream().anyMatch(CategoryReport::hasWarnings);
  }

  /**
   * The failed fatal check that stopped the run, if any.
   *
   * @return the first result that {@linkplain CheckResult#stopsRun() stops the run}, or empty
   */
  public Optional<CheckResult> fatalFailure() {
    return results().stream().filter(CheckResult::stopsRun).findFirst();
  }

  /**
   * The failed checks (warnings and errors), in run order.
   *
   * @return an immutable list
   */
  public List<CheckResult> failures() {
    return results().stream().filter(CheckResult::isFailure).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CheckReport && categories.equals(((CheckReport) o).categories);
  }

  @Override
  public int hashCode() {
    return Objects.hash(categories);
  }

  @Override
  public String toString() {
    return "CheckReport["
        + categories.size()
        + " categories, success="
        + success()
        + ", warnings="
        + hasWarnings()
        + "]";
  }

  /** Builds a {@link CheckReport}. Not thread-safe. */
  public static final class Builder {
    private final List<CategoryReport> done = new ArrayList<>();
    private CategoryReport.Builder current;
    private String currentName;

    private Builder() {}

    /**
     * Appends a result; a result of another category than the previous one opens a new category.
     *
     * @param result the next result
     * @return this builder
     */
    public Builder add(CheckResult result) {
      if (current == null || !currentName.equals(result.category())) {
        flush();
        current = CategoryReport.builder(result.category());
        currentName = result.category();
      }
      current.add(result);
      return this;
    }

    /**
     * Appends results in order.
     *
     * @param results the next results
     * @return this builder
     */
    public Builder addAll(List<CheckResult> results) {
      results.forEach(this::add);
      return this;
    }

    /**
     * Appends a whole category.
     *
     * @param category the next category
     * @return this builder
     */
    public Builder add(CategoryReport category) {
      flush();
      done.add(category);
      return this;
    }

    /**
     * Builds the report.
     *
     * @return the immutable report
     */
    public CheckReport build() {
      List<CategoryReport> all = new ArrayList<>(done);
      if (current != null) {
        all.add(current.build());
      }
      return new CheckReport(all);
    }

    private void flush() {
      if (current != null) {
        done.add(current.build());
        current = null;
        currentName = null;
      }
    }
  }
}
