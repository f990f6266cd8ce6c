package io.meshsdk.core.linkerd;

import java.util.List;

/**
 * Linkerd's well-known names: namespaces, labels, annotations, container, volume and configuration
 * object names, as Linkerd {@code edge-26.8.3} uses them.
 */
public final class LinkerdNames {
  private LinkerdNames() {}

  // ---------------------------------------------------------------- namespaces

  /** The control plane's default namespace. */
  public static final String NAMESPACE = "linkerd";

  /** The viz extension's default namespace. */
  public static final String VIZ_NAMESPACE = "linkerd-viz";

  /** The CNI plugin's default namespace. */
  public static final String CNI_NAMESPACE = "linkerd-cni";

  /** The jaeger extension's default namespace. */
  public static final String JAEGER_NAMESPACE = "linkerd-jaeger";

  /** The multicluster extension's default namespace. */
  public static final String MULTICLUSTER_NAMESPACE = "linkerd-multicluster";

  /** The namespace that holds egress configuration for all workloads. */
  public static final String EGRESS_NAMESPACE = "linkerd-egress";

  // ---------------------------------------------------------------- prefixes

  /** Prefix of Linkerd's own labels and annotations. */
  public static final String PREFIX = "linkerd.io";

  /** Prefix of the proxy configuration annotations ({@code config.linkerd.io/}). */
  public static final String CONFIG_ANNOTATION_PREFIX = "config.linkerd.io/";

  /** Prefix of beta configuration annotations ({@code config.beta.linkerd.io/}). */
  public static final String CONFIG_BETA_ANNOTATION_PREFIX = "config.beta.linkerd.io/";

  /** Prefix of alpha configuration annotations ({@code config.alpha.linkerd.io/}). */
  public static final String CONFIG_ALPHA_ANNOTATION_PREFIX = "config.alpha.linkerd.io/";

  /**
   * The native-sidecar annotation under its three prefixes, in precedence order: {@code
   * config.linkerd.io/} beats {@code config.beta.linkerd.io/}, which beats {@code
   * config.alpha.linkerd.io/}.
   */
  public static final List<String> NATIVE_SIDECAR_ANNOTATIONS =
      List.of(
          "config.linkerd.io/proxy-enable-native-sidecar",
          "config.beta.linkerd.io/proxy-enable-native-sidecar",
          "config.alpha.linkerd.io/proxy-enable-native-sidecar");

  // ---------------------------------------------------------------- labels

  /** Label on control-plane pods naming their component. */
  public static final String CONTROL_PLANE_COMPONENT_LABEL = "linkerd.io/control-plane-component";

  /** Label naming the control-plane namespace of a meshed pod. */
  public static final String CONTROL_PLANE_NS_LABEL = "linkerd.io/control-plane-ns";

  /** Label with the namespace of the injected workload. */
  public static final String WORKLOAD_NS_LABEL = "linkerd.io/workload-ns";

  /** Prefix of the owner labels set by injection, e.g. {@code linkerd.io/proxy-deployment}. */
  public static final String PROXY_OWNER_LABEL_PREFIX = "linkerd.io/proxy-";

  /** Label on extension namespaces, e.g. {@code linkerd.io/extension: viz}. */
  public static final String EXTENSION_LABEL = "linkerd.io/extension";

  /** Label marking the control-plane namespace. */
  public static final String IS_CONTROL_PLANE_LABEL = "linkerd.io/is-control-plane";

  /** Label on CNI resources. */
  public static final String CNI_RESOURCE_LABEL = "linkerd.io/cni-resource";

  /** Namespace label that turns the admission webhooks off ({@code disabled}). */
  public static final String ADMISSION_WEBHOOKS_LABEL = "config.linkerd.io/admission-webhooks";

  // ---------------------------------------------------------------- annotations

  /** The injection annotation: {@code enabled}, {@code disabled} or {@code ingress}. */
  public static final String INJECT_ANNOTATION = "linkerd.io/inject";

  /** {@link #INJECT_ANNOTATION} value that asks for injection. */
  public static final String INJECT_ENABLED = "enabled";

  /** {@link #INJECT_ANNOTATION} value that forbids injection. */
  public static final String INJECT_DISABLED = "disabled";

  /** {@link #INJECT_ANNOTATION} value that injects in ingress mode. */
  public static final String INJECT_INGRESS = "ingress";

  /** Annotation naming the tool that injected the pod, e.g. {@code linkerd/cli edge-26.8.3}. */
  public static final String CREATED_BY_ANNOTATION = "linkerd.io/created-by";

  /** Annotation with the injected proxy's version. */
  public static final String PROXY_VERSION_ANNOTATION = "linkerd.io/proxy-version";

  /** Annotation with the SHA-256 of the trust anchors the proxy was injected with. */
  public static final String TRUST_ROOT_SHA256_ANNOTATION = "linkerd.io/trust-root-sha256";

  /** Annotation with the identity mode (legacy). */
  public static final String IDENTITY_MODE_ANNOTATION = "linkerd.io/identity-mode";

  /** Namespace annotation of viz when an external Prometheus is used. */
  public static final String VIZ_EXTERNAL_PROMETHEUS_ANNOTATION =
      "viz.linkerd.io/external-prometheus";

  /** {@code config.linkerd.io/proxy-image}. */
  public static final String PROXY_IMAGE_ANNOTATION = CONFIG_ANNOTATION_PREFIX + "proxy-image";

  /** {@code config.linkerd.io/proxy-version}. */
  public static final String PROXY_VERSION_OVERRIDE_ANNOTATION =
      CONFIG_ANNOTATION_PREFIX + "proxy-version";

  /** {@code config.linkerd.io/image-pull-policy}. */
  public static final String IMAGE_PULL_POLICY_ANNOTATION =
      CONFIG_ANNOTATION_PREFIX + "image-pull-policy";

  /** {@code config.linkerd.io/opaque-ports}. */
  public static final String OPAQUE_PORTS_ANNOTATION = CONFIG_ANNOTATION_PREFIX + "opaque-ports";

  /** {@code config.linkerd.io/skip-inbound-ports}. */
  public static final String SKIP_INBOUND_PORTS_ANNOTATION =
      CONFIG_ANNOTATION_PREFIX + "skip-inbound-ports";

  /** {@code config.linkerd.io/skip-outbound-ports}. */
  public static final String SKIP_OUTBOUND_PORTS_ANNOTATION =
      CONFIG_ANNOTATION_PREFIX + "skip-outbound-ports";

  /** {@code config.linkerd.io/enable-debug-sidecar}. */
  public static final String DEBUG_SIDECAR_ANNOTATION =
      CONFIG_ANNOTATION_PREFIX + "enable-debug-sidecar";

  /** {@code config.linkerd.io/close-wait-timeout}. */
  public static final String CLOSE_WAIT_TIMEOUT_ANNOTATION =
      CONFIG_ANNOTATION_PREFIX + "close-wait-timeout";

  /** {@code config.linkerd.io/default-inbound-policy}. */
  public static final String DEFAULT_INBOUND_POLICY_ANNOTATION =
      CONFIG_ANNOTATION_PREFIX + "default-inbound-policy";

  /** {@code config.alpha.linkerd.io/proxy-wait-before-exit-seconds}. */
  public static final String WAIT_BEFORE_EXIT_SECONDS_ANNOTATION =
      CONFIG_ALPHA_ANNOTATION_PREFIX + "proxy-wait-before-exit-seconds";

  // ---------------------------------------------------------------- containers and volumes

  /** The proxy container. */
  public static final String PROXY_CONTAINER = "linkerd-proxy";

  /** The iptables init container. */
  public static final String INIT_CONTAINER = "linkerd-init";

  /** The CNI network validator init container. */
  public static final String NETWORK_VALIDATOR_CONTAINER = "linkerd-network-validator";

  /** The debug sidecar container. */
  public static final String DEBUG_CONTAINER = "linkerd-debug";

  /** Volume holding the proxy's identity. */
  public static final String IDENTITY_END_ENTITY_VOLUME = "linkerd-identity-end-entity";

  /** Volume holding the projected service-account token. */
  public static final String IDENTITY_TOKEN_VOLUME = "linkerd-identity-token";

  /** Volume for the xtables lock of proxy-init. */
  public static final String XTABLES_LOCK_VOLUME = "linkerd-proxy-init-xtables-lock";

  // ---------------------------------------------------------------- objects

  /** Config map holding the installed values (key {@code values}). */
  public static final String CONFIG_MAP = "linkerd-config";

  /** Secret holding the user's overrides (key {@code linkerd-config-overrides}). */
  public static final String CONFIG_OVERRIDES_SECRET = "linkerd-config-overrides";

  /** Config map with the identity trust roots. */
  public static final String TRUST_ROOTS_CONFIG_MAP = "linkerd-identity-trust-roots";

  /** Secret with the identity issuer certificate and key. */
  public static final String ISSUER_SECRET = "linkerd-identity-issuer";
}
