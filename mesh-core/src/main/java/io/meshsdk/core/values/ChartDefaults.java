package io.meshsdk.core.values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A chart's name and default values ({@code values.yaml}) with its dependency subcharts: what
 * Helm's {@code CoalesceValues} coalesces user values onto.
 *
 * <p>A subchart's values sit under its name in the parent's values; when coalescing, each subchart
 * receives a {@code global} map copied from its parent (so a chart with a subchart {@code partials}
 * yields {@code partials: {global: {}}} even when nobody sets anything, as Helm does). Immutable
 * and thread-safe.
 */
public final class ChartDefaults {
  private final String name;
  private final HelmValues values;
  private final List<ChartDefaults> subcharts;

  private ChartDefaults(String name, HelmValues values, List<ChartDefaults> subcharts) {
    this.name = Objects.requireNonNull(name, "name");
    this.values = Objects.requireNonNull(values, "values");
    this.subcharts = Collections.unmodifiableList(subcharts);
  }

  /**
   * A chart without subcharts.
   *
   * @param name the chart name (used in Helm's warning paths; may be empty)
   * @param values the chart's default values
   * @return the chart
   */
  public static ChartDefaults of(String name, HelmValues values) {
    return new ChartDefaults(name, values, List.of());
  }

  /**
   * This chart with one more dependency subchart.
   *
   * @param subchart the subchart (its values are its own {@code values.yaml})
   * @return a new chart
   */
  public ChartDefaults withSubchart(ChartDefaults subchart) {
    List<ChartDefaults> l = new ArrayList<>(subcharts);
    l.add(Objects.requireNonNull(subchart, "subchart"));
    return new ChartDefaults(name, values, l);
  }

  /**
   * The chart name, e.g. {@code linkerd-control-plane}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The chart's own default values.
   *
   * @return the defaults
   */
  public HelmValues values() {
    return values;
  }

  /**
   * The dependency subcharts, in declaration order.
   *
   * @return the subcharts
   */
  public List<ChartDefaults> subcharts() {
    return subcharts;
  }

  @Override
  public String toString() {
    return "ChartDefaults["
        + name
        + ", subcharts="
        + subcharts.stream().map(c -> c.name).toList()
        + "]";
  }
}
