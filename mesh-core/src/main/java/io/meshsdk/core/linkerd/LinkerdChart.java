package io.meshsdk.core.linkerd;

import io.meshsdk.core.linkerd.internal.ChartResources;
import io.meshsdk.core.values.ChartDefaults;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.KeySchema;
import io.meshsdk.core.values.UnknownKey;
import io.meshsdk.core.values.ValuesBuilder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Linkerd charts whose defaults Mesh SDK carries, at linkerd2 commit b24cd40 (Linkerd {@code
 * edge-26.8.3}); the charts' {@code linkerdVersionValue} placeholder reads as that version.
 *
 * <ul>
 *   <li>{@link #CONTROL_PLANE}: {@code linkerd-control-plane}. Its defaults are the chart's {@code
 *       values.yaml} merged with the {@code linkerd-crds} chart's values, as Linkerd's {@code
 *       NewValues()} reads them. Linkerd additionally sets {@code cliVersion}, {@code
 *       proxyContainerName} and {@code debugContainer.image.version} in code; they are not in these
 *       defaults ({@link LinkerdValues} resolves an empty debug image version to {@code
 *       linkerdVersion}, and injection names the proxy container {@code linkerd-proxy}). The {@code
 *       partials} dependency has no defaults; as a Helm subchart it still receives {@code partials:
 *       {global: {}}} when values are coalesced. {@link #haValues()} is {@code values-ha.yaml}, to
 *       be applied as the first {@code -f} layer so that none of its keys is dropped.
 *   <li>{@link #VIZ}: {@code linkerd-viz}, with the same {@code partials} dependency.
 * </ul>
 *
 * <p>Resources are loaded once, on first use; everything returned is immutable and thread-safe.
 */
public enum LinkerdChart {
  /** The {@code linkerd-control-plane} chart. */
  CONTROL_PLANE("linkerd-control-plane"),
  /** The {@code linkerd-viz} extension chart. */
  VIZ("linkerd-viz");

  private final String chartName;

  LinkerdChart(String chartName) {
    this.chartName = chartName;
  }

  /**
   * The Helm chart name.
   *
   * @return e.g. {@code linkerd-control-plane}
   */
  public String chartName() {
    return chartName;
  }

  /**
   * Looks a chart up by its Helm name.
   *
   * @param name {@code linkerd-control-plane} or {@code linkerd-viz}
   * @return the chart, or empty for other names
   */
  public static Optional<LinkerdChart> byName(String name) {
    return Arrays.stream(values()).filter(c -> c.chartName.equals(name)).findFirst();
  }

  /**
   * The chart's default values (for the control plane: merged with the linkerd-crds values).
   *
   * @return the defaults
   */
  public HelmValues defaults() {
    return Loaded.ALL.get(this).chart.values();
  }

  /**
   * The chart as Helm coalesces onto it: defaults plus the {@code partials} subchart.
   *
   * @return the chart defaults
   */
  public ChartDefaults chart() {
    return Loaded.ALL.get(this).chart;
  }

  /**
   * The high-availability overlay ({@code values-ha.yaml}).
   *
   * @return the overlay for {@link #CONTROL_PLANE}; empty for {@link #VIZ}
   */
  public Optional<HelmValues> haValues() {
    return Optional.ofNullable(Loaded.ALL.get(this).ha);
  }

  /**
   * The keys this chart knows: its defaults, the HA overlay, keys Linkerd reads without a default
   * (e.g. {@code proxy.isIngress}, {@code proxy.accessLog}, {@code proxy.inbound.*}), free-form
   * maps ({@code podAnnotations}, {@code nodeSelector}, …) and keys removed since {@code
   * stable-2.11} with their replacements.
   *
   * @return the key schema
   */
  public KeySchema keySchema() {
    return Loaded.ALL.get(this).schema;
  }

  /**
   * The keys of user values this chart does not know, each with the closest known key.
   *
   * @param userValues the user's values (the {@code -f}/{@code --set} map, before defaults)
   * @return the findings, empty when all keys are known
   */
  public List<UnknownKey> unknownKeys(HelmValues userValues) {
    return keySchema().unknownKeys(userValues);
  }

  /**
   * A builder that coalesces onto this chart and checks the user's keys against {@link
   * #keySchema()} ({@link io.meshsdk.core.values.LayeredValues#unknownKeys()}; {@link
   * ValuesBuilder#strict()} makes them errors).
   *
   * @return a new builder; add layers and {@link ValuesBuilder#build()}
   */
  public ValuesBuilder valuesBuilder() {
    return ValuesBuilder.create().chart(chart()).keySchema(keySchema());
  }

  /**
   * As {@link #valuesBuilder()}, with the high-availability overlay ({@code values-ha.yaml}) as the
   * first {@code -f} layer, as {@code linkerd install --ha} does.
   *
   * @return a new builder; add further layers and {@link ValuesBuilder#build()}
   * @throws LinkerdException for a chart without an HA overlay
   */
  public ValuesBuilder haValuesBuilder() {
    return valuesBuilder()
        .values(
            haValues()
                .orElseThrow(
                    () -> new LinkerdException(chartName + " has no high-availability overlay")));
  }

  /** Lazily loaded resources of all charts (class initialization makes this thread-safe). */
  private static final class Loaded {
    static final Map<LinkerdChart, Loaded> ALL = new EnumMap<>(LinkerdChart.class);

    static {
      ChartDefaults partials = ChartDefaults.of("partials", HelmValues.empty());
      HelmValues cp =
          ChartResources.values("linkerd-control-plane-values.yaml")
              .merge(ChartResources.values("linkerd-crds-values.yaml"));
      HelmValues ha = ChartResources.values("linkerd-control-plane-values-ha.yaml");
      ALL.put(
          CONTROL_PLANE,
          new Loaded(
              ChartDefaults.of(CONTROL_PLANE.chartName, cp).withSubchart(partials),
              ha,
              KeySchema.fromDefaults(cp)
                  .withKeysOf(ha)
                  .withRules(ChartResources.text("linkerd-control-plane-keys.txt"))));
      HelmValues viz = ChartResources.values("linkerd-viz-values.yaml");
      ALL.put(
          VIZ,
          new Loaded(
              ChartDefaults.of(VIZ.chartName, viz).withSubchart(partials),
              null,
              KeySchema.fromDefaults(viz).withRules(ChartResources.text("linkerd-viz-keys.txt"))));
    }

    final ChartDefaults chart;
    final HelmValues ha;
    final KeySchema schema;

    Loaded(ChartDefaults chart, HelmValues ha, KeySchema schema) {
      this.chart = chart;
      this.ha = ha;
      this.schema = schema;
    }
  }
}
