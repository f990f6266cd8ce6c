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
 *
 * <p>Nulls: no public method of this package returns null — a value that may be absent is an {@link
 * java.util.Optional}, a collection is empty instead — and parameters must not be null unless their
 * documentation says what null means.
 */
package io.meshsdk.core.linkerd;
