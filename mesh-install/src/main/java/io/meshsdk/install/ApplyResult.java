package io.meshsdk.install;

import io.meshsdk.core.report.CheckReport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Installer#apply} did: per object, in apply order, whether it was created, changed or
 * left unchanged (an unchanged object is not written at all), the pre-install check report, and how
 * long it took. Immutable; shows no Secret data.
 */
public final class ApplyResult {
  private final List<ObjectChange> objects;
  private final Optional<CheckReport> preChecks;
  private final Duration duration;

  ApplyResult(List<ObjectChange> objects, Optional<CheckReport> preChecks, Duration duration) {
    this.objects = List.copyOf(objects);
    this.preChecks = Objects.requireNonNull(preChecks, "preChecks");
    this.duration = Objects.requireNonNull(duration, "duration");
  }

  /**
   * Every object of the install, in apply order.
   *
   * @return what was done to each
   */
  public List<ObjectChange> objects() {
    return objects;
  }

  /**
   * The objects with this change.
   *
   * @param change e.g. {@link Change#CREATED}
   * @return those objects, in apply order
   */
  public List<ObjectChange> withChange(Change change) {
    return objects.stream().filter(o -> o.change() == change).toList();
  }

  /**
   * Whether nothing was written.
   *
   * @return true when every object was already as planned
   */
  public boolean unchanged() {
    return objects.stream().allMatch(o -> o.change() == Change.UNCHANGED);
  }

  /**
   * The report of the pre-install checks.
   *
   * @return the report, empty when the checks were skipped
   */
  public Optional<CheckReport> preChecks() {
    return preChecks;
  }

  /**
   * How long the apply took, checks and waits included (by the installer's clock).
   *
   * @return the duration
   */
  public Duration duration() {
    return duration;
  }

  /**
   * One line: how many objects were created, changed and left unchanged.
   *
   * @return e.g. {@code applied 56 objects: 56 created, 0 changed, 0 unchanged in 2.1 s}
   */
  public String summary() {
    return "applied "
        + objects.size()
        + " objects: "
        + withChange(Change.CREATED).size()
        + " created, "
        + withChange(Change.CHANGED).size()
        + " changed, "
        + withChange(Change.UNCHANGED).size()
        + " unchanged in "
        + String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** Returns {@link #summary()}. */
  @Override
  public String toString() {
    return summary();
  }
}
