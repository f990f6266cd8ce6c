package io.meshsdk.inject.internal;

import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of Linkerd's typed {@code Values} struct that injection uses, read once from a Helm
 * values tree. Mutable only while a per-pod copy is being overridden ({@link #copy()}); instances
 * held by an injector are never changed after construction.
 *
 * <p>Missing keys take Go's zero values (Linkerd's chart defaults are expected underneath).
 */
public final class ProxyValues implements Cloneable {
  // globals
  String clusterDomain;
  String clusterNetworks;
  String imagePullPolicy;
  String linkerdVersion;
  String identityTrustAnchorsPem;
  String identityTrustDomain;
  boolean disableIpv6;
  boolean cniEnabled;
  boolean tokenProjection;

  // proxy
  String proxyImageName;
  String proxyImagePullPolicy;
  String proxyImageVersion;
  long adminPort;
  long controlPort;
  long inboundPort;
  long outboundPort;
  long uid;
  long gid;
  String logLevel;
  String logFormat;
  String logHttpHeaders;
  boolean await;
  boolean nativeSidecar;
  long waitBeforeExitSeconds;
  boolean enableShutdownEndpoint;
  boolean enableExternalProfiles;
  boolean isIngress;
  boolean isGateway;
  String opaquePorts;
  String requireIdentityOnInboundPorts;
  String defaultInboundPolicy;
  String shutdownGracePeriod;
  String accessLog;
  String outboundConnectTimeout;
  String inboundConnectTimeout;
  String outboundDiscoveryCacheUnusedTimeout;
  String inboundDiscoveryCacheUnusedTimeout;
  boolean disableOutboundProtocolDetectTimeout;
  boolean disableInboundProtocolDetectTimeout;
  long cores;
  long workersMinimum;
  long workersMaximum;
  double workersMaximumCpuRatio;
  String cpuRequest;
  String cpuLimit;
  String memoryRequest;
  String memoryLimit;
  String ephemeralRequest;
  String ephemeralLimit;
  Map<String, Object> proxySecurityContext;
  long livenessInitialDelay;
  long livenessTimeout;
  long readinessInitialDelay;
  long readinessTimeout;
  long startupInitialDelay;
  long startupPeriod;
  long startupFailureThreshold;
  String streamsInitialTimeout;
  String streamsIdleTimeout;
  String streamsLifetime;
  boolean metricsHostnameLabels;
  boolean tracingEnabled;
  String traceServiceName;
  Map<String, String> tracingLabels;
  String tracingCollectorEndpoint;
  String tracingCollectorSa;
  String tracingCollectorNamespace;
  Map<String, Object> inboundParams;
  Map<String, Object> outboundParams;
  List<Object> additionalEnv;
  List<Object> experimentalEnv;
  // per pod
  String podInboundPorts = "";
  List<String> capabilitiesAdd;
  List<String> capabilitiesDrop;
  Map<String, Object> saMount;

  // proxyInit
  String iptablesMode;
  String ignoreInboundPorts;
  String ignoreOutboundPorts;
  String skipSubnets;
  String initLogLevel;
  String initLogFormat;
  long closeWaitTimeoutSecs;
  boolean initPrivileged;
  boolean runAsRoot;
  long initRunAsUser;
  long initRunAsGroup;
  String xtMountPath;
  String xtMountName;

  // networkValidator
  String validatorLogLevel;
  String validatorLogFormat;
  String validatorConnectAddr;
  String validatorListenAddr;
  String validatorTimeout;
  Map<String, Object> validatorSecurityContext;

  // debugContainer
  String debugImageName;
  String debugImagePullPolicy;
  String debugImageVersion;

  private ProxyValues() {}

  /**
   * Reads the values injection needs.
   *
   * @param values the values (chart defaults and user layers coalesced)
   * @return the typed snapshot
   * @throws ValuesException naming the value path when a value has the wrong type
   */
  public static ProxyValues from(HelmValues values) {
    Reader r = new Reader(values);
    ProxyValues v = new ProxyValues();
    for (ProxySettings.Setting s : ProxySettings.ALL) {
      s.set().accept(v, r.read(s.type(), s.path()));
    }
    v.workersMaximumCpuRatio = r.float64("proxy.runtime.workers.maximumCPURatio");
    v.proxySecurityContext = r.map("proxy.securityContext");
    v.tracingLabels = r.stringMap("proxy.tracing.labels");
    v.inboundParams = r.map("proxy.inbound");
    v.outboundParams = r.map("proxy.outbound");
    v.additionalEnv = r.list("proxy.additionalEnv");
    v.experimentalEnv = r.list("proxy.experimentalEnv");
    v.validatorSecurityContext = r.map("networkValidator.securityContext");
    return v;
  }

  /**
   * A copy to override per pod.
   *
   * @return the copy (fields are values or immutable collections, so a shallow copy suffices)
   */
  public ProxyValues copy() {
    try {
      return (ProxyValues) clone();
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
    if (identityTrustAnchorsPem.isBlank()) {
      out.add(
          new Missing(
              "identityTrustAnchorsPEM",
              "Please provide the identity trust anchors",
              "--set-file identityTrustAnchorsPEM=ca.crt"));
    }
    if (proxyImageName.isEmpty()) {
      out.add(
          new Missing(
              "proxy.image.name",
              "the proxy image name is missing",
              "--set proxy.image.name=cr.l5d.io/linkerd/proxy"));
    }
    if (proxyVersion().isEmpty()) {
      out.add(
          new Missing(
              "proxy.image.version",
              "the proxy image version is missing (nor is" + " linkerdVersion set)",
              "--set proxy.image.version=<linkerd version>"));
    }
    if (debugSidecar && debugImageName.isEmpty()) {
      out.add(
          new Missing(
              "debugContainer.image.name",
              "the debug image name is missing",
              "--set debugContainer.image.name=cr.l5d.io/linkerd/debug"));
    }
    if (debugSidecar && debugImageVersion.isEmpty() && linkerdVersion.isEmpty()) {
      out.add(
          new Missing(
              "debugContainer.image.version",
              "the debug image version is missing (nor" + " is linkerdVersion set)",
              "--set debugContainer.image.version=<linkerd version>"));
    }
    return out;
  }

  /** The proxy image tag: {@code proxy.image.version}, else {@code linkerdVersion}. */
  String proxyVersion() {
    return proxyImageVersion.isEmpty() ? linkerdVersion : proxyImageVersion;
  }

  String proxyImage() {
    return proxyImageName + ":" + proxyVersion();
  }

  String proxyPullPolicy() {
    return proxyImagePullPolicy.isEmpty() ? imagePullPolicy : proxyImagePullPolicy;
  }

  String trustDomain() {
    return identityTrustDomain.isEmpty() ? clusterDomain : identityTrustDomain;
  }

  /**
   * Reads typed values by dotted path with {@link HelmValues}' getters (the types Linkerd's {@code
   * Values} struct accepts), Go's zero values for missing keys.
   */
  private static final class Reader {
    private final HelmValues values;

    Reader(HelmValues values) {
      this.values = values;
    }

    Object read(ProxySettings.Type type, String path) {
      switch (type) {
        case TEXT:
          return str(path);
        case BOOL:
          return bool(path);
        case PORT:
          return int32(path);
        default:
          return int64(path);
      }
    }

    String str(String path) {
      return values.getString(path).orElse("");
    }

    boolean bool(String path) {
      return values.getBoolean(path).orElse(false);
    }

    long int64(String path) {
      return values.getLong(path).orElse(0);
    }

    long int32(String path) {
      long v = int64(path);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new ValuesException(path + " is " + v + ", not a 32-bit integer");
      }
      return v;
    }

    double float64(String path) {
      return values.getDouble(path).orElse(0);
    }

    Map<String, Object> map(String path) {
      return values.getMap(path).filter(m -> !m.isEmpty()).orElse(null);
    }

    List<Object> list(String path) {
      return values.getList(path).filter(l -> !l.isEmpty()).orElse(null);
    }

    Map<String, String> stringMap(String path) {
      Map<String, Object> m = map(path);
      Map<String, String> out = new TreeMap<>();
      if (m != null) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
          String t = Trees.text(e.getValue());
          out.put(e.getKey(), t == null ? "" : t);
        }
      }
      return Collections.unmodifiableMap(out);
    }
  }
}
