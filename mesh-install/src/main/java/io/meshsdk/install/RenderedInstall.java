package io.meshsdk.install;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.values.HelmValues;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LinkerdInstall#render()} produced: the manifests in Helm's install order, the values
 * the {@code linkerd-config} ConfigMap holds (Linkerd's chart removes the private keys from them),
 * and warnings (Helm's coalescing warnings, identity material that expires soon). Immutable and
 * thread-safe; {@link #toString()} names only counts.
 */
public final class RenderedInstall {
  private final LinkerdInstall.Component component;
  private final List<Manifest> manifests;
  private final HelmValues configValues;
  private final List<String> warnings;
  private final String namespace;
  private final Manifest namespaceObject;

  RenderedInstall(
      LinkerdInstall.Component component,
      List<Manifest> manifests,
      HelmValues configValues,
      List<String> warnings,
      String namespace,
      Manifest namespaceObject) {
    this.component = Objects.requireNonNull(component, "component");
    this.manifests = List.copyOf(manifests);
    this.configValues = configValues;
    this.warnings = List.copyOf(warnings);
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.namespaceObject = namespaceObject;
  }

  /**
   * The namespace the chart was rendered into ({@code .Release.Namespace}).
   *
   * @return e.g. {@code linkerd}
   */
  public String namespace() {
    return namespace;
  }

  /**
   * The Namespace object Linkerd's CLI renders for this install and Helm's {@code template} does
   * not (the charts render it only when {@code .Release.Service} is {@code CLI}): for the control
   * plane with Linkerd's labels ({@code linkerd.io/is-control-plane}, {@code
   * config.linkerd.io/admission-webhooks: disabled}, {@code linkerd.io/control-plane-ns}, {@code
   * pod-security.kubernetes.io/enforce}) and {@code linkerd.io/inject: disabled}; for viz with
   * {@code linkerd.io/extension: viz} (and the external Prometheus annotation). {@link
   * Installer#apply} creates it before the namespaced objects.
   *
   * @return the Namespace, empty for the CRDs
   */
  public Optional<Manifest> namespaceObject() {
    return Optional.ofNullable(namespaceObject);
  }

  /**
   * What was rendered.
   *
   * @return the component
   */
  public LinkerdInstall.Component component() {
    return component;
  }

  /**
   * The manifests, in Helm's install order.
   *
   * @return the manifests (the issuer Secret holds the issuer key)
   */
  public List<Manifest> manifests() {
    return manifests;
  }

  /**
   * The values of the rendered {@code linkerd-config} ConfigMap ({@code data.values}): the values
   * Linkerd's checks and upgrades read back from the cluster.
   *
   * @return the values; empty when no {@code linkerd-config} was rendered (CRDs, viz)
   */
  public Optional<HelmValues> linkerdConfigValues() {
    return Optional.ofNullable(configValues);
  }

  /**
   * Warnings about the values: identity material expiring within the checks' horizon.
   *
   * @return the warnings, empty when there are none
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The manifests of one kind, in order.
   *
   * @param kind e.g. {@code Deployment}
   * @return the manifests of that kind
   */
  public List<Manifest> ofKind(String kind) {
    return manifests.stream().filter(m -> m.kind().filter(kind::equals).isPresent()).toList();
  }

  /** Returns the component and the number of manifests; never any value. */
  @Override
  public String toString() {
    return "RenderedInstall["
        + component
        + ", "
        + manifests.size()
        + " manifests, "
        + warnings.size()
        + " warnings]";
  }
}
