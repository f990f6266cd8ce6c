package io.meshsdk.install;

import io.meshsdk.core.report.CheckReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Installer#apply} would do, computed by {@link Installer#plan} with server dry runs
 * ({@code dryRun=All}) before anything is written: per object, in apply order, whether it would be
 * created, changed (with the fields that differ from the live object) or left unchanged. Immutable;
 * shows no Secret data.
 */
public final class InstallPlan {
  private final List<ObjectChange> objects;
  private final Optional<CheckReport> preChecks;

  InstallPlan(List<ObjectChange> objects, Optional<CheckReport> preChecks) {
    this.objects = List.copyOf(objects);
    this.preChecks = Objects.requireNonNull(preChecks, "preChecks");
  }

  /**
   * Every object of the install, in apply order.
   *
   * @return the planned changes
   */
  public List<ObjectChange> objects() {
    return objects;
  }

  /**
   * The objects with this change.
   *
   * @param change e.g. {@link Change#CHANGED}
   * @return those objects, in apply order
   */
  public List<ObjectChange> withChange(Change change) {
    return objects.stream().filter(o -> o.change() == change).toList();
  }

  /**
   * Whether applying would write nothing.
   *
   * @return true when every object is unchanged
   */
  public boolean isEmpty() {
    return objects.stream().allMatch(o -> o.change() == Change.UNCHANGED);
  }

  /**
   * The report of the pre-install checks the plan ran (they would let {@link Installer#apply} go
   * on).
   *
   * @return the report, empty when the checks were skipped
   */
  public Optional<CheckReport> preChecks() {
    return preChecks;
  }

  /**
   * The plan for people: a line per object ({@code + created}, {@code ~ changed} followed by its
   * fields, {@code = unchanged}) and a summary line.
   *
   * @return the text, ending with a newline
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (ObjectChange o : objects) {
      sb.append(
              switch (o.change()) {
                case CREATED -> "+ ";
                case CHANGED -> "~ ";
                case UNCHANGED -> "= ";
              })
          .append(o.change().word())
          .append(' ')
          .append(o.object())
          .append('\n');
      for (FieldChange f : o.fields()) {
        sb.append("    ").append(f).append('\n');
      }
    }
    sb.append(summary()).append('\n');
    return sb.toString();
  }

  /**
   * One line: how many objects would be created, changed and left unchanged.
   *
   * @return e.g. {@code plan: 3 to create, 1 to change, 52 unchanged}
   */
  public String summary() {
    return "plan: "
        + withChange(Change.CREATED).size()
        + " to create, "
        + withChange(Change.CHANGED).size()
        + " to change, "
        + withChange(Change.UNCHANGED).size()
        + " unchanged";
  }

  /** Returns {@link #summary()}. */
  @Override
  public String toString() {
    return summary();
  }
}
