/**
 * The Linkerd values model.
 *
 * <ul>
 *   <li>{@link io.meshsdk.core.linkerd.LinkerdChart}: the defaults of the {@code
 *       linkerd-control-plane} chart (with the linkerd-crds values and the {@code partials}
 *       subchart) and of {@code linkerd-viz} at the Linkerd version Mesh SDK carries, the HA
 *       overlay, and typo detection against the keys Linkerd knows;
 *   <li>{@link io.meshsdk.core.linkerd.LinkerdValues}: a typed read-only view over values;
 *   <li>{@link io.meshsdk.core.linkerd.VizValues}: the viz values and their Prometheus/Grafana
 *       rules;
 *   <li>{@link io.meshsdk.core.linkerd.ChartPodAnnotations}: override values that mesh the pods of
 *       any third-party chart;
 *   <li>{@link io.meshsdk.core.linkerd.LinkerdVersion} and {@link
 *       io.meshsdk.core.linkerd.LinkerdNames}.
 * </ul>
 */
package io.meshsdk.core.linkerd;
