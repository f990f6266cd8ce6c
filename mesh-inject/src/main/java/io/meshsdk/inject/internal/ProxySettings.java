package io.meshsdk.inject.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one table of Linkerd's proxy settings that injection reads: for each, the Helm values path,
 * the value type (and range), the {@code config.linkerd.io/*} annotation that overrides it per pod,
 * how that annotation is parsed, the {@code linkerd inject} flag that sets it, and whether
 * Linkerd's {@code getOverrideAnnotations} writes it back as an annotation. {@link
 * ProxyValues#from}, {@link AnnotationOverrides}, {@link OverrideAnnotations} and {@link
 * LinkerdFlags} loop over it; only the settings with semantics of their own ({@link Parse#CUSTOM}:
 * CPU with worker counts, port lists, ingress, native-sidecar precedence, …) keep hand-written code
 * there.
 */
public final class ProxySettings {

  /** The value type, as Linkerd's {@code Values} struct holds it. */
  public enum Type {
    /** A string (Go's zero value: ""). */
    TEXT(0, 0),
    /** A boolean. */
    BOOL(0, 0),
    /** A port: a 32-bit integer in values, 0 to 65535 for the flags. */
    PORT(0, 65535),
    /** A 64-bit integer. */
    INT64(Long.MIN_VALUE, Long.MAX_VALUE);

    /** The smallest value a flag accepts (integers). */
    final long min;

    /** The largest value a flag accepts (integers). */
    final long max;

    Type(long min, long max) {
      this.min = min;
      this.max = max;
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
    /** Semantics of their own, written out in {@link AnnotationOverrides}. */
    CUSTOM
  }

  /**
   * One setting.
   *
   * @param path the Helm values path
   * @param type the value type
   * @param annotation the per-pod annotation, or null
   * @param parse how the annotation is read
   * @param flag the {@code linkerd inject} flag without dashes, or null
   * @param overrideAnnotation whether {@code getOverrideAnnotations} writes it when it differs from
   *     the installed value
   * @param get reads the field of {@link ProxyValues}
   * @param set writes the field of {@link ProxyValues}
   */
  public record Setting(
      String path,
      Type type,
      String annotation,
      Parse parse,
      String flag,
      boolean overrideAnnotation,
      Function<ProxyValues, Object> get,
      BiConsumer<ProxyValues, Object> set) {

    /** The value as annotation text: {@code enabled}/{@code disabled} where that is the form. */
    String text(ProxyValues v) {
      Object x = get.apply(v);
      if (parse == Parse.ENABLED_DISABLED) {
        return Boolean.TRUE.equals(x) ? "enabled" : "disabled";
      }
      return Objects.toString(x);
    }
  }

  /** Every setting, in the order {@link ProxyValues#from} reads them. */
  public static final List<Setting> ALL =
      List.of(
          s(
              "clusterDomain",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.clusterDomain,
              (v, x) -> v.clusterDomain = (String) x),
          s(
              "clusterNetworks",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.clusterNetworks,
              (v, x) -> v.clusterNetworks = (String) x),
          s(
              "imagePullPolicy",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.imagePullPolicy,
              (v, x) -> v.imagePullPolicy = (String) x),
          s(
              "linkerdVersion",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.linkerdVersion,
              (v, x) -> v.linkerdVersion = (String) x),
          s(
              "identityTrustAnchorsPEM",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.identityTrustAnchorsPem,
              (v, x) -> v.identityTrustAnchorsPem = (String) x),
          s(
              "identityTrustDomain",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.identityTrustDomain,
              (v, x) -> v.identityTrustDomain = (String) x),
          s(
              "disableIPv6",
              Type.BOOL,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.disableIpv6,
              (v, x) -> v.disableIpv6 = (Boolean) x),
          s(
              "cniEnabled",
              Type.BOOL,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.cniEnabled,
              (v, x) -> v.cniEnabled = (Boolean) x),
          s(
              "identity.serviceAccountTokenProjection",
              Type.BOOL,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.tokenProjection,
              (v, x) -> v.tokenProjection = (Boolean) x),
          s(
              "proxy.image.name",
              Type.TEXT,
              Names.PROXY_IMAGE,
              Parse.TEXT,
              "proxy-image",
              true,
              v -> v.proxyImageName,
              (v, x) -> v.proxyImageName = (String) x),
          s(
              "proxy.image.pullPolicy",
              Type.TEXT,
              Names.IMAGE_PULL_POLICY,
              Parse.TEXT,
              null,
              true,
              v -> v.proxyImagePullPolicy,
              (v, x) -> v.proxyImagePullPolicy = (String) x),
          s(
              "proxy.image.version",
              Type.TEXT,
              Names.PROXY_VERSION_OVERRIDE,
              Parse.TEXT,
              "proxy-version",
              true,
              v -> v.proxyImageVersion,
              (v, x) -> v.proxyImageVersion = (String) x),
          s(
              "proxy.ports.admin",
              Type.PORT,
              Names.ADMIN_PORT,
              Parse.PORT,
              "admin-port",
              true,
              v -> v.adminPort,
              (v, x) -> v.adminPort = (Long) x),
          s(
              "proxy.ports.control",
              Type.PORT,
              Names.CONTROL_PORT,
              Parse.PORT,
              "control-port",
              true,
              v -> v.controlPort,
              (v, x) -> v.controlPort = (Long) x),
          s(
              "proxy.ports.inbound",
              Type.PORT,
              Names.INBOUND_PORT,
              Parse.PORT,
              "inbound-port",
              true,
              v -> v.inboundPort,
              (v, x) -> v.inboundPort = (Long) x),
          s(
              "proxy.ports.outbound",
              Type.PORT,
              Names.OUTBOUND_PORT,
              Parse.PORT,
              "outbound-port",
              true,
              v -> v.outboundPort,
              (v, x) -> v.outboundPort = (Long) x),
          s(
              "proxy.uid",
              Type.INT64,
              Names.PROXY_UID,
              Parse.INT64,
              "proxy-uid",
              true,
              v -> v.uid,
              (v, x) -> v.uid = (Long) x),
          s(
              "proxy.gid",
              Type.INT64,
              Names.PROXY_GID,
              Parse.INT64,
              "proxy-gid",
              false,
              v -> v.gid,
              (v, x) -> v.gid = (Long) x),
          s(
              "proxy.logLevel",
              Type.TEXT,
              Names.LOG_LEVEL,
              Parse.TEXT,
              "proxy-log-level",
              true,
              v -> v.logLevel,
              (v, x) -> v.logLevel = (String) x),
          s(
              "proxy.logFormat",
              Type.TEXT,
              Names.LOG_FORMAT,
              Parse.TEXT,
              "proxy-log-format",
              true,
              v -> v.logFormat,
              (v, x) -> v.logFormat = (String) x),
          s(
              "proxy.logHTTPHeaders",
              Type.TEXT,
              Names.LOG_HTTP_HEADERS,
              Parse.TEXT,
              null,
              false,
              v -> v.logHttpHeaders,
              (v, x) -> v.logHttpHeaders = (String) x),
          s(
              "proxy.await",
              Type.BOOL,
              Names.PROXY_AWAIT,
              Parse.ENABLED_DISABLED,
              null,
              true,
              v -> v.await,
              (v, x) -> v.await = (Boolean) x),
          s(
              "proxy.nativeSidecar",
              Type.BOOL,
              Names.NATIVE_SIDECAR,
              Parse.CUSTOM,
              "native-sidecar",
              true,
              v -> v.nativeSidecar,
              (v, x) -> v.nativeSidecar = (Boolean) x),
          s(
              "proxy.waitBeforeExitSeconds",
              Type.INT64,
              Names.WAIT_BEFORE_EXIT,
              Parse.UINT,
              "wait-before-exit-seconds",
              true,
              v -> v.waitBeforeExitSeconds,
              (v, x) -> v.waitBeforeExitSeconds = (Long) x),
          s(
              "proxy.enableShutdownEndpoint",
              Type.BOOL,
              Names.ADMIN_SHUTDOWN,
              Parse.ENABLED_DISABLED,
              null,
              false,
              v -> v.enableShutdownEndpoint,
              (v, x) -> v.enableShutdownEndpoint = (Boolean) x),
          s(
              "proxy.enableExternalProfiles",
              Type.BOOL,
              Names.EXTERNAL_PROFILES,
              Parse.BOOL,
              "enable-external-profiles",
              true,
              v -> v.enableExternalProfiles,
              (v, x) -> v.enableExternalProfiles = (Boolean) x),
          s(
              "proxy.isIngress",
              Type.BOOL,
              Names.INJECT,
              Parse.CUSTOM,
              "ingress",
              false,
              v -> v.isIngress,
              (v, x) -> v.isIngress = (Boolean) x),
          s(
              "proxy.isGateway",
              Type.BOOL,
              Names.ENABLE_GATEWAY,
              Parse.BOOL,
              null,
              false,
              v -> v.isGateway,
              (v, x) -> v.isGateway = (Boolean) x),
          s(
              "proxy.opaquePorts",
              Type.TEXT,
              Names.OPAQUE_PORTS,
              Parse.CUSTOM,
              "opaque-ports",
              true,
              v -> v.opaquePorts,
              (v, x) -> v.opaquePorts = (String) x),
          s(
              "proxy.requireIdentityOnInboundPorts",
              Type.TEXT,
              Names.REQUIRE_IDENTITY,
              Parse.TEXT,
              "require-identity-on-inbound-ports",
              true,
              v -> v.requireIdentityOnInboundPorts,
              (v, x) -> v.requireIdentityOnInboundPorts = (String) x),
          s(
              "proxy.defaultInboundPolicy",
              Type.TEXT,
              Names.DEFAULT_INBOUND_POLICY,
              Parse.CUSTOM,
              "default-inbound-policy",
              true,
              v -> v.defaultInboundPolicy,
              (v, x) -> v.defaultInboundPolicy = (String) x),
          s(
              "proxy.shutdownGracePeriod",
              Type.TEXT,
              Names.SHUTDOWN_GRACE_PERIOD,
              Parse.DURATION_MILLIS,
              null,
              true,
              v -> v.shutdownGracePeriod,
              (v, x) -> v.shutdownGracePeriod = (String) x),
          s(
              "proxy.accessLog",
              Type.TEXT,
              Names.ACCESS_LOG,
              Parse.TEXT,
              null,
              true,
              v -> v.accessLog,
              (v, x) -> v.accessLog = (String) x),
          s(
              "proxy.outboundConnectTimeout",
              Type.TEXT,
              Names.OUTBOUND_CONNECT_TIMEOUT,
              Parse.DURATION_MILLIS,
              null,
              false,
              v -> v.outboundConnectTimeout,
              (v, x) -> v.outboundConnectTimeout = (String) x),
          s(
              "proxy.inboundConnectTimeout",
              Type.TEXT,
              Names.INBOUND_CONNECT_TIMEOUT,
              Parse.DURATION_MILLIS,
              null,
              false,
              v -> v.inboundConnectTimeout,
              (v, x) -> v.inboundConnectTimeout = (String) x),
          s(
              "proxy.outboundDiscoveryCacheUnusedTimeout",
              Type.TEXT,
              Names.OUTBOUND_DISCOVERY_TIMEOUT,
              Parse.DURATION_SECONDS,
              null,
              false,
              v -> v.outboundDiscoveryCacheUnusedTimeout,
              (v, x) -> v.outboundDiscoveryCacheUnusedTimeout = (String) x),
          s(
              "proxy.inboundDiscoveryCacheUnusedTimeout",
              Type.TEXT,
              Names.INBOUND_DISCOVERY_TIMEOUT,
              Parse.DURATION_SECONDS,
              null,
              false,
              v -> v.inboundDiscoveryCacheUnusedTimeout,
              (v, x) -> v.inboundDiscoveryCacheUnusedTimeout = (String) x),
          s(
              "proxy.disableOutboundProtocolDetectTimeout",
              Type.BOOL,
              Names.DISABLE_OUTBOUND_DETECT_TIMEOUT,
              Parse.BOOL,
              null,
              false,
              v -> v.disableOutboundProtocolDetectTimeout,
              (v, x) -> v.disableOutboundProtocolDetectTimeout = (Boolean) x),
          s(
              "proxy.disableInboundProtocolDetectTimeout",
              Type.BOOL,
              Names.DISABLE_INBOUND_DETECT_TIMEOUT,
              Parse.BOOL,
              null,
              false,
              v -> v.disableInboundProtocolDetectTimeout,
              (v, x) -> v.disableInboundProtocolDetectTimeout = (Boolean) x),
          s(
              "proxy.cores",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.cores,
              (v, x) -> v.cores = (Long) x),
          s(
              "proxy.runtime.workers.minimum",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.workersMinimum,
              (v, x) -> v.workersMinimum = (Long) x),
          s(
              "proxy.runtime.workers.maximum",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.workersMaximum,
              (v, x) -> v.workersMaximum = (Long) x),
          s(
              "proxy.resources.cpu.request",
              Type.TEXT,
              Names.CPU_REQUEST,
              Parse.CUSTOM,
              null,
              true,
              v -> v.cpuRequest,
              (v, x) -> v.cpuRequest = (String) x),
          s(
              "proxy.resources.cpu.limit",
              Type.TEXT,
              Names.CPU_LIMIT,
              Parse.CUSTOM,
              null,
              true,
              v -> v.cpuLimit,
              (v, x) -> v.cpuLimit = (String) x),
          s(
              "proxy.resources.memory.request",
              Type.TEXT,
              Names.MEMORY_REQUEST,
              Parse.QUANTITY,
              "proxy-memory-request",
              true,
              v -> v.memoryRequest,
              (v, x) -> v.memoryRequest = (String) x),
          s(
              "proxy.resources.memory.limit",
              Type.TEXT,
              Names.MEMORY_LIMIT,
              Parse.QUANTITY,
              "proxy-memory-limit",
              true,
              v -> v.memoryLimit,
              (v, x) -> v.memoryLimit = (String) x),
          s(
              "proxy.resources.ephemeral-storage.request",
              Type.TEXT,
              Names.EPHEMERAL_REQUEST,
              Parse.QUANTITY,
              null,
              false,
              v -> v.ephemeralRequest,
              (v, x) -> v.ephemeralRequest = (String) x),
          s(
              "proxy.resources.ephemeral-storage.limit",
              Type.TEXT,
              Names.EPHEMERAL_LIMIT,
              Parse.QUANTITY,
              null,
              false,
              v -> v.ephemeralLimit,
              (v, x) -> v.ephemeralLimit = (String) x),
          s(
              "proxy.livenessProbe.initialDelaySeconds",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.livenessInitialDelay,
              (v, x) -> v.livenessInitialDelay = (Long) x),
          s(
              "proxy.livenessProbe.timeoutSeconds",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.livenessTimeout,
              (v, x) -> v.livenessTimeout = (Long) x),
          s(
              "proxy.readinessProbe.initialDelaySeconds",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.readinessInitialDelay,
              (v, x) -> v.readinessInitialDelay = (Long) x),
          s(
              "proxy.readinessProbe.timeoutSeconds",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.readinessTimeout,
              (v, x) -> v.readinessTimeout = (Long) x),
          s(
              "proxy.startupProbe.initialDelaySeconds",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.startupInitialDelay,
              (v, x) -> v.startupInitialDelay = (Long) x),
          s(
              "proxy.startupProbe.periodSeconds",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.startupPeriod,
              (v, x) -> v.startupPeriod = (Long) x),
          s(
              "proxy.startupProbe.failureThreshold",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.startupFailureThreshold,
              (v, x) -> v.startupFailureThreshold = (Long) x),
          s(
              "proxy.control.streams.initialTimeout",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.streamsInitialTimeout,
              (v, x) -> v.streamsInitialTimeout = (String) x),
          s(
              "proxy.control.streams.idleTimeout",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.streamsIdleTimeout,
              (v, x) -> v.streamsIdleTimeout = (String) x),
          s(
              "proxy.control.streams.lifetime",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.streamsLifetime,
              (v, x) -> v.streamsLifetime = (String) x),
          s(
              "proxy.metrics.hostnameLabels",
              Type.BOOL,
              Names.METRICS_HOSTNAME_LABELS,
              Parse.BOOL,
              null,
              true,
              v -> v.metricsHostnameLabels,
              (v, x) -> v.metricsHostnameLabels = (Boolean) x),
          s(
              "proxy.tracing.enabled",
              Type.BOOL,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.tracingEnabled,
              (v, x) -> v.tracingEnabled = (Boolean) x),
          s(
              "proxy.tracing.traceServiceName",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.traceServiceName,
              (v, x) -> v.traceServiceName = (String) x),
          s(
              "proxy.tracing.collector.endpoint",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.tracingCollectorEndpoint,
              (v, x) -> v.tracingCollectorEndpoint = (String) x),
          s(
              "proxy.tracing.collector.meshIdentity.serviceAccountName",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.tracingCollectorSa,
              (v, x) -> v.tracingCollectorSa = (String) x),
          s(
              "proxy.tracing.collector.meshIdentity.namespace",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.tracingCollectorNamespace,
              (v, x) -> v.tracingCollectorNamespace = (String) x),
          s(
              "proxyInit.iptablesMode",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.iptablesMode,
              (v, x) -> v.iptablesMode = (String) x),
          s(
              "proxyInit.ignoreInboundPorts",
              Type.TEXT,
              Names.SKIP_INBOUND_PORTS,
              Parse.CUSTOM,
              "skip-inbound-ports",
              true,
              v -> v.ignoreInboundPorts,
              (v, x) -> v.ignoreInboundPorts = (String) x),
          s(
              "proxyInit.ignoreOutboundPorts",
              Type.TEXT,
              Names.SKIP_OUTBOUND_PORTS,
              Parse.CUSTOM,
              "skip-outbound-ports",
              true,
              v -> v.ignoreOutboundPorts,
              (v, x) -> v.ignoreOutboundPorts = (String) x),
          s(
              "proxyInit.skipSubnets",
              Type.TEXT,
              Names.SKIP_SUBNETS,
              Parse.CUSTOM,
              null,
              false,
              v -> v.skipSubnets,
              (v, x) -> v.skipSubnets = (String) x),
          s(
              "proxyInit.logLevel",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.initLogLevel,
              (v, x) -> v.initLogLevel = (String) x),
          s(
              "proxyInit.logFormat",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.initLogFormat,
              (v, x) -> v.initLogFormat = (String) x),
          s(
              "proxyInit.closeWaitTimeoutSecs",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.closeWaitTimeoutSecs,
              (v, x) -> v.closeWaitTimeoutSecs = (Long) x),
          s(
              "proxyInit.privileged",
              Type.BOOL,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.initPrivileged,
              (v, x) -> v.initPrivileged = (Boolean) x),
          s(
              "proxyInit.runAsRoot",
              Type.BOOL,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.runAsRoot,
              (v, x) -> v.runAsRoot = (Boolean) x),
          s(
              "proxyInit.runAsUser",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.initRunAsUser,
              (v, x) -> v.initRunAsUser = (Long) x),
          s(
              "proxyInit.runAsGroup",
              Type.INT64,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.initRunAsGroup,
              (v, x) -> v.initRunAsGroup = (Long) x),
          s(
              "proxyInit.xtMountPath.mountPath",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.xtMountPath,
              (v, x) -> v.xtMountPath = (String) x),
          s(
              "proxyInit.xtMountPath.name",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.xtMountName,
              (v, x) -> v.xtMountName = (String) x),
          s(
              "networkValidator.logLevel",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.validatorLogLevel,
              (v, x) -> v.validatorLogLevel = (String) x),
          s(
              "networkValidator.logFormat",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.validatorLogFormat,
              (v, x) -> v.validatorLogFormat = (String) x),
          s(
              "networkValidator.connectAddr",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.validatorConnectAddr,
              (v, x) -> v.validatorConnectAddr = (String) x),
          s(
              "networkValidator.listenAddr",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.validatorListenAddr,
              (v, x) -> v.validatorListenAddr = (String) x),
          s(
              "networkValidator.timeout",
              Type.TEXT,
              null,
              Parse.NONE,
              null,
              false,
              v -> v.validatorTimeout,
              (v, x) -> v.validatorTimeout = (String) x),
          s(
              "debugContainer.image.name",
              Type.TEXT,
              Names.DEBUG_IMAGE,
              Parse.TEXT,
              null,
              true,
              v -> v.debugImageName,
              (v, x) -> v.debugImageName = (String) x),
          s(
              "debugContainer.image.pullPolicy",
              Type.TEXT,
              Names.DEBUG_IMAGE_PULL_POLICY,
              Parse.TEXT,
              null,
              false,
              v -> v.debugImagePullPolicy,
              (v, x) -> v.debugImagePullPolicy = (String) x),
          s(
              "debugContainer.image.version",
              Type.TEXT,
              Names.DEBUG_IMAGE_VERSION,
              Parse.TEXT,
              null,
              true,
              v -> v.debugImageVersion,
              (v, x) -> v.debugImageVersion = (String) x));

  private static final Map<String, Setting> BY_FLAG;

  static {
    Map<String, Setting> m = new LinkedHashMap<>();
    for (Setting s : ALL) {
      if (s.flag() != null) {
        m.put(s.flag(), s);
      }
    }
    BY_FLAG = Collections.unmodifiableMap(m);
  }

  private ProxySettings() {}

  /**
   * The settings a {@code linkerd inject} flag sets directly, by flag name.
   *
   * @return flag name to setting, in table order
   */
  public static Map<String, Setting> byFlag() {
    return BY_FLAG;
  }

  private static Setting s(
      String path,
      Type type,
      String annotation,
      Parse parse,
      String flag,
      boolean overrideAnnotation,
      Function<ProxyValues, Object> get,
      BiConsumer<ProxyValues, Object> set) {
    return new Setting(path, type, annotation, parse, flag, overrideAnnotation, get, set);
  }
}
