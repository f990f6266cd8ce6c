package io.meshsdk.checks;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The modes of {@code linkerd check}: which categories run, and whether extensions follow.
 *
 * <p>The categories of each preset are Linkerd's at b24cd40. {@link #CORE} and {@link #PROXY} run
 * the extension checks after the core categories (the viz checks for a namespace labelled {@code
 * linkerd.io/extension=viz}, a warning for any other extension label); the others do not.
 */
public enum Preset {
  /** {@code linkerd check --pre}: the pre-install checks. */
  PRE(
      EnumSet.of(
          CheckCategory.KUBERNETES_API,
          CheckCategory.KUBERNETES_VERSION,
          CheckCategory.GATEWAY_API_CRD,
          CheckCategory.PRE_KUBERNETES_SETUP,
          CheckCategory.LINKERD_VERSION),
      false),
  /** {@code linkerd check --crds}: the CRD checks. */
  CRDS(
      EnumSet.of(
          CheckCategory.KUBERNETES_API,
          CheckCategory.KUBERNETES_VERSION,
          CheckCategory.GATEWAY_API_CRD,
          CheckCategory.LINKERD_CRD,
          CheckCategory.LINKERD_VERSION),
      false),
  /** {@code linkerd check}: the control plane, then the extensions. */
  CORE(
      EnumSet.of(
          CheckCategory.KUBERNETES_API,
          CheckCategory.KUBERNETES_VERSION,
          CheckCategory.GATEWAY_API_CRD,
          CheckCategory.LINKERD_EXISTENCE,
          CheckCategory.LINKERD_CONFIG,
          CheckCategory.LINKERD_CNI_PLUGIN,
          CheckCategory.LINKERD_IDENTITY,
          CheckCategory.LINKERD_WEBHOOKS_AND_APISVC_TLS,
          CheckCategory.LINKERD_VERSION,
          CheckCategory.CONTROL_PLANE_VERSION,
          CheckCategory.LINKERD_CONTROL_PLANE_PROXY,
          CheckCategory.LINKERD_HA_CHECKS,
          CheckCategory.LINKERD_EXTENSION_CHECKS),
      true),
  /**
   * {@code linkerd check --proxy}: {@link #CORE} plus the data-plane categories, minus {@code
   * control-plane-version} and {@code linkerd-extension-checks}; extensions run with {@code
   * --proxy}.
   */
  PROXY(
      EnumSet.of(
          CheckCategory.KUBERNETES_API,
          CheckCategory.KUBERNETES_VERSION,
          CheckCategory.GATEWAY_API_CRD,
          CheckCategory.LINKERD_EXISTENCE,
          CheckCategory.LINKERD_CONFIG,
          CheckCategory.LINKERD_CNI_PLUGIN,
          CheckCategory.LINKERD_IDENTITY,
          CheckCategory.LINKERD_WEBHOOKS_AND_APISVC_TLS,
          CheckCategory.LINKERD_IDENTITY_DATA_PLANE,
          CheckCategory.LINKERD_VERSION,
          CheckCategory.LINKERD_CONTROL_PLANE_PROXY,
          CheckCategory.LINKERD_DATA_PLANE,
          CheckCategory.LINKERD_HA_CHECKS),
      true),
  /** {@code linkerd viz check}: the viz extension alone. */
  VIZ(EnumSet.of(CheckCategory.LINKERD_VIZ), false),
  /** {@code linkerd viz check --proxy}: the viz extension and its data-plane checks. */
  VIZ_PROXY(EnumSet.of(CheckCategory.LINKERD_VIZ, CheckCategory.LINKERD_VIZ_DATA_PLANE), false);

  private final Set<CheckCategory> categories;
  private final boolean extensions;

  Preset(EnumSet<CheckCategory> categories, boolean extensions) {
    this.categories = Collections.unmodifiableSet(categories);
    this.extensions = extensions;
  }

  /**
   * The categories this preset enables (they run in {@link CheckCategory} order).
   *
   * @return an unmodifiable set
   */
  public Set<CheckCategory> categories() {
    return categories;
  }

  /**
   * Whether the extension checks run after the core categories.
   *
   * @return true for {@link #CORE} and {@link #PROXY}
   */
  public boolean runsExtensions() {
    return extensions;
  }

  /**
   * Whether this preset checks the data plane ({@code --proxy}).
   *
   * @return true for {@link #PROXY} and {@link #VIZ_PROXY}
   */
  public boolean proxy() {
    return this == PROXY || this == VIZ_PROXY;
  }
}
