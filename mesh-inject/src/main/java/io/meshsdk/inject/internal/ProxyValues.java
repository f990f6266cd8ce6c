package io.meshsdk.inject.internal;

import static io.meshsdk.core.linkerd.internal.ProxySetting.*;

import io.meshsdk.core.linkerd.LinkerdValues;
import io.meshsdk.core.linkerd.internal.ProxySetting;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesException;
import java.util.List;
import java.util.Map;

/**
 * The part of Linkerd's typed {@code Values} struct that injection uses, read once from a Helm
 * values tree. Mutable only while a per-pod copy is being overridden ({@link #copy()}); instances
 * held by an injector are never changed after construction.
 *
 * <p>Missing keys take Go's zero values (Linkerd's chart defaults are expected underneath).
 */
public final class ProxyValues implements Cloneable {
  /** The value of every {@link ProxySetting}, by ordinal. */
  private Object[] settings = new Object[ProxySetting.values().length];

  // per pod, not from values
  String podInboundPorts = "";
  List<String> capabilitiesAdd;
  List<String> capabilitiesDrop;
  Map<String, Object> saMount;

  private ProxyValues() {}

  /**
   * Reads the values injection needs.
   *
   * @param values the values (chart defaults and user layers coalesced)
   * @return the typed snapshot
   * @throws ValuesException naming the value path when a value has the wrong type
   */
  public static ProxyValues from(HelmValues values) {
    return from(LinkerdValues.of(values));
  }

  /**
   * Reads the values injection needs: every {@link ProxySetting}, as {@link LinkerdValues} types
   * it.
   *
   * @param values the values (chart defaults and user layers coalesced)
   * @return the typed snapshot
   * @throws ValuesException naming the value path when a value has the wrong type
   */
  public static ProxyValues from(LinkerdValues values) {
    ProxyValues v = new ProxyValues();
    for (ProxySetting s : ProxySetting.values()) {
      v.settings[s.ordinal()] = s.read(values.raw());
    }
    return v;
  }

  /**
   * A setting's value.
   *
   * @param s the setting
   * @return its value ({@link ProxySetting#read} says which type)
   */
  public Object get(ProxySetting s) {
    return settings[s.ordinal()];
  }

  /**
   * Changes a setting of this (per-pod) copy.
   *
   * @param s the setting
   * @param value a value of the setting's type
   * @throws IllegalArgumentException when the value does not have the setting's type
   */
  public void set(ProxySetting s, Object value) {
    if (value == null || !typeOf(s).isInstance(value)) {
      throw new IllegalArgumentException(s.path() + ": not a " + typeOf(s).getSimpleName());
    }
    settings[s.ordinal()] = value;
  }

  private static Class<?> typeOf(ProxySetting s) {
    switch (s.type()) {
      case TEXT:
        return String.class;
      case BOOL:
        return Boolean.class;
      case PORT:
      case INT64:
        return Long.class;
      case FLOAT64:
        return Double.class;
      case MAP:
      case STRING_MAP:
        return Map.class;
      default:
        return List.class;
    }
  }

  String text(ProxySetting s) {
    return (String) get(s);
  }

  long num(ProxySetting s) {
    return (Long) get(s);
  }

  boolean is(ProxySetting s) {
    return (Boolean) get(s);
  }

  double float64(ProxySetting s) {
    return (Double) get(s);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(ProxySetting s) {
    return (Map<String, Object>) get(s);
  }

  @SuppressWarnings("unchecked")
  Map<String, String> stringMap(ProxySetting s) {
    return (Map<String, String>) get(s);
  }

  @SuppressWarnings("unchecked")
  List<Object> list(ProxySetting s) {
    return (List<Object>) get(s);
  }

  /**
   * A copy to override per pod.
   *
   * @return the copy (fields are values or immutable collections, so a shallow copy suffices)
   */
  public ProxyValues copy() {
    try {
      ProxyValues c = (ProxyValues) clone();
      c.settings = settings.clone();
      return c;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A value that proxy injection needs but the values leave empty.
   *
   * @param path the values path
   * @param problem what is missing, in Linkerd's words where Linkerd has them
   * @param example an example {@code --set*} argument that sets it
   */
  public record Missing(String path, String problem, String example) {
    /**
     * The message: the problem, the path and how to set it.
     *
     * @return one line
     */
    public String message() {
      return problem + ": " + path + " is empty (set it with " + example + ")";
    }
  }

  /**
   * The values proxy injection cannot do without, that these values leave empty (Linkerd's template
   * would render {@code image: ':'} or fail every document).
   *
   * @param debugSidecar whether the debug container is rendered too
   * @return the missing values, in the order checked; empty when all are present
   */
  public List<Missing> missingForProxy(boolean debugSidecar) {
    List<Missing> out = new java.util.ArrayList<>();
    if (text(IDENTITY_TRUST_ANCHORS_PEM).isBlank()) {
      out.add(
          new Missing(
              IDENTITY_TRUST_ANCHORS_PEM.path(),
              "Please provide the identity trust anchors",
              "--set-file identityTrustAnchorsPEM=ca.crt"));
    }
    if (text(PROXY_IMAGE_NAME).isEmpty()) {
      out.add(
          new Missing(
              PROXY_IMAGE_NAME.path(),
              "the proxy image name is missing",
              "--set proxy.image.name=cr.l5d.io/linkerd/proxy"));
    }
    if (proxyVersion().isEmpty()) {
      out.add(
          new Missing(
              PROXY_IMAGE_VERSION.path(),
              "the proxy image version is missing (nor is" + " linkerdVersion set)",
              "--set proxy.image.version=<linkerd version>"));
    }
    if (debugSidecar && text(DEBUG_IMAGE_NAME).isEmpty()) {
      out.add(
          new Missing(
              DEBUG_IMAGE_NAME.path(),
              "the debug image name is missing",
              "--set debugContainer.image.name=cr.l5d.io/linkerd/debug"));
    }
    if (debugSidecar && text(DEBUG_IMAGE_VERSION).isEmpty() && text(LINKERD_VERSION).isEmpty()) {
      out.add(
          new Missing(
              DEBUG_IMAGE_VERSION.path(),
              "the debug image version is missing (nor" + " is linkerdVersion set)",
              "--set debugContainer.image.version=<linkerd version>"));
    }
    return out;
  }

  /** The proxy image tag: {@code proxy.image.version}, else {@code linkerdVersion}. */
  String proxyVersion() {
    return text(PROXY_IMAGE_VERSION).isEmpty() ? text(LINKERD_VERSION) : text(PROXY_IMAGE_VERSION);
  }

  String proxyImage() {
    return text(PROXY_IMAGE_NAME) + ":" + proxyVersion();
  }

  String proxyPullPolicy() {
    return text(PROXY_IMAGE_PULL_POLICY).isEmpty()
        ? text(IMAGE_PULL_POLICY)
        : text(PROXY_IMAGE_PULL_POLICY);
  }

  String trustDomain() {
    return text(IDENTITY_TRUST_DOMAIN).isEmpty()
        ? text(CLUSTER_DOMAIN)
        : text(IDENTITY_TRUST_DOMAIN);
  }
}
