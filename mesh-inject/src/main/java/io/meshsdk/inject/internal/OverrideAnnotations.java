package io.meshsdk.inject.internal;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Linkerd's {@code getOverrideAnnotations}: one annotation per overridable field whose
 * injection-time value differs from the installed one.
 */
public final class OverrideAnnotations {
  private OverrideAnnotations() {}

  /**
   * Computes the override annotations.
   *
   * @param v the values with the injection-time overrides applied
   * @param base the installed values
   * @return the annotations, sorted by key
   */
  public static Map<String, String> compute(ProxyValues v, ProxyValues base) {
    Map<String, String> out = new TreeMap<>();
    diff(out, Names.PROXY_VERSION_OVERRIDE, v.proxyImageVersion, base.proxyImageVersion);
    diff(out, Names.SKIP_INBOUND_PORTS, v.ignoreInboundPorts, base.ignoreInboundPorts);
    diff(out, Names.SKIP_OUTBOUND_PORTS, v.ignoreOutboundPorts, base.ignoreOutboundPorts);
    diff(out, Names.ADMIN_PORT, v.adminPort, base.adminPort);
    diff(out, Names.CONTROL_PORT, v.controlPort, base.controlPort);
    diff(out, Names.INBOUND_PORT, v.inboundPort, base.inboundPort);
    diff(out, Names.OUTBOUND_PORT, v.outboundPort, base.outboundPort);
    diff(out, Names.OPAQUE_PORTS, v.opaquePorts, base.opaquePorts);
    diff(out, Names.PROXY_IMAGE, v.proxyImageName, base.proxyImageName);
    diff(out, Names.IMAGE_PULL_POLICY, v.proxyImagePullPolicy, base.proxyImagePullPolicy);
    diff(out, Names.LOG_LEVEL, v.logLevel, base.logLevel);
    diff(out, Names.LOG_FORMAT, v.logFormat, base.logFormat);
    diff(
        out,
        Names.REQUIRE_IDENTITY,
        v.requireIdentityOnInboundPorts,
        base.requireIdentityOnInboundPorts);
    diff(out, Names.EXTERNAL_PROFILES, v.enableExternalProfiles, base.enableExternalProfiles);
    if (v.isIngress != base.isIngress && v.isIngress) {
      out.put(Names.INJECT, "ingress");
    }
    diff(out, Names.PROXY_UID, v.uid, base.uid);
    if (v.gid >= 0 && v.gid != base.gid) {
      out.put(Names.PROXY_GID, Long.toString(v.gid));
    }
    diff(out, Names.CPU_REQUEST, v.cpuRequest, base.cpuRequest);
    diff(out, Names.CPU_LIMIT, v.cpuLimit, base.cpuLimit);
    diff(out, Names.MEMORY_REQUEST, v.memoryRequest, base.memoryRequest);
    diff(out, Names.MEMORY_LIMIT, v.memoryLimit, base.memoryLimit);
    diff(out, Names.WAIT_BEFORE_EXIT, v.waitBeforeExitSeconds, base.waitBeforeExitSeconds);
    if (v.await != base.await) {
      out.put(Names.PROXY_AWAIT, v.await ? "enabled" : "disabled");
    }
    diff(out, Names.DEFAULT_INBOUND_POLICY, v.defaultInboundPolicy, base.defaultInboundPolicy);
    diff(out, Names.ACCESS_LOG, v.accessLog, base.accessLog);
    diff(out, Names.SHUTDOWN_GRACE_PERIOD, v.shutdownGracePeriod, base.shutdownGracePeriod);
    diff(out, Names.NATIVE_SIDECAR, v.nativeSidecar, base.nativeSidecar);
    diff(out, Names.METRICS_HOSTNAME_LABELS, v.metricsHostnameLabels, base.metricsHostnameLabels);
    diff(out, Names.DEBUG_IMAGE, v.debugImageName, base.debugImageName);
    diff(out, Names.DEBUG_IMAGE_VERSION, v.debugImageVersion, base.debugImageVersion);
    return out;
  }

  private static void diff(Map<String, String> out, String key, String v, String base) {
    if (!Objects.equals(v, base)) {
      out.put(key, v);
    }
  }

  private static void diff(Map<String, String> out, String key, long v, long base) {
    if (v != base) {
      out.put(key, Long.toString(v));
    }
  }

  private static void diff(Map<String, String> out, String key, boolean v, boolean base) {
    if (v != base) {
      out.put(key, Boolean.toString(v));
    }
  }
}
