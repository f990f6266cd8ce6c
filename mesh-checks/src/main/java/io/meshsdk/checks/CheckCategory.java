package io.meshsdk.checks;

import java.util.Optional;

/**
 * The categories of Linkerd's checks, in the fixed order in which {@code linkerd check} runs them
 * ({@code allCategories()} at linkerd2 b24cd40), followed by the two categories of the viz
 * extension.
 *
 * <p>Whatever categories a run enables, they always run in this order.
 */
public enum CheckCategory {
  /** Whether the Kubernetes API can be reached. */
  KUBERNETES_API("kubernetes-api"),
  /** Whether the cluster runs a Kubernetes version Linkerd supports. */
  KUBERNETES_VERSION("kubernetes-version"),
  /** Whether the Gateway API CRDs are installed. */
  GATEWAY_API_CRD("gateway-api-crd"),
  /** The pre-install checks ({@code linkerd check --pre}). */
  PRE_KUBERNETES_SETUP("pre-kubernetes-setup"),
  /** The CRD checks ({@code linkerd check --crds}). */
  LINKERD_CRD("linkerd-crd"),
  /** The control plane's configuration, pods and cluster networks. */
  LINKERD_EXISTENCE("linkerd-existence"),
  /** The control plane's cluster objects. */
  LINKERD_CONFIG("linkerd-config"),
  /** The CNI plugin, when CNI is enabled. */
  LINKERD_CNI_PLUGIN("linkerd-cni-plugin"),
  /** The trust anchors and the issuer certificate. */
  LINKERD_IDENTITY("linkerd-identity"),
  /** The webhook certificates. */
  LINKERD_WEBHOOKS_AND_APISVC_TLS("linkerd-webhooks-and-apisvc-tls"),
  /** Whether the data-plane proxies trust the current anchors ({@code --proxy}). */
  LINKERD_IDENTITY_DATA_PLANE("linkerd-identity-data-plane"),
  /** Whether the CLI is up to date. */
  LINKERD_VERSION("linkerd-version"),
  /** Whether the control plane is up to date and matches the CLI. */
  CONTROL_PLANE_VERSION("control-plane-version"),
  /** The control plane's proxies. */
  LINKERD_CONTROL_PLANE_PROXY("linkerd-control-plane-proxy"),
  /** The data-plane proxies, labels, annotations and opaque ports ({@code --proxy}). */
  LINKERD_DATA_PLANE("linkerd-data-plane"),
  /** Replica counts of a high-availability control plane. */
  LINKERD_HA_CHECKS("linkerd-ha-checks"),
  /** The {@code linkerd.io/extension} namespace labels. */
  LINKERD_EXTENSION_CHECKS("linkerd-extension-checks"),
  /** The viz extension ({@code linkerd viz check}). */
  LINKERD_VIZ("linkerd-viz"),
  /** The viz extension's data-plane checks ({@code linkerd viz check --proxy}). */
  LINKERD_VIZ_DATA_PLANE("linkerd-viz-data-plane");

  private final String id;

  CheckCategory(String id) {
    this.id = id;
  }

  /**
   * The category ID Linkerd prints as the header.
   *
   * @return e.g. {@code linkerd-identity}
   */
  public String id() {
    return id;
  }

  /**
   * Finds a category by its ID.
   *
   * @param id e.g. {@code linkerd-config}
   * @return the category, or empty when the ID is unknown
   */
  public static Optional<CheckCategory> byId(String id) {
    for (CheckCategory c : values()) {
      if (c.id.equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
