package io.meshsdk.core.linkerd.internal;

import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.ValuesException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one table of the Linkerd proxy settings: for each, the Helm values path, the value type (and
 * range), the {@code config.linkerd.io/*} annotation that overrides it per pod and how that
 * annotation is read, the {@code linkerd inject} flag that sets it, and whether Linkerd's {@code
 * getOverrideAnnotations} writes it back as an annotation. {@code LinkerdValues} reads its proxy
 * accessors through it; mesh-inject's proxy values, annotation reader, override annotations and
 * flags loop over it. Only the settings with semantics of their own ({@link Parse#CUSTOM}: CPU with
 * worker counts, port lists, ingress, native-sidecar precedence, …) keep hand-written code there.
 *
 * <p>A setting added here is read from the values, validated and applied from its annotation and
 * flag everywhere without further code (mesh-inject's {@code ProxySettingsTest} checks that).
 */
public enum ProxySetting {
  /** {@code clusterDomain}. */
  CLUSTER_DOMAIN("clusterDomain", Type.TEXT, null, Parse.NONE, null),
  /** {@code clusterNetworks}. */
  CLUSTER_NETWORKS("clusterNetworks", Type.TEXT, null, Parse.NONE, null),
  /** {@code imagePullPolicy}. */
  IMAGE_PULL_POLICY("imagePullPolicy", Type.TEXT, null, Parse.NONE, null),
  /** {@code linkerdVersion}. */
  LINKERD_VERSION("linkerdVersion", Type.TEXT, null, Parse.NONE, null),
  /** {@code identityTrustAnchorsPEM}. */
  IDENTITY_TRUST_ANCHORS_PEM("identityTrustAnchorsPEM", Type.TEXT, null, Parse.NONE, null),
  /** {@code identityTrustDomain}. */
  IDENTITY_TRUST_DOMAIN("identityTrustDomain", Type.TEXT, null, Parse.NONE, null),
  /** {@code disableIPv6}. */
  DISABLE_IPV6("disableIPv6", Type.BOOL, null, Parse.NONE, null),
  /** {@code cniEnabled}. */
  CNI_ENABLED("cniEnabled", Type.BOOL, null, Parse.NONE, null),
  /** {@code identity.serviceAccountTokenProjection}. */
  TOKEN_PROJECTION("identity.serviceAccountTokenProjection", Type.BOOL, null, Parse.NONE, null),
  /** {@code proxy.image.name}. */
  PROXY_IMAGE_NAME(
      "proxy.image.name",
      Type.TEXT,
      c("proxy-image"),
      Parse.TEXT,
      "proxy-image",
      Write.WHEN_CHANGED),
  /** {@code proxy.image.pullPolicy}. */
  PROXY_IMAGE_PULL_POLICY(
      "proxy.image.pullPolicy",
      Type.TEXT,
      c("image-pull-policy"),
      Parse.TEXT,
      null,
      Write.WHEN_CHANGED),
  /** {@code proxy.image.version}. */
  PROXY_IMAGE_VERSION(
      "proxy.image.version",
      Type.TEXT,
      c("proxy-version"),
      Parse.TEXT,
      "proxy-version",
      Write.WHEN_CHANGED),
  /** {@code proxy.ports.admin}. */
  ADMIN_PORT(
      "proxy.ports.admin",
      Type.PORT,
      c("admin-port"),
      Parse.PORT,
      "admin-port",
      Write.WHEN_CHANGED),
  /** {@code proxy.ports.control}. */
  CONTROL_PORT(
      "proxy.ports.control",
      Type.PORT,
      c("control-port"),
      Parse.PORT,
      "control-port",
      Write.WHEN_CHANGED),
  /** {@code proxy.ports.inbound}. */
  INBOUND_PORT(
      "proxy.ports.inbound",
      Type.PORT,
      c("inbound-port"),
      Parse.PORT,
      "inbound-port",
      Write.WHEN_CHANGED),
  /** {@code proxy.ports.outbound}. */
  OUTBOUND_PORT(
      "proxy.ports.outbound",
      Type.PORT,
      c("outbound-port"),
      Parse.PORT,
      "outbound-port",
      Write.WHEN_CHANGED),
  /** {@code proxy.uid}. */
  UID("proxy.uid", Type.INT64, c("proxy-uid"), Parse.INT64, "proxy-uid", Write.WHEN_CHANGED),
  /** {@code proxy.gid}. */
  GID("proxy.gid", Type.INT64, c("proxy-gid"), Parse.INT64, "proxy-gid"),
  /** {@code proxy.logLevel}. */
  LOG_LEVEL(
      "proxy.logLevel",
      Type.TEXT,
      c("proxy-log-level"),
      Parse.TEXT,
      "proxy-log-level",
      Write.WHEN_CHANGED),
  /** {@code proxy.logFormat}. */
  LOG_FORMAT(
      "proxy.logFormat",
      Type.TEXT,
      c("proxy-log-format"),
      Parse.TEXT,
      "proxy-log-format",
      Write.WHEN_CHANGED),
  /** {@code proxy.logHTTPHeaders}. */
  LOG_HTTP_HEADERS(
      "proxy.logHTTPHeaders", Type.TEXT, c("proxy-log-http-headers"), Parse.TEXT, null),
  /** {@code proxy.await}. */
  AWAIT(
      "proxy.await", Type.BOOL, c("proxy-await"), Parse.ENABLED_DISABLED, null, Write.WHEN_CHANGED),
  /** {@code proxy.nativeSidecar}. */
  NATIVE_SIDECAR(
      "proxy.nativeSidecar",
      Type.BOOL,
      c("proxy-enable-native-sidecar"),
      Parse.CUSTOM,
      "native-sidecar",
      Write.WHEN_CHANGED),
  /** {@code proxy.waitBeforeExitSeconds}. */
  WAIT_BEFORE_EXIT_SECONDS(
      "proxy.waitBeforeExitSeconds",
      Type.INT64,
      "config.alpha.linkerd.io/proxy-wait-before-exit-seconds",
      Parse.UINT,
      "wait-before-exit-seconds",
      Write.WHEN_CHANGED),
  /** {@code proxy.enableShutdownEndpoint}. */
  ENABLE_SHUTDOWN_ENDPOINT(
      "proxy.enableShutdownEndpoint",
      Type.BOOL,
      c("proxy-admin-shutdown"),
      Parse.ENABLED_DISABLED,
      null),
  /** {@code proxy.enableExternalProfiles}. */
  ENABLE_EXTERNAL_PROFILES(
      "proxy.enableExternalProfiles",
      Type.BOOL,
      c("enable-external-profiles"),
      Parse.BOOL,
      "enable-external-profiles",
      Write.WHEN_CHANGED),
  /** {@code proxy.isIngress}. */
  INGRESS("proxy.isIngress", Type.BOOL, "linkerd.io/inject", Parse.CUSTOM, "ingress"),
  /** {@code proxy.isGateway}. */
  GATEWAY("proxy.isGateway", Type.BOOL, c("enable-gateway"), Parse.BOOL, null),
  /** {@code proxy.opaquePorts}. */
  OPAQUE_PORTS(
      "proxy.opaquePorts",
      Type.TEXT,
      c("opaque-ports"),
      Parse.CUSTOM,
      "opaque-ports",
      Write.WHEN_CHANGED),
  /** {@code proxy.requireIdentityOnInboundPorts}. */
  REQUIRE_IDENTITY_ON_INBOUND_PORTS(
      "proxy.requireIdentityOnInboundPorts",
      Type.TEXT,
      c("proxy-require-identity-inbound-ports"),
      Parse.TEXT,
      "require-identity-on-inbound-ports",
      Write.WHEN_CHANGED),
  /** {@code proxy.defaultInboundPolicy}. */
  DEFAULT_INBOUND_POLICY(
      "proxy.defaultInboundPolicy",
      Type.TEXT,
      c("default-inbound-policy"),
      Parse.CUSTOM,
      "default-inbound-policy",
      Write.WHEN_CHANGED),
  /** {@code proxy.shutdownGracePeriod}. */
  SHUTDOWN_GRACE_PERIOD(
      "proxy.shutdownGracePeriod",
      Type.TEXT,
      c("shutdown-grace-period"),
      Parse.DURATION_MILLIS,
      null,
      Write.WHEN_CHANGED),
  /** {@code proxy.accessLog}. */
  ACCESS_LOG("proxy.accessLog", Type.TEXT, c("access-log"), Parse.TEXT, null, Write.WHEN_CHANGED),
  /** {@code proxy.outboundConnectTimeout}. */
  OUTBOUND_CONNECT_TIMEOUT(
      "proxy.outboundConnectTimeout",
      Type.TEXT,
      c("proxy-outbound-connect-timeout"),
      Parse.DURATION_MILLIS,
      null),
  /** {@code proxy.inboundConnectTimeout}. */
  INBOUND_CONNECT_TIMEOUT(
      "proxy.inboundConnectTimeout",
      Type.TEXT,
      c("proxy-inbound-connect-timeout"),
      Parse.DURATION_MILLIS,
      null),
  /** {@code proxy.outboundDiscoveryCacheUnusedTimeout}. */
  OUTBOUND_DISCOVERY_CACHE_UNUSED_TIMEOUT(
      "proxy.outboundDiscoveryCacheUnusedTimeout",
      Type.TEXT,
      c("proxy-outbound-discovery-cache-unused-timeout"),
      Parse.DURATION_SECONDS,
      null),
  /** {@code proxy.inboundDiscoveryCacheUnusedTimeout}. */
  INBOUND_DISCOVERY_CACHE_UNUSED_TIMEOUT(
      "proxy.inboundDiscoveryCacheUnusedTimeout",
      Type.TEXT,
      c("proxy-inbound-discovery-cache-unused-timeout"),
      Parse.DURATION_SECONDS,
      null),
  /** {@code proxy.disableOutboundProtocolDetectTimeout}. */
  DISABLE_OUTBOUND_PROTOCOL_DETECT_TIMEOUT(
      "proxy.disableOutboundProtocolDetectTimeout",
      Type.BOOL,
      c("proxy-disable-outbound-protocol-detect-timeout"),
      Parse.BOOL,
      null),
  /** {@code proxy.disableInboundProtocolDetectTimeout}. */
  DISABLE_INBOUND_PROTOCOL_DETECT_TIMEOUT(
      "proxy.disableInboundProtocolDetectTimeout",
      Type.BOOL,
      c("proxy-disable-inbound-protocol-detect-timeout"),
      Parse.BOOL,
      null),
  /** {@code proxy.cores}. */
  CORES("proxy.cores", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.runtime.workers.minimum}. */
  WORKERS_MINIMUM("proxy.runtime.workers.minimum", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.runtime.workers.maximum}. */
  WORKERS_MAXIMUM("proxy.runtime.workers.maximum", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.runtime.workers.maximumCPURatio}. */
  WORKERS_MAXIMUM_CPU_RATIO(
      "proxy.runtime.workers.maximumCPURatio",
      Type.FLOAT64,
      c("proxy-cpu-ratio-limit"),
      Parse.CUSTOM,
      null),
  /** {@code proxy.resources.cpu.request}. */
  CPU_REQUEST(
      "proxy.resources.cpu.request",
      Type.TEXT,
      c("proxy-cpu-request"),
      Parse.CUSTOM,
      "proxy-cpu-request",
      Write.WHEN_CHANGED),
  /** {@code proxy.resources.cpu.limit}. */
  CPU_LIMIT(
      "proxy.resources.cpu.limit",
      Type.TEXT,
      c("proxy-cpu-limit"),
      Parse.CUSTOM,
      "proxy-cpu-limit",
      Write.WHEN_CHANGED),
  /** {@code proxy.resources.memory.request}. */
  MEMORY_REQUEST(
      "proxy.resources.memory.request",
      Type.TEXT,
      c("proxy-memory-request"),
      Parse.QUANTITY,
      "proxy-memory-request",
      Write.WHEN_CHANGED),
  /** {@code proxy.resources.memory.limit}. */
  MEMORY_LIMIT(
      "proxy.resources.memory.limit",
      Type.TEXT,
      c("proxy-memory-limit"),
      Parse.QUANTITY,
      "proxy-memory-limit",
      Write.WHEN_CHANGED),
  /** {@code proxy.resources.ephemeral-storage.request}. */
  EPHEMERAL_REQUEST(
      "proxy.resources.ephemeral-storage.request",
      Type.TEXT,
      c("proxy-ephemeral-storage-request"),
      Parse.QUANTITY,
      null),
  /** {@code proxy.resources.ephemeral-storage.limit}. */
  EPHEMERAL_LIMIT(
      "proxy.resources.ephemeral-storage.limit",
      Type.TEXT,
      c("proxy-ephemeral-storage-limit"),
      Parse.QUANTITY,
      null),
  /** {@code proxy.securityContext}. */
  PROXY_SECURITY_CONTEXT("proxy.securityContext", Type.MAP, null, Parse.NONE, null),
  /** {@code proxy.livenessProbe.initialDelaySeconds}. */
  LIVENESS_INITIAL_DELAY(
      "proxy.livenessProbe.initialDelaySeconds", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.livenessProbe.timeoutSeconds}. */
  LIVENESS_TIMEOUT("proxy.livenessProbe.timeoutSeconds", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.readinessProbe.initialDelaySeconds}. */
  READINESS_INITIAL_DELAY(
      "proxy.readinessProbe.initialDelaySeconds", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.readinessProbe.timeoutSeconds}. */
  READINESS_TIMEOUT("proxy.readinessProbe.timeoutSeconds", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.startupProbe.initialDelaySeconds}. */
  STARTUP_INITIAL_DELAY(
      "proxy.startupProbe.initialDelaySeconds", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.startupProbe.periodSeconds}. */
  STARTUP_PERIOD("proxy.startupProbe.periodSeconds", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.startupProbe.failureThreshold}. */
  STARTUP_FAILURE_THRESHOLD(
      "proxy.startupProbe.failureThreshold", Type.INT64, null, Parse.NONE, null),
  /** {@code proxy.control.streams.initialTimeout}. */
  STREAMS_INITIAL_TIMEOUT(
      "proxy.control.streams.initialTimeout", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxy.control.streams.idleTimeout}. */
  STREAMS_IDLE_TIMEOUT("proxy.control.streams.idleTimeout", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxy.control.streams.lifetime}. */
  STREAMS_LIFETIME("proxy.control.streams.lifetime", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxy.metrics.hostnameLabels}. */
  METRICS_HOSTNAME_LABELS(
      "proxy.metrics.hostnameLabels",
      Type.BOOL,
      c("proxy-metrics-hostname-labels"),
      Parse.BOOL,
      null,
      Write.WHEN_CHANGED),
  /** {@code proxy.tracing.enabled}. */
  TRACING_ENABLED("proxy.tracing.enabled", Type.BOOL, null, Parse.NONE, null),
  /** {@code proxy.tracing.traceServiceName}. */
  TRACE_SERVICE_NAME("proxy.tracing.traceServiceName", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxy.tracing.labels}. */
  TRACING_LABELS("proxy.tracing.labels", Type.STRING_MAP, null, Parse.NONE, null),
  /** {@code proxy.tracing.collector.endpoint}. */
  TRACING_COLLECTOR_ENDPOINT("proxy.tracing.collector.endpoint", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxy.tracing.collector.meshIdentity.serviceAccountName}. */
  TRACING_COLLECTOR_SA(
      "proxy.tracing.collector.meshIdentity.serviceAccountName", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxy.tracing.collector.meshIdentity.namespace}. */
  TRACING_COLLECTOR_NAMESPACE(
      "proxy.tracing.collector.meshIdentity.namespace", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxy.inbound}. */
  INBOUND_PARAMS("proxy.inbound", Type.MAP, null, Parse.NONE, null),
  /** {@code proxy.outbound}. */
  OUTBOUND_PARAMS("proxy.outbound", Type.MAP, null, Parse.NONE, null),
  /** {@code proxy.additionalEnv}. */
  ADDITIONAL_ENV("proxy.additionalEnv", Type.LIST, c("proxy-additional-env"), Parse.CUSTOM, null),
  /** {@code proxy.experimentalEnv}. */
  EXPERIMENTAL_ENV("proxy.experimentalEnv", Type.LIST, null, Parse.NONE, null),
  /** {@code proxyInit.iptablesMode}. */
  IPTABLES_MODE("proxyInit.iptablesMode", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxyInit.ignoreInboundPorts}. */
  IGNORE_INBOUND_PORTS(
      "proxyInit.ignoreInboundPorts",
      Type.TEXT,
      c("skip-inbound-ports"),
      Parse.CUSTOM,
      "skip-inbound-ports",
      Write.WHEN_CHANGED),
  /** {@code proxyInit.ignoreOutboundPorts}. */
  IGNORE_OUTBOUND_PORTS(
      "proxyInit.ignoreOutboundPorts",
      Type.TEXT,
      c("skip-outbound-ports"),
      Parse.CUSTOM,
      "skip-outbound-ports",
      Write.WHEN_CHANGED),
  /** {@code proxyInit.skipSubnets}. */
  SKIP_SUBNETS("proxyInit.skipSubnets", Type.TEXT, c("skip-subnets"), Parse.CUSTOM, null),
  /** {@code proxyInit.logLevel}. */
  INIT_LOG_LEVEL("proxyInit.logLevel", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxyInit.logFormat}. */
  INIT_LOG_FORMAT("proxyInit.logFormat", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxyInit.closeWaitTimeoutSecs}. */
  CLOSE_WAIT_TIMEOUT_SECS(
      "proxyInit.closeWaitTimeoutSecs", Type.INT64, c("close-wait-timeout"), Parse.CUSTOM, null),
  /** {@code proxyInit.privileged}. */
  INIT_PRIVILEGED("proxyInit.privileged", Type.BOOL, null, Parse.NONE, null),
  /** {@code proxyInit.runAsRoot}. */
  RUN_AS_ROOT("proxyInit.runAsRoot", Type.BOOL, null, Parse.NONE, null),
  /** {@code proxyInit.runAsUser}. */
  INIT_RUN_AS_USER("proxyInit.runAsUser", Type.INT64, null, Parse.NONE, null),
  /** {@code proxyInit.runAsGroup}. */
  INIT_RUN_AS_GROUP("proxyInit.runAsGroup", Type.INT64, null, Parse.NONE, null),
  /** {@code proxyInit.xtMountPath.mountPath}. */
  XT_MOUNT_PATH("proxyInit.xtMountPath.mountPath", Type.TEXT, null, Parse.NONE, null),
  /** {@code proxyInit.xtMountPath.name}. */
  XT_MOUNT_NAME("proxyInit.xtMountPath.name", Type.TEXT, null, Parse.NONE, null),
  /** {@code networkValidator.logLevel}. */
  VALIDATOR_LOG_LEVEL("networkValidator.logLevel", Type.TEXT, null, Parse.NONE, null),
  /** {@code networkValidator.logFormat}. */
  VALIDATOR_LOG_FORMAT("networkValidator.logFormat", Type.TEXT, null, Parse.NONE, null),
  /** {@code networkValidator.connectAddr}. */
  VALIDATOR_CONNECT_ADDR("networkValidator.connectAddr", Type.TEXT, null, Parse.NONE, null),
  /** {@code networkValidator.listenAddr}. */
  VALIDATOR_LISTEN_ADDR("networkValidator.listenAddr", Type.TEXT, null, Parse.NONE, null),
  /** {@code networkValidator.timeout}. */
  VALIDATOR_TIMEOUT("networkValidator.timeout", Type.TEXT, null, Parse.NONE, null),
  /** {@code networkValidator.securityContext}. */
  VALIDATOR_SECURITY_CONTEXT("networkValidator.securityContext", Type.MAP, null, Parse.NONE, null),
  /** {@code debugContainer.image.name}. */
  DEBUG_IMAGE_NAME(
      "debugContainer.image.name",
      Type.TEXT,
      c("debug-image"),
      Parse.TEXT,
      null,
      Write.WHEN_CHANGED),
  /** {@code debugContainer.image.pullPolicy}. */
  DEBUG_IMAGE_PULL_POLICY(
      "debugContainer.image.pullPolicy", Type.TEXT, c("debug-image-pull-policy"), Parse.TEXT, null),
  /** {@code debugContainer.image.version}. */
  DEBUG_IMAGE_VERSION(
      "debugContainer.image.version",
      Type.TEXT,
      c("debug-image-version"),
      Parse.TEXT,
      null,
      Write.WHEN_CHANGED);

  /** The value type, as Linkerd's {@code Values} struct holds it. */
  public enum Type {
    /** A string (Go's zero value: ""). */
    TEXT(0, 0),
    /** A boolean. */
    BOOL(0, 0),
    /** A port: a 32-bit integer in values, 0 to 65535 for the flags. */
    PORT(0, 65535),
    /** A 64-bit integer. */
    INT64(Long.MIN_VALUE, Long.MAX_VALUE),
    /** A 64-bit float. */
    FLOAT64(0, 0),
    /** A map (Go's zero value: empty). */
    MAP(0, 0),
    /** A map of strings, sorted by key. */
    STRING_MAP(0, 0),
    /** A list (Go's zero value: empty). */
    LIST(0, 0);

    private final long min;
    private final long max;

    Type(long min, long max) {
      this.min = min;
      this.max = max;
    }

    /**
     * The smallest value a flag accepts (integers).
     *
     * @return the minimum
     */
    public long min() {
      return min;
    }

    /**
     * The largest value a flag accepts (integers).
     *
     * @return the maximum
     */
    public long max() {
      return max;
    }
  }

  /** How the per-pod annotation's text is read. */
  public enum Parse {
    /** No annotation. */
    NONE,
    /** The text as it is. */
    TEXT,
    /** A port number (Go's 32-bit {@code ParseInt}). */
    PORT,
    /** A 64-bit integer. */
    INT64,
    /** A whole number, not negative. */
    UINT,
    /** Go's {@code ParseBool}. */
    BOOL,
    /** {@code enabled} or {@code disabled}. */
    ENABLED_DISABLED,
    /** A Go duration, kept as whole milliseconds ({@code 1500ms}). */
    DURATION_MILLIS,
    /** A Go duration, kept as whole seconds ({@code 90s}). */
    DURATION_SECONDS,
    /** A Kubernetes quantity, kept as written. */
    QUANTITY,
    /** Semantics of their own, written out by the annotation reader. */
    CUSTOM
  }

  /** Whether Linkerd's {@code getOverrideAnnotations} writes the setting back as its annotation. */
  public enum Write {
    /** Never (or by a rule of its own). */
    NEVER,
    /** When the injection-time value differs from the installed one. */
    WHEN_CHANGED
  }

  private static final Map<String, ProxySetting> BY_FLAG;
  private static final Map<String, ProxySetting> BY_ANNOTATION;

  static {
    Map<String, ProxySetting> flags = new LinkedHashMap<>();
    Map<String, ProxySetting> annotations = new LinkedHashMap<>();
    for (ProxySetting s : values()) {
      s.flag().ifPresent(f -> flags.put(f, s));
      s.annotation().ifPresent(a -> annotations.put(a, s));
    }
    BY_FLAG = Collections.unmodifiableMap(flags);
    BY_ANNOTATION = Collections.unmodifiableMap(annotations);
  }

  private final String path;
  private final Type type;
  private final String annotation;
  private final Parse parse;
  private final String flag;
  private final Write write;

  ProxySetting(String path, Type type, String annotation, Parse parse, String flag) {
    this(path, type, annotation, parse, flag, Write.NEVER);
  }

  ProxySetting(String path, Type type, String annotation, Parse parse, String flag, Write write) {
    this.path = path;
    this.type = type;
    this.annotation = annotation;
    this.parse = parse;
    this.flag = flag;
    this.write = write;
  }

  private static String c(String name) {
    return LinkerdNames.CONFIG_ANNOTATION_PREFIX + name;
  }

  /**
   * The Helm values path.
   *
   * @return e.g. {@code proxy.ports.admin}
   */
  public String path() {
    return path;
  }

  /**
   * The value type.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The per-pod annotation.
   *
   * @return e.g. {@code config.linkerd.io/admin-port}; empty when no annotation sets it
   */
  public Optional<String> annotation() {
    return Optional.ofNullable(annotation);
  }

  /**
   * How the annotation is read.
   *
   * @return {@link Parse#NONE} when there is no annotation
   */
  public Parse parse() {
    return parse;
  }

  /**
   * The {@code linkerd inject} flag without dashes.
   *
   * @return e.g. {@code admin-port}; empty when no flag sets it
   */
  public Optional<String> flag() {
    return Optional.ofNullable(flag);
  }

  /**
   * Whether {@code getOverrideAnnotations} writes it when it differs from the installed value.
   *
   * @return the rule
   */
  public Write write() {
    return write;
  }

  /**
   * The settings a {@code linkerd inject} flag sets, by flag name.
   *
   * @return flag name to setting, in table order
   */
  public static Map<String, ProxySetting> byFlag() {
    return BY_FLAG;
  }

  /**
   * The settings a per-pod annotation sets, by annotation.
   *
   * @return annotation to setting, in table order
   */
  public static Map<String, ProxySetting> byAnnotation() {
    return BY_ANNOTATION;
  }

  /**
   * Reads the setting from values as Linkerd's typed {@code Values} struct does: a missing (or
   * null) key is Go's zero value ({@code ""}, {@code false}, {@code 0}, an empty map or list).
   *
   * @param values the values
   * @return a {@code String}, {@code Boolean}, {@code Long} ({@link Type#PORT} and {@link
   *     Type#INT64}), {@code Double}, unmodifiable {@code Map} or unmodifiable {@code List}
   * @throws ValuesException naming the path when the value has the wrong type or range
   */
  public Object read(HelmValues values) {
    switch (type) {
      case TEXT:
        return values.getString(path).orElse("");
      case BOOL:
        return values.getBoolean(path).orElse(false);
      case PORT:
        long v = values.getLong(path).orElse(0);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw new ValuesException(path + " is " + v + ", not a 32-bit integer");
        }
        return v;
      case INT64:
        return values.getLong(path).orElse(0);
      case FLOAT64:
        return values.getDouble(path).orElse(0);
      case MAP:
        return values.getMap(path).orElse(Map.of());
      case STRING_MAP:
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : values.getMap(path).orElse(Map.of()).entrySet()) {
          Object x = e.getValue();
          out.put(
              e.getKey(), x == null || x instanceof Map || x instanceof List ? "" : x.toString());
        }
        return Collections.unmodifiableMap(out);
      case LIST:
        return values.getList(path).orElse(List.of());
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * Reads a {@link Type#TEXT} setting.
   *
   * @param values the values
   * @return the text, "" when missing
   */
  public String text(HelmValues values) {
    return (String) read(values);
  }

  /**
   * Reads a {@link Type#BOOL} setting.
   *
   * @param values the values
   * @return the value, false when missing
   */
  public boolean bool(HelmValues values) {
    return (Boolean) read(values);
  }

  /**
   * Reads a {@link Type#PORT} or {@link Type#INT64} setting.
   *
   * @param values the values
   * @return the value, 0 when missing
   */
  public long number(HelmValues values) {
    return (Long) read(values);
  }
}
