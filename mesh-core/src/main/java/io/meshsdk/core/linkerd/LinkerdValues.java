package io.meshsdk.core.linkerd;

import io.meshsdk.core.linkerd.internal.ProxySetting;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A typed, read-only view of Linkerd control-plane values, read as Linkerd's own {@code Values}
 * type reads them.
 *
 * <p>Build it over complete values: {@link #defaults()}, or the result of {@link
 * LinkerdChart#valuesBuilder()}. A key that is missing (or null) reads as the zero value Linkerd's
 * Go type gives it ({@code ""}, {@code false}, {@code 0}), except where Linkerd itself falls back:
 * {@link #identityTrustDomain()} to the cluster domain, image versions to {@link
 * #linkerdVersion()}, image pull policies to {@link #imagePullPolicy()}. A value of the wrong type
 * (a map where a string belongs, a string where a boolean belongs) is a {@link ValuesException}
 * naming the key. Any other field can be read through {@link #raw()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinkerdValues {
  private final HelmValues values;

  private LinkerdValues(HelmValues values) {
    this.values = Objects.requireNonNull(values, "values");
  }

  /**
   * The {@code linkerd-control-plane} defaults Mesh SDK carries ({@link LinkerdChart#defaults()}).
   *
   * @return the default values
   */
  public static LinkerdValues defaults() {
    return new LinkerdValues(LinkerdChart.CONTROL_PLANE.defaults());
  }

  /**
   * A view over the given values.
   *
   * @param values complete control-plane values
   * @return the view
   */
  public static LinkerdValues of(HelmValues values) {
    return new LinkerdValues(values);
  }

  /**
   * The underlying values, for any field without a typed accessor.
   *
   * @return the values
   */
  public HelmValues raw() {
    return values;
  }

  private String str(String path) {
    return values.getString(path).orElse("");
  }

  private boolean bool(String path) {
    return values.getBoolean(path).orElse(false);
  }

  private long lng(String path) {
    return values.getLong(path).orElse(0);
  }

  private String text(ProxySetting s) {
    return s.text(values);
  }

  private boolean bool(ProxySetting s) {
    return s.bool(values);
  }

  private long number(ProxySetting s) {
    return s.number(values);
  }

  private int port(ProxySetting s) {
    return (int) s.number(values); // PORT settings are read as 32-bit integers
  }

  /**
   * {@code linkerdVersion}: the control-plane version, default version of every image.
   *
   * @return e.g. {@code edge-26.8.3}
   */
  public String linkerdVersion() {
    return text(ProxySetting.LINKERD_VERSION);
  }

  /**
   * {@code clusterDomain}.
   *
   * @return e.g. {@code cluster.local}
   */
  public String clusterDomain() {
    return text(ProxySetting.CLUSTER_DOMAIN);
  }

  /**
   * {@code clusterNetworks} as written: comma-separated CIDRs.
   *
   * @return e.g. {@code 10.0.0.0/8,100.64.0.0/10,…}
   */
  public String clusterNetworks() {
    return text(ProxySetting.CLUSTER_NETWORKS);
  }

  /**
   * {@code clusterNetworks} split at commas, blanks trimmed, empty entries dropped.
   *
   * @return the CIDRs
   */
  public List<String> clusterNetworkList() {
    return Arrays.stream(clusterNetworks().split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * {@code identityTrustAnchorsPEM}: the trust roots (empty in the chart defaults; required at
   * install).
   *
   * @return the PEM text
   */
  public String identityTrustAnchorsPEM() {
    return text(ProxySetting.IDENTITY_TRUST_ANCHORS_PEM);
  }

  /**
   * {@code identityTrustDomain}, or {@link #clusterDomain()} when empty (as the chart does).
   *
   * @return the trust domain
   */
  public String identityTrustDomain() {
    String td = text(ProxySetting.IDENTITY_TRUST_DOMAIN);
    return td.isEmpty() ? clusterDomain() : td;
  }

  /**
   * {@code cniEnabled}: the CNI plugin replaces proxy-init.
   *
   * @return whether CNI is enabled
   */
  public boolean cniEnabled() {
    return bool(ProxySetting.CNI_ENABLED);
  }

  /**
   * {@code imagePullPolicy}: the default pull policy of every image.
   *
   * @return e.g. {@code IfNotPresent}
   */
  public String imagePullPolicy() {
    return text(ProxySetting.IMAGE_PULL_POLICY);
  }

  /**
   * {@code disableIPv6}.
   *
   * @return whether IPv6 routing through the proxy is off (the default)
   */
  public boolean disableIPv6() {
    return bool(ProxySetting.DISABLE_IPV6);
  }

  /**
   * {@code highAvailability} (set by the HA overlay; read by {@code linkerd check}).
   *
   * @return whether the values are HA values
   */
  public boolean highAvailability() {
    return bool("highAvailability");
  }

  /**
   * {@code controllerReplicas}.
   *
   * @return 1 by default, 3 with the HA overlay
   */
  public long controllerReplicas() {
    return lng("controllerReplicas");
  }

  /**
   * {@code controllerImage} with {@code controllerImageVersion}, or {@link #linkerdVersion()}.
   *
   * @return e.g. {@code cr.l5d.io/linkerd/controller:edge-26.8.3}
   */
  public String controllerImageReference() {
    String v = str("controllerImageVersion");
    return str("controllerImage") + ":" + (v.isEmpty() ? linkerdVersion() : v);
  }

  /**
   * The {@code proxy} section.
   *
   * @return the proxy view
   */
  public Proxy proxy() {
    return new Proxy();
  }

  /**
   * The {@code proxyInit} section.
   *
   * @return the proxy-init view
   */
  public ProxyInit proxyInit() {
    return new ProxyInit();
  }

  /**
   * The {@code identity} section.
   *
   * @return the identity view
   */
  public Identity identity() {
    return new Identity();
  }

  /**
   * {@code debugContainer.image}: the debug sidecar image.
   *
   * @return the image view
   */
  public Image debugContainerImage() {
    return new Image(
        ProxySetting.DEBUG_IMAGE_NAME,
        ProxySetting.DEBUG_IMAGE_VERSION,
        ProxySetting.DEBUG_IMAGE_PULL_POLICY);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkerdValues l && values.equals(l.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "LinkerdValues[" + linkerdVersion() + "]";
  }

  /** An image: {@code name}, {@code version}, {@code pullPolicy} under a path. */
  public final class Image {
    private final ProxySetting name;
    private final ProxySetting version;
    private final ProxySetting pullPolicy;

    private Image(ProxySetting name, ProxySetting version, ProxySetting pullPolicy) {
      this.name = name;
      this.version = version;
      this.pullPolicy = pullPolicy;
    }

    /**
     * The image name without tag.
     *
     * @return e.g. {@code cr.l5d.io/linkerd/proxy}
     */
    public String name() {
      return text(name);
    }

    /**
     * The configured tag, possibly empty.
     *
     * @return the {@code version} value
     */
    public String version() {
      return text(version);
    }

    /**
     * The tag in effect: {@link #version()}, or {@code linkerdVersion} when empty.
     *
     * @return the tag
     */
    public String effectiveVersion() {
      String v = version();
      return v.isEmpty() ? linkerdVersion() : v;
    }

    /**
     * The configured pull policy, possibly empty.
     *
     * @return the {@code pullPolicy} value
     */
    public String pullPolicy() {
      return text(pullPolicy);
    }

    /**
     * The pull policy in effect: {@link #pullPolicy()}, or {@code imagePullPolicy} when empty.
     *
     * @return the pull policy
     */
    public String effectivePullPolicy() {
      String p = pullPolicy();
      return p.isEmpty() ? imagePullPolicy() : p;
    }

    /**
     * {@code name:effectiveVersion}.
     *
     * @return the image reference
     */
    public String reference() {
      return name() + ":" + effectiveVersion();
    }
  }

  /** Resource requests and limits: {@code cpu}, {@code memory}, {@code ephemeral-storage}. */
  public final class Resources {
    private Resources() {}

    /**
     * {@code cpu.request}.
     *
     * @return the quantity text, possibly empty
     */
    public String cpuRequest() {
      return text(ProxySetting.CPU_REQUEST);
    }

    /**
     * {@code cpu.limit}.
     *
     * @return the quantity text, possibly empty
     */
    public String cpuLimit() {
      return text(ProxySetting.CPU_LIMIT);
    }

    /**
     * {@code memory.request}.
     *
     * @return the quantity text, possibly empty
     */
    public String memoryRequest() {
      return text(ProxySetting.MEMORY_REQUEST);
    }

    /**
     * {@code memory.limit}.
     *
     * @return the quantity text, possibly empty
     */
    public String memoryLimit() {
      return text(ProxySetting.MEMORY_LIMIT);
    }

    /**
     * {@code ephemeral-storage.request}.
     *
     * @return the quantity text, possibly empty
     */
    public String ephemeralStorageRequest() {
      return text(ProxySetting.EPHEMERAL_REQUEST);
    }

    /**
     * {@code ephemeral-storage.limit}.
     *
     * @return the quantity text, possibly empty
     */
    public String ephemeralStorageLimit() {
      return text(ProxySetting.EPHEMERAL_LIMIT);
    }
  }

  /** The {@code proxy} section. */
  public final class Proxy {
    private Proxy() {}

    /**
     * {@code proxy.image}.
     *
     * @return the proxy image
     */
    public Image image() {
      return new Image(
          ProxySetting.PROXY_IMAGE_NAME,
          ProxySetting.PROXY_IMAGE_VERSION,
          ProxySetting.PROXY_IMAGE_PULL_POLICY);
    }

    /**
     * {@code proxy.ports.admin}.
     *
     * @return 4191 by default
     */
    public int adminPort() {
      return port(ProxySetting.ADMIN_PORT);
    }

    /**
     * {@code proxy.ports.control}.
     *
     * @return 4190 by default
     */
    public int controlPort() {
      return port(ProxySetting.CONTROL_PORT);
    }

    /**
     * {@code proxy.ports.inbound}.
     *
     * @return 4143 by default
     */
    public int inboundPort() {
      return port(ProxySetting.INBOUND_PORT);
    }

    /**
     * {@code proxy.ports.outbound}.
     *
     * @return 4140 by default
     */
    public int outboundPort() {
      return port(ProxySetting.OUTBOUND_PORT);
    }

    /**
     * {@code proxy.uid}.
     *
     * @return 2102 by default
     */
    public long uid() {
      return number(ProxySetting.UID);
    }

    /**
     * {@code proxy.gid}; negative means "not set".
     *
     * @return -1 by default
     */
    public long gid() {
      return number(ProxySetting.GID);
    }

    /**
     * {@code proxy.logLevel}.
     *
     * @return e.g. {@code warn,linkerd=info,hickory=error}
     */
    public String logLevel() {
      return text(ProxySetting.LOG_LEVEL);
    }

    /**
     * {@code proxy.logFormat}.
     *
     * @return {@code plain} or {@code json}
     */
    public String logFormat() {
      return text(ProxySetting.LOG_FORMAT);
    }

    /**
     * {@code proxy.logHTTPHeaders}.
     *
     * @return {@code off} or {@code insecure}
     */
    public String logHttpHeaders() {
      return text(ProxySetting.LOG_HTTP_HEADERS);
    }

    /**
     * {@code proxy.await}: the application waits for the proxy.
     *
     * @return true by default
     */
    public boolean await() {
      return bool(ProxySetting.AWAIT);
    }

    /**
     * {@code proxy.nativeSidecar}: the proxy runs as a native sidecar (init container with {@code
     * restartPolicy: Always}).
     *
     * @return true by default
     */
    public boolean nativeSidecar() {
      return bool(ProxySetting.NATIVE_SIDECAR);
    }

    /**
     * {@code proxy.opaquePorts}.
     *
     * @return comma-separated ports
     */
    public String opaquePorts() {
      return text(ProxySetting.OPAQUE_PORTS);
    }

    /**
     * {@code proxy.resources}.
     *
     * @return the proxy's resources
     */
    public Resources resources() {
      return new Resources();
    }

    /**
     * {@code proxy.enableExternalProfiles}.
     *
     * @return false by default
     */
    public boolean enableExternalProfiles() {
      return bool(ProxySetting.ENABLE_EXTERNAL_PROFILES);
    }

    /**
     * {@code proxy.isIngress} (no default; set by ingress-mode injection).
     *
     * @return false unless set
     */
    public boolean isIngress() {
      return bool(ProxySetting.INGRESS);
    }

    /**
     * {@code proxy.accessLog} (no default): {@code apache} or {@code json}.
     *
     * @return the access log format, empty when off
     */
    public String accessLog() {
      return text(ProxySetting.ACCESS_LOG);
    }

    /**
     * {@code proxy.requireIdentityOnInboundPorts}.
     *
     * @return comma-separated ports, possibly empty
     */
    public String requireIdentityOnInboundPorts() {
      return text(ProxySetting.REQUIRE_IDENTITY_ON_INBOUND_PORTS);
    }

    /**
     * {@code proxy.defaultInboundPolicy}.
     *
     * @return e.g. {@code all-unauthenticated}
     */
    public String defaultInboundPolicy() {
      return text(ProxySetting.DEFAULT_INBOUND_POLICY);
    }

    /**
     * {@code proxy.outboundConnectTimeout}.
     *
     * @return e.g. {@code 1000ms}
     */
    public String outboundConnectTimeout() {
      return text(ProxySetting.OUTBOUND_CONNECT_TIMEOUT);
    }

    /**
     * {@code proxy.inboundConnectTimeout}.
     *
     * @return e.g. {@code 100ms}
     */
    public String inboundConnectTimeout() {
      return text(ProxySetting.INBOUND_CONNECT_TIMEOUT);
    }

    /**
     * {@code proxy.shutdownGracePeriod}.
     *
     * @return a duration, possibly empty
     */
    public String shutdownGracePeriod() {
      return text(ProxySetting.SHUTDOWN_GRACE_PERIOD);
    }

    /**
     * {@code proxy.waitBeforeExitSeconds} (ignored with native sidecars).
     *
     * @return 0 by default
     */
    public long waitBeforeExitSeconds() {
      return number(ProxySetting.WAIT_BEFORE_EXIT_SECONDS);
    }

    /**
     * {@code proxy.enableShutdownEndpoint}.
     *
     * @return false by default
     */
    public boolean enableShutdownEndpoint() {
      return bool(ProxySetting.ENABLE_SHUTDOWN_ENDPOINT);
    }

    /**
     * {@code proxy.cores} (deprecated; null by default).
     *
     * @return the core count, or empty
     */
    public OptionalLong cores() {
      return values.getLong(ProxySetting.CORES.path());
    }

    /**
     * {@code proxy.runtime.workers.minimum}.
     *
     * @return 1 by default
     */
    public long runtimeWorkersMinimum() {
      return number(ProxySetting.WORKERS_MINIMUM);
    }

    /**
     * {@code proxy.runtime.workers.maximumCPURatio} (null by default).
     *
     * @return the ratio, or empty
     */
    public OptionalDouble runtimeWorkersMaximumCpuRatio() {
      return values.getDouble(ProxySetting.WORKERS_MAXIMUM_CPU_RATIO.path());
    }

    /**
     * {@code proxy.securityContext}: replaces the proxy's generated security context when not
     * empty.
     *
     * @return the map (empty by default)
     */
    public Map<String, Object> securityContext() {
      @SuppressWarnings("unchecked")
      Map<String, Object> m =
          (Map<String, Object>) ProxySetting.PROXY_SECURITY_CONTEXT.read(values);
      return m;
    }

    /**
     * {@code proxy.additionalEnv}: extra environment entries (Kubernetes {@code EnvVar} maps).
     *
     * @return the entries (none by default)
     */
    public List<Object> additionalEnv() {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) ProxySetting.ADDITIONAL_ENV.read(values);
      return l;
    }

    /**
     * {@code proxy.tracing.enabled}.
     *
     * @return false by default
     */
    public boolean tracingEnabled() {
      return bool(ProxySetting.TRACING_ENABLED);
    }
  }

  /** The {@code proxyInit} section. */
  public final class ProxyInit {
    private ProxyInit() {}

    /**
     * {@code proxyInit.iptablesMode}.
     *
     * @return {@code nft} (default) or {@code legacy}
     */
    public String iptablesMode() {
      return text(ProxySetting.IPTABLES_MODE);
    }

    /**
     * {@code proxyInit.ignoreInboundPorts}.
     *
     * @return comma-separated ports and ranges
     */
    public String ignoreInboundPorts() {
      return text(ProxySetting.IGNORE_INBOUND_PORTS);
    }

    /**
     * {@code proxyInit.ignoreOutboundPorts}.
     *
     * @return comma-separated ports and ranges
     */
    public String ignoreOutboundPorts() {
      return text(ProxySetting.IGNORE_OUTBOUND_PORTS);
    }

    /**
     * {@code proxyInit.kubeAPIServerPorts}.
     *
     * @return comma-separated ports
     */
    public String kubeApiServerPorts() {
      return str("proxyInit.kubeAPIServerPorts");
    }

    /**
     * {@code proxyInit.skipSubnets}.
     *
     * @return comma-separated CIDRs, possibly empty
     */
    public String skipSubnets() {
      return text(ProxySetting.SKIP_SUBNETS);
    }

    /**
     * {@code proxyInit.logLevel}.
     *
     * @return the level, empty for proxy-init's default
     */
    public String logLevel() {
      return text(ProxySetting.INIT_LOG_LEVEL);
    }

    /**
     * {@code proxyInit.logFormat}.
     *
     * @return the format, empty for proxy-init's default
     */
    public String logFormat() {
      return text(ProxySetting.INIT_LOG_FORMAT);
    }

    /**
     * {@code proxyInit.closeWaitTimeoutSecs} (needs {@link #runAsRoot()}).
     *
     * @return 0 by default
     */
    public long closeWaitTimeoutSecs() {
      return number(ProxySetting.CLOSE_WAIT_TIMEOUT_SECS);
    }

    /**
     * {@code proxyInit.privileged}.
     *
     * @return false by default
     */
    public boolean privileged() {
      return bool(ProxySetting.INIT_PRIVILEGED);
    }

    /**
     * {@code proxyInit.runAsRoot}.
     *
     * @return false by default (true in stable-2.11)
     */
    public boolean runAsRoot() {
      return bool(ProxySetting.RUN_AS_ROOT);
    }

    /**
     * {@code proxyInit.runAsUser} (used when not running as root).
     *
     * @return 65534 by default
     */
    public long runAsUser() {
      return number(ProxySetting.INIT_RUN_AS_USER);
    }

    /**
     * {@code proxyInit.runAsGroup} (used when not running as root).
     *
     * @return 65534 by default
     */
    public long runAsGroup() {
      return number(ProxySetting.INIT_RUN_AS_GROUP);
    }

    /**
     * {@code proxyInit.xtMountPath.mountPath}.
     *
     * @return {@code /run} by default
     */
    public String xtMountPath() {
      return text(ProxySetting.XT_MOUNT_PATH);
    }

    /**
     * {@code proxyInit.xtMountPath.name}.
     *
     * @return {@code linkerd-proxy-init-xtables-lock} by default
     */
    public String xtMountName() {
      return text(ProxySetting.XT_MOUNT_NAME);
    }
  }

  /** The {@code identity} section. */
  public final class Identity {
    private Identity() {}

    /**
     * {@code identity.externalCA}.
     *
     * @return whether the trust roots config map is managed outside Linkerd
     */
    public boolean externalCA() {
      return bool("identity.externalCA");
    }

    /**
     * {@code identity.serviceAccountTokenProjection}.
     *
     * @return true by default
     */
    public boolean serviceAccountTokenProjection() {
      return bool(ProxySetting.TOKEN_PROJECTION);
    }

    /**
     * {@code identity.issuer.scheme}.
     *
     * @return {@code linkerd.io/tls} (default) or {@code kubernetes.io/tls}
     */
    public String issuerScheme() {
      return str("identity.issuer.scheme");
    }

    /**
     * {@code identity.issuer.clockSkewAllowance}.
     *
     * @return e.g. {@code 20s}
     */
    public String issuerClockSkewAllowance() {
      return str("identity.issuer.clockSkewAllowance");
    }

    /**
     * {@code identity.issuer.issuanceLifetime}.
     *
     * @return e.g. {@code 24h0m0s}
     */
    public String issuerIssuanceLifetime() {
      return str("identity.issuer.issuanceLifetime");
    }

    /**
     * {@code identity.issuer.tls.crtPEM}.
     *
     * @return the issuer certificate PEM, possibly empty
     */
    public String issuerCertificatePEM() {
      return str("identity.issuer.tls.crtPEM");
    }

    /**
     * {@code identity.issuer.tls.keyPEM}. Secret material: do not log it.
     *
     * @return the issuer key PEM, possibly empty
     */
    public String issuerKeyPEM() {
      return str("identity.issuer.tls.keyPEM");
    }
  }
}
