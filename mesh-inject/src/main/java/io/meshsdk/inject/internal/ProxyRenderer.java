package io.meshsdk.inject.internal;

import static io.meshsdk.core.linkerd.internal.ProxySetting.*;

import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.internal.tree.Frozen;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds, in Java, what Linkerd's {@code patch} chart renders for manual injection: the {@code
 * linkerd-proxy} container, {@code linkerd-init} or {@code linkerd-network-validator}, the debug
 * container and the volumes. Output maps and lists are unmodifiable, so they can be shared between
 * documents. Stateless and thread-safe.
 */
final class ProxyRenderer {
  private static final String P = "LINKERD2_PROXY_";
  private static final Map<String, Object> EMPTY_DIR =
      Collections.unmodifiableMap(new LinkedHashMap<>());
  private static final Map<String, Object> SECCOMP = Trees.frozen("type", "RuntimeDefault");

  /** What manual injection adds to one pod. */
  static final class Rendered {
    Map<String, Object> proxy;
    Map<String, Object> init;
    Map<String, Object> validator;
    Map<String, Object> debug;
    List<Object> volumes;
    String proxyVersion;
    boolean nativeSidecar;
    boolean await;
  }

  private ProxyRenderer() {}

  /**
   * The same rendering with its trees frozen the way manifests freeze theirs, so that documents
   * sharing a cached rendering do not copy it again when they become manifests.
   */
  @SuppressWarnings("unchecked")
  static Rendered frozen(Rendered r) {
    Rendered out = new Rendered();
    out.proxy = (Map<String, Object>) Frozen.freeze(r.proxy);
    out.init = (Map<String, Object>) Frozen.freeze(r.init);
    out.validator = (Map<String, Object>) Frozen.freeze(r.validator);
    out.debug = (Map<String, Object>) Frozen.freeze(r.debug);
    out.volumes = (List<Object>) Frozen.freeze(r.volumes);
    out.proxyVersion = r.proxyVersion;
    out.nativeSidecar = r.nativeSidecar;
    out.await = r.await;
    return out;
  }

  /**
   * Renders the containers and volumes.
   *
   * @param v the per-pod values (annotation overrides applied)
   * @param ns the control-plane namespace
   * @param debug whether to add {@code linkerd-debug}
   * @throws IllegalArgumentException with the message Linkerd's template would fail with
   */
  static Rendered render(ProxyValues v, String ns, boolean debug) {
    if (v.text(IDENTITY_TRUST_ANCHORS_PEM).isEmpty()) {
      throw new IllegalArgumentException("Please provide the identity trust anchors");
    }
    Rendered r = new Rendered();
    List<Object> volumes = new ArrayList<>();
    if (!v.is(CNI_ENABLED)) {
      volumes.add(Trees.frozen("emptyDir", EMPTY_DIR, "name", v.text(XT_MOUNT_NAME)));
      r.init = init(v);
    } else {
      r.validator = validator(v);
    }
    if (debug) {
      r.debug = debug(v);
    }
    volumes.add(
        Trees.frozen(
            "emptyDir", Trees.frozen("medium", "Memory"), "name", Names.END_ENTITY_VOLUME));
    if (v.is(TRACING_ENABLED)) {
      volumes.add(
          Trees.frozen(
              "downwardAPI",
              Trees.frozen(
                  "items",
                  List.of(
                      Trees.frozen(
                          "fieldRef",
                          Trees.frozen("fieldPath", "metadata.labels"),
                          "path",
                          "labels"))),
              "name",
              Names.PODINFO_VOLUME));
    }
    if (v.is(TOKEN_PROJECTION)) {
      volumes.add(
          Trees.frozen(
              "name",
              Names.TOKEN_VOLUME,
              "projected",
              Trees.frozen(
                  "sources",
                  List.of(
                      Trees.frozen(
                          "serviceAccountToken",
                          Trees.frozen(
                              "audience",
                              "identity.l5d.io",
                              "expirationSeconds",
                              86400,
                              "path",
                              Names.TOKEN_VOLUME))))));
    }
    r.volumes = Collections.unmodifiableList(volumes);
    r.proxy = proxy(v, ns);
    r.proxyVersion = v.proxyVersion();
    r.nativeSidecar = v.is(NATIVE_SIDECAR);
    r.await = v.is(AWAIT);
    return r;
  }

  private static Object num(long n) {
    return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? (Object) (int) n : (Object) n;
  }

  private static Map<String, Object> proxy(ProxyValues v, String ns) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("env", env(v, ns));
    c.put("image", v.proxyImage());
    c.put("imagePullPolicy", v.proxyPullPolicy());
    Map<String, Object> lifecycle = lifecycle(v);
    if (!lifecycle.isEmpty()) {
      c.put("lifecycle", lifecycle);
    }
    c.put(
        "livenessProbe",
        probe(
            "/live",
            v.num(ADMIN_PORT),
            v.num(LIVENESS_INITIAL_DELAY),
            v.num(LIVENESS_TIMEOUT),
            0,
            0));
    c.put("name", Names.PROXY_CONTAINER);
    c.put(
        "ports",
        List.of(
            Trees.frozen("containerPort", num(v.num(INBOUND_PORT)), "name", "linkerd-proxy"),
            Trees.frozen("containerPort", num(v.num(ADMIN_PORT)), "name", "linkerd-admin")));
    c.put(
        "readinessProbe",
        probe(
            "/ready",
            v.num(ADMIN_PORT),
            v.num(READINESS_INITIAL_DELAY),
            v.num(READINESS_TIMEOUT),
            0,
            0));
    Map<String, Object> res = resources(v);
    if (res != null) {
      c.put("resources", res);
    }
    if (v.is(NATIVE_SIDECAR)) {
      c.put("restartPolicy", "Always");
    }
    c.put("securityContext", securityContext(v));
    if (v.is(NATIVE_SIDECAR) && v.is(AWAIT)) {
      c.put(
          "startupProbe",
          probe(
              "/ready",
              v.num(ADMIN_PORT),
              v.num(STARTUP_INITIAL_DELAY),
              0,
              v.num(STARTUP_PERIOD),
              v.num(STARTUP_FAILURE_THRESHOLD)));
    }
    c.put("terminationMessagePolicy", "FallbackToLogsOnError");
    c.put("volumeMounts", proxyMounts(v));
    return Collections.unmodifiableMap(c);
  }

  /** The proxy's lifecycle hooks: await the proxy on start, sleep before exit (not native). */
  private static Map<String, Object> lifecycle(ProxyValues v) {
    if (v.is(NATIVE_SIDECAR) || (!v.is(AWAIT) && v.num(WAIT_BEFORE_EXIT_SECONDS) == 0)) {
      return Map.of();
    }
    Map<String, Object> lc = new LinkedHashMap<>();
    if (v.is(AWAIT)) {
      lc.put(
          "postStart",
          Trees.frozen(
              "exec",
              Trees.frozen(
                  "command",
                  List.of(
                      "/usr/lib/linkerd/linkerd-await",
                      "--timeout=2m",
                      "--port=" + v.num(ADMIN_PORT)))));
    }
    if (v.num(WAIT_BEFORE_EXIT_SECONDS) != 0) {
      lc.put(
          "preStop",
          Trees.frozen(
              "exec",
              Trees.frozen(
                  "command",
                  List.of("/bin/sleep", Long.toUnsignedString(v.num(WAIT_BEFORE_EXIT_SECONDS))))));
    }
    return Collections.unmodifiableMap(lc);
  }

  /** The proxy's security context: {@code proxy.securityContext}, else the generated one. */
  private static Map<String, Object> securityContext(ProxyValues v) {
    if (!v.map(PROXY_SECURITY_CONTEXT).isEmpty()) {
      return v.map(PROXY_SECURITY_CONTEXT);
    }
    Map<String, Object> sc = new LinkedHashMap<>();
    sc.put("allowPrivilegeEscalation", false);
    Map<String, Object> caps = new LinkedHashMap<>();
    if (v.capabilitiesAdd != null && !v.capabilitiesAdd.isEmpty()) {
      caps.put("add", List.copyOf(v.capabilitiesAdd));
    }
    if (v.capabilitiesDrop != null && !v.capabilitiesDrop.isEmpty()) {
      caps.put("drop", List.copyOf(v.capabilitiesDrop));
    }
    if (!caps.isEmpty()) {
      sc.put("capabilities", Collections.unmodifiableMap(caps));
    }
    sc.put("readOnlyRootFilesystem", true);
    sc.put("runAsNonRoot", true);
    sc.put("runAsUser", num(v.num(UID)));
    if (v.num(GID) >= 0) {
      sc.put("runAsGroup", num(v.num(GID)));
    }
    sc.put("seccompProfile", SECCOMP);
    return Collections.unmodifiableMap(sc);
  }

  /** The proxy's volume mounts. */
  private static List<Object> proxyMounts(ProxyValues v) {
    List<Object> mounts = new ArrayList<>();
    mounts.add(
        Trees.frozen(
            "mountPath", "/var/run/linkerd/identity/end-entity", "name", Names.END_ENTITY_VOLUME));
    if (v.is(TRACING_ENABLED)) {
      mounts.add(
          Trees.frozen("mountPath", "/var/run/linkerd/podinfo", "name", Names.PODINFO_VOLUME));
    }
    if (v.is(TOKEN_PROJECTION)) {
      mounts.add(Trees.frozen("mountPath", "/var/run/secrets/tokens", "name", Names.TOKEN_VOLUME));
    }
    if (v.saMount != null) {
      mounts.add(v.saMount);
    }
    return Collections.unmodifiableList(mounts);
  }

  private static Map<String, Object> probe(
      String path, long port, long delay, long timeout, long period, long failure) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (failure != 0) {
      p.put("failureThreshold", num(failure));
    }
    p.put("httpGet", Trees.frozen("path", path, "port", num(port)));
    if (delay != 0) {
      p.put("initialDelaySeconds", num(delay));
    }
    if (period != 0) {
      p.put("periodSeconds", num(period));
    }
    if (timeout != 0) {
      p.put("timeoutSeconds", num(timeout));
    }
    return Collections.unmodifiableMap(p);
  }

  private static Map<String, Object> resources(ProxyValues v) {
    Map<String, Object> limits = new LinkedHashMap<>();
    Map<String, Object> requests = new LinkedHashMap<>();
    put(limits, "cpu", v.text(CPU_LIMIT), "proxy.resources.cpu.limit");
    put(
        limits,
        "ephemeral-storage",
        v.text(EPHEMERAL_LIMIT),
        "proxy.resources.ephemeral-storage.limit");
    put(limits, "memory", v.text(MEMORY_LIMIT), "proxy.resources.memory.limit");
    put(requests, "cpu", v.text(CPU_REQUEST), "proxy.resources.cpu.request");
    put(
        requests,
        "ephemeral-storage",
        v.text(EPHEMERAL_REQUEST),
        "proxy.resources.ephemeral-storage.request");
    put(requests, "memory", v.text(MEMORY_REQUEST), "proxy.resources.memory.request");
    if (limits.isEmpty() && requests.isEmpty()) {
      return null;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    if (!limits.isEmpty()) {
      r.put("limits", Collections.unmodifiableMap(limits));
    }
    if (!requests.isEmpty()) {
      r.put("requests", Collections.unmodifiableMap(requests));
    }
    return Collections.unmodifiableMap(r);
  }

  private static void put(Map<String, Object> m, String key, String q, String path) {
    if (q == null || q.isEmpty()) {
      return;
    }
    try {
      m.put(key, Quantity.parse(q).canonical());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "value " + path + ": " + GoText.quote(q) + " is not a quantity: " + e.getMessage(), e);
    }
  }

  /** The proxy's environment, in the chart's order, step by step. */
  private static List<Object> env(ProxyValues v, String ns) {
    List<Object> e = new ArrayList<>(80);
    podEnv(e);
    coresEnv(e, v);
    controlPlaneEnv(e, v, ns);
    listenEnv(e, v);
    tracingEnv(e, v, ns);
    params(e, "inbound", v.map(INBOUND_PARAMS));
    params(e, "outbound", v.map(OUTBOUND_PARAMS));
    if (!v.text(OPAQUE_PORTS).isEmpty()) {
      e.add(val(P + "INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION", v.text(OPAQUE_PORTS)));
    }
    e.add(
        val(
            P + "DESTINATION_CONTEXT",
            "{\"ns\":\"$(_pod_ns)\", \"nodeName\":\"$(_pod_nodeName)\","
                + " \"pod\":\"$(_pod_name)\"}\n"));
    identityEnv(e, v, ns);
    extraEnv(e, v);
    return Collections.unmodifiableList(e);
  }

  /** The downward-API variables of the pod. */
  private static void podEnv(List<Object> e) {
    e.add(field("_pod_name", "metadata.name"));
    e.add(field("_pod_ns", "metadata.namespace"));
    e.add(field("_pod_uid", "metadata.uid"));
    e.add(field("_pod_ip", "status.podIP"));
    e.add(field("_pod_nodeName", "spec.nodeName"));
    e.add(val("_pod_containerName", Names.PROXY_CONTAINER));
  }

  /** Worker threads from the CPU request and limit. */
  private static void coresEnv(List<Object> e, ProxyValues v) {
    if (v.num(CORES) != 0) {
      e.add(val(P + "CORES", Long.toString(v.num(CORES))));
      e.add(val(P + "CORES_MIN", Long.toString(v.num(CORES))));
    } else {
      String min = Long.toString(v.num(WORKERS_MINIMUM) == 0 ? 1 : v.num(WORKERS_MINIMUM));
      e.add(val(P + "CORES", min));
      e.add(val(P + "CORES_MIN", min));
    }
    if (v.num(WORKERS_MAXIMUM) != 0) {
      e.add(val(P + "CORES_MAX", Long.toString(v.num(WORKERS_MAXIMUM))));
    }
    if (v.float64(WORKERS_MAXIMUM_CPU_RATIO) != 0) {
      e.add(val(P + "CORES_MAX_RATIO", GoText.formatFloat(v.float64(WORKERS_MAXIMUM_CPU_RATIO))));
    }
    if (!v.text(REQUIRE_IDENTITY_ON_INBOUND_PORTS).isEmpty()) {
      e.add(val(P + "INBOUND_PORTS_REQUIRE_IDENTITY", v.text(REQUIRE_IDENTITY_ON_INBOUND_PORTS)));
    }
  }

  /** Logging, the destination and policy controllers, control-stream and connect timeouts. */
  private static void controlPlaneEnv(List<Object> e, ProxyValues v, String ns) {
    String cd = v.text(CLUSTER_DOMAIN);
    e.add(val(P + "SHUTDOWN_ENDPOINT_ENABLED", Boolean.toString(v.is(ENABLE_SHUTDOWN_ENDPOINT))));
    e.add(
        val(
            P + "LOG",
            v.text(LOG_LEVEL)
                + ("insecure".equals(v.text(LOG_HTTP_HEADERS))
                    ? ""
                    : ",[{headers}]=off,[{request}]=off")));
    e.add(val(P + "LOG_FORMAT", v.text(LOG_FORMAT)));
    e.add(val(P + "DESTINATION_SVC_ADDR", "linkerd-dst-headless." + ns + ".svc." + cd + ".:8086"));
    e.add(val(P + "DESTINATION_PROFILE_NETWORKS", v.text(CLUSTER_NETWORKS)));
    e.add(val(P + "POLICY_SVC_ADDR", "linkerd-policy." + ns + ".svc." + cd + ".:8090"));
    e.add(val(P + "POLICY_WORKLOAD", "{\"ns\":\"$(_pod_ns)\", \"pod\":\"$(_pod_name)\"}\n"));
    e.add(val(P + "INBOUND_DEFAULT_POLICY", v.text(DEFAULT_INBOUND_POLICY)));
    e.add(val(P + "POLICY_CLUSTER_NETWORKS", v.text(CLUSTER_NETWORKS)));
    e.add(val(P + "CONTROL_STREAM_INITIAL_TIMEOUT", v.text(STREAMS_INITIAL_TIMEOUT)));
    e.add(val(P + "CONTROL_STREAM_IDLE_TIMEOUT", v.text(STREAMS_IDLE_TIMEOUT)));
    e.add(val(P + "CONTROL_STREAM_LIFETIME", v.text(STREAMS_LIFETIME)));
    if (!v.text(INBOUND_CONNECT_TIMEOUT).isEmpty()) {
      e.add(val(P + "INBOUND_CONNECT_TIMEOUT", v.text(INBOUND_CONNECT_TIMEOUT)));
    }
    if (!v.text(OUTBOUND_CONNECT_TIMEOUT).isEmpty()) {
      e.add(val(P + "OUTBOUND_CONNECT_TIMEOUT", v.text(OUTBOUND_CONNECT_TIMEOUT)));
    }
    if (!v.text(OUTBOUND_DISCOVERY_CACHE_UNUSED_TIMEOUT).isEmpty()) {
      e.add(
          val(
              P + "OUTBOUND_DISCOVERY_IDLE_TIMEOUT",
              v.text(OUTBOUND_DISCOVERY_CACHE_UNUSED_TIMEOUT)));
    }
    if (!v.text(INBOUND_DISCOVERY_CACHE_UNUSED_TIMEOUT).isEmpty()) {
      e.add(
          val(
              P + "INBOUND_DISCOVERY_IDLE_TIMEOUT",
              v.text(INBOUND_DISCOVERY_CACHE_UNUSED_TIMEOUT)));
    }
    if (v.is(DISABLE_OUTBOUND_PROTOCOL_DETECT_TIMEOUT)) {
      e.add(val(P + "OUTBOUND_DETECT_TIMEOUT", "365d"));
    }
    if (v.is(DISABLE_INBOUND_PROTOCOL_DETECT_TIMEOUT)) {
      e.add(val(P + "INBOUND_DETECT_TIMEOUT", "365d"));
    }
  }

  /** Listen addresses, inbound ports, gateway/ingress modes, keepalives. */
  private static void listenEnv(List<Object> e, ProxyValues v) {
    String cd = v.text(CLUSTER_DOMAIN);
    String any = v.is(DISABLE_IPV6) ? "0.0.0.0" : "[::]";
    e.add(val(P + "CONTROL_LISTEN_ADDR", any + ":" + v.num(CONTROL_PORT)));
    e.add(val(P + "ADMIN_LISTEN_ADDR", any + ":" + v.num(ADMIN_PORT)));
    e.add(val(P + "OUTBOUND_LISTEN_ADDR", "127.0.0.1:" + v.num(OUTBOUND_PORT)));
    e.add(
        val(
            P + "OUTBOUND_LISTEN_ADDRS",
            "127.0.0.1:"
                + v.num(OUTBOUND_PORT)
                + (v.is(DISABLE_IPV6) ? "" : ",[::1]:" + v.num(OUTBOUND_PORT))));
    e.add(val(P + "INBOUND_LISTEN_ADDR", any + ":" + v.num(INBOUND_PORT)));
    e.add(field(P + "INBOUND_IPS", "status.podIPs"));
    e.add(val(P + "INBOUND_PORTS", v.podInboundPorts));
    if (v.is(GATEWAY)) {
      e.add(val(P + "INBOUND_GATEWAY_SUFFIXES", "svc." + cd + "."));
    }
    if (v.is(INGRESS)) {
      e.add(val(P + "INGRESS_MODE", "true"));
    }
    String profileSuffixes = v.is(ENABLE_EXTERNAL_PROFILES) ? "." : "svc." + cd + ".";
    e.add(val(P + "DESTINATION_PROFILE_SUFFIXES", profileSuffixes));
    e.add(val(P + "INBOUND_ACCEPT_KEEPALIVE", "10000ms"));
    e.add(val(P + "OUTBOUND_CONNECT_KEEPALIVE", "10000ms"));
    e.add(val(P + "INBOUND_ACCEPT_USER_TIMEOUT", "30s"));
    e.add(val(P + "OUTBOUND_CONNECT_USER_TIMEOUT", "30s"));
    e.add(
        val(
            P + "OUTBOUND_METRICS_HOSTNAME_LABELS",
            Boolean.toString(v.is(METRICS_HOSTNAME_LABELS))));
  }

  /** OpenTelemetry tracing, when enabled. */
  private static void tracingEnv(List<Object> e, ProxyValues v, String ns) {
    String td = v.trustDomain();
    if (v.is(TRACING_ENABLED)) {
      if (v.text(TRACING_COLLECTOR_ENDPOINT).isEmpty()) {
        throw new IllegalArgumentException(
            "proxy.tracing.collector.endpoint must be set when proxy.tracing.enabled is true");
      }
      if (v.text(TRACING_COLLECTOR_SA).isEmpty() || v.text(TRACING_COLLECTOR_NAMESPACE).isEmpty()) {
        throw new IllegalArgumentException(
            "proxy.tracing.collector.meshIdentity.serviceAccountName and .namespace must be set"
                + " when proxy.tracing.enabled is true");
      }
      e.add(val(P + "TRACE_ATTRIBUTES_PATH", "/var/run/linkerd/podinfo/labels"));
      e.add(val(P + "TRACE_ANNOTATIONS_PATH", "/var/run/linkerd/podinfo/annotations"));
      e.add(val(P + "TRACE_PROTOCOL", "opentelemetry"));
      e.add(val(P + "TRACE_SERVICE_NAME", v.text(TRACE_SERVICE_NAME)));
      e.add(val(P + "TRACE_COLLECTOR_SVC_ADDR", v.text(TRACING_COLLECTOR_ENDPOINT)));
      e.add(
          val(
              P + "TRACE_COLLECTOR_SVC_NAME",
              v.text(TRACING_COLLECTOR_SA)
                  + "."
                  + v.text(TRACING_COLLECTOR_NAMESPACE)
                  + ".serviceaccount.identity."
                  + ns
                  + "."
                  + td));
      StringBuilder attrs = new StringBuilder();
      for (Map.Entry<String, String> l : new TreeMap<>(v.stringMap(TRACING_LABELS)).entrySet()) {
        attrs.append(l.getKey()).append('=').append(l.getValue()).append('\n');
      }
      e.add(val(P + "TRACE_EXTRA_ATTRIBUTES", attrs.toString()));
    }
  }

  /** Identity: the trust anchors, the token and the local and controller names. */
  private static void identityEnv(List<Object> e, ProxyValues v, String ns) {
    String cd = v.text(CLUSTER_DOMAIN);
    String td = v.trustDomain();
    e.add(field("_pod_sa", "spec.serviceAccountName"));
    e.add(val("_l5d_ns", ns));
    e.add(val("_l5d_trustdomain", td));
    e.add(val(P + "IDENTITY_DIR", "/var/run/linkerd/identity/end-entity"));
    e.add(val(P + "IDENTITY_TRUST_ANCHORS", v.text(IDENTITY_TRUST_ANCHORS_PEM).strip() + "\n"));
    e.add(
        val(
            P + "IDENTITY_TOKEN_FILE",
            v.is(TOKEN_PROJECTION)
                ? "/var/run/secrets/tokens/linkerd-identity-token"
                : "/var/run/secrets/kubernetes.io/serviceaccount/token"));
    e.add(
        val(P + "IDENTITY_SVC_ADDR", "linkerd-identity-headless." + ns + ".svc." + cd + ".:8080"));
    e.add(
        val(
            P + "IDENTITY_LOCAL_NAME",
            "$(_pod_sa).$(_pod_ns).serviceaccount.identity." + ns + "." + td));
    String id = ".serviceaccount.identity." + ns + "." + td;
    e.add(val(P + "IDENTITY_SVC_NAME", "linkerd-identity." + ns + id));
    e.add(val(P + "DESTINATION_SVC_NAME", "linkerd-destination." + ns + id));
    e.add(val(P + "POLICY_SVC_NAME", "linkerd-destination." + ns + id));
  }

  /** Access log, shutdown grace period and the additional and experimental variables. */
  private static void extraEnv(List<Object> e, ProxyValues v) {
    if (!v.text(ACCESS_LOG).isEmpty()) {
      e.add(val(P + "ACCESS_LOG", v.text(ACCESS_LOG)));
    }
    if (!v.text(SHUTDOWN_GRACE_PERIOD).isEmpty()) {
      e.add(val(P + "SHUTDOWN_GRACE_PERIOD", v.text(SHUTDOWN_GRACE_PERIOD)));
    }
    e.addAll(v.list(ADDITIONAL_ENV));
    e.addAll(v.list(EXPERIMENTAL_ENV));
  }

  private static void params(List<Object> e, String dir, Map<String, Object> tree) {
    if (tree == null) {
      return;
    }
    for (Map.Entry<String, Object> scope : new TreeMap<>(tree).entrySet()) {
      Map<String, Object> protos = Trees.map(scope.getValue());
      if (protos == null) {
        continue;
      }
      for (Map.Entry<String, Object> proto : new TreeMap<>(protos).entrySet()) {
        Map<String, Object> params = Trees.map(proto.getValue());
        if (params == null) {
          continue;
        }
        for (Map.Entry<String, Object> param : new TreeMap<>(params).entrySet()) {
          Object pv = param.getValue();
          String text =
              pv instanceof Double || pv instanceof Float
                  ? GoText.formatFloat(((Number) pv).doubleValue())
                  : pv == null ? "" : Trees.text(pv);
          e.add(
              val(
                  P
                      + SnakeCase.upperSnake(dir)
                      + "_"
                      + SnakeCase.upperSnake(scope.getKey())
                      + "_"
                      + SnakeCase.upperSnake(proto.getKey())
                      + "_"
                      + SnakeCase.upperSnake(param.getKey()),
                  text == null ? "" : text));
        }
      }
    }
  }

  private static Map<String, Object> field(String name, String path) {
    return Trees.frozen(
        "name", name, "valueFrom", Trees.frozen("fieldRef", Trees.frozen("fieldPath", path)));
  }

  private static Map<String, Object> val(String name, String value) {
    if (value == null || value.isEmpty()) {
      return Trees.frozen("name", name);
    }
    return Trees.frozen("name", name, "value", value);
  }

  private static Map<String, Object> init(ProxyValues v) {
    List<Object> args = initArgs(v);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("args", args);
    c.put("command", List.of("/usr/lib/linkerd/linkerd2-proxy-init"));
    c.put("image", v.proxyImage());
    c.put("imagePullPolicy", v.proxyPullPolicy());
    c.put("name", Names.INIT_CONTAINER);
    Map<String, Object> res = resources(v);
    if (res != null) {
      c.put("resources", res);
    }
    c.put("securityContext", initSecurityContext(v));
    c.put("terminationMessagePolicy", "FallbackToLogsOnError");
    List<Object> mounts = new ArrayList<>();
    mounts.add(Trees.frozen("mountPath", v.text(XT_MOUNT_PATH), "name", v.text(XT_MOUNT_NAME)));
    if (v.saMount != null) {
      mounts.add(v.saMount);
    }
    c.put("volumeMounts", Collections.unmodifiableList(mounts));
    return Collections.unmodifiableMap(c);
  }

  /** proxy-init's arguments: firewall, proxy ports and user, ports and subnets to skip, logging. */
  private static List<Object> initArgs(ProxyValues v) {
    List<Object> args = new ArrayList<>();
    String mode = v.text(IPTABLES_MODE).isEmpty() ? "nft" : v.text(IPTABLES_MODE);
    if (mode.equals("nft")) {
      args.add("--firewall-bin-path");
      args.add("iptables-nft");
      args.add("--firewall-save-bin-path");
      args.add("iptables-nft-save");
    } else if (!mode.equals("legacy")) {
      throw new IllegalArgumentException(
          "Unsupported value \""
              + v.text(IPTABLES_MODE)
              + "\" for proxyInit.iptablesMode\nValid values: [\"nft\", \"legacy\"]");
    }
    if (v.is(DISABLE_IPV6)) {
      args.add("--ipv6=false");
    }
    args.add("--incoming-proxy-port");
    args.add(Long.toString(v.num(INBOUND_PORT)));
    args.add("--outgoing-proxy-port");
    args.add(Long.toString(v.num(OUTBOUND_PORT)));
    args.add("--proxy-uid");
    args.add(Long.toString(v.num(UID)));
    if (v.num(GID) >= 0) {
      args.add("--proxy-gid");
      args.add(Long.toString(v.num(GID)));
    }
    args.add("--inbound-ports-to-ignore");
    args.add(
        v.num(CONTROL_PORT)
            + ","
            + v.num(ADMIN_PORT)
            + (v.text(IGNORE_INBOUND_PORTS).isEmpty() ? "" : "," + v.text(IGNORE_INBOUND_PORTS)));
    if (!v.text(IGNORE_OUTBOUND_PORTS).isEmpty()) {
      args.add("--outbound-ports-to-ignore");
      args.add(v.text(IGNORE_OUTBOUND_PORTS));
    }
    if (v.num(CLOSE_WAIT_TIMEOUT_SECS) != 0) {
      if (!v.is(RUN_AS_ROOT)) {
        throw new IllegalArgumentException(
            "proxyInit.runAsRoot must be set to use proxyInit.closeWaitTimeoutSecs");
      }
      args.add("--timeout-close-wait-secs");
      args.add(Long.toString(v.num(CLOSE_WAIT_TIMEOUT_SECS)));
    }
    if (!v.text(INIT_LOG_FORMAT).isEmpty()) {
      args.add("--log-format");
      args.add(v.text(INIT_LOG_FORMAT));
    }
    if (!v.text(INIT_LOG_LEVEL).isEmpty()) {
      args.add("--log-level");
      args.add(v.text(INIT_LOG_LEVEL));
    }
    if (!v.text(SKIP_SUBNETS).isEmpty()) {
      args.add("--subnets-to-ignore");
      args.add(v.text(SKIP_SUBNETS));
    }
    return Collections.unmodifiableList(args);
  }

  /** proxy-init's security context: NET_ADMIN and NET_RAW, root only when asked for. */
  private static Map<String, Object> initSecurityContext(ProxyValues v) {
    boolean privileged = v.num(CLOSE_WAIT_TIMEOUT_SECS) != 0 || v.is(INIT_PRIVILEGED);
    Map<String, Object> sc = new LinkedHashMap<>();
    sc.put("allowPrivilegeEscalation", privileged);
    List<Object> add = new ArrayList<>(List.of("NET_ADMIN", "NET_RAW"));
    if (v.capabilitiesAdd != null) {
      add.addAll(v.capabilitiesAdd);
    }
    Map<String, Object> caps = new LinkedHashMap<>();
    caps.put("add", Collections.unmodifiableList(add));
    if (v.capabilitiesDrop != null) {
      List<Object> drop = new ArrayList<>();
      for (String d : v.capabilitiesDrop) {
        if (!d.equals("NET_RAW") && !d.equals("NET_ADMIN")) {
          drop.add(d);
        }
      }
      if (!drop.isEmpty()) {
        caps.put("drop", Collections.unmodifiableList(drop));
      }
    }
    sc.put("capabilities", Collections.unmodifiableMap(caps));
    sc.put("privileged", privileged);
    sc.put("readOnlyRootFilesystem", true);
    if (v.is(RUN_AS_ROOT)) {
      sc.put("runAsGroup", 0);
      sc.put("runAsNonRoot", false);
      sc.put("runAsUser", 0);
    } else {
      sc.put("runAsGroup", num(v.num(INIT_RUN_AS_GROUP) == 0 ? 65534 : v.num(INIT_RUN_AS_GROUP)));
      sc.put("runAsNonRoot", true);
      sc.put("runAsUser", num(v.num(INIT_RUN_AS_USER) == 0 ? 65534 : v.num(INIT_RUN_AS_USER)));
    }
    sc.put("seccompProfile", SECCOMP);
    return Collections.unmodifiableMap(sc);
  }

  private static Map<String, Object> validator(ProxyValues v) {
    Map<String, Object> c = new LinkedHashMap<>();
    String connect =
        !v.text(VALIDATOR_CONNECT_ADDR).isEmpty()
            ? v.text(VALIDATOR_CONNECT_ADDR)
            : v.is(DISABLE_IPV6) ? "1.1.1.1:20001" : "[fd00::1]:20001";
    String listen =
        !v.text(VALIDATOR_LISTEN_ADDR).isEmpty()
            ? v.text(VALIDATOR_LISTEN_ADDR)
            : v.is(DISABLE_IPV6) ? "0.0.0.0:4140" : "[::]:4140";
    c.put(
        "args",
        List.of(
            "--log-format",
            v.text(VALIDATOR_LOG_FORMAT),
            "--log-level",
            v.text(VALIDATOR_LOG_LEVEL),
            "--connect-addr",
            connect,
            "--listen-addr",
            listen,
            "--timeout",
            v.text(VALIDATOR_TIMEOUT)));
    c.put("command", List.of("/usr/lib/linkerd/linkerd2-network-validator"));
    c.put("image", v.proxyImage());
    c.put("imagePullPolicy", v.proxyPullPolicy());
    c.put("name", Names.VALIDATOR_CONTAINER);
    Map<String, Object> res = resources(v);
    if (res != null) {
      c.put("resources", res);
    }
    if (!v.map(VALIDATOR_SECURITY_CONTEXT).isEmpty()) {
      c.put("securityContext", v.map(VALIDATOR_SECURITY_CONTEXT));
    }
    return Collections.unmodifiableMap(c);
  }

  private static Map<String, Object> debug(ProxyValues v) {
    Map<String, Object> exec = Trees.frozen("exec", Trees.frozen("command", List.of("true")));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put(
        "image",
        v.text(DEBUG_IMAGE_NAME)
            + ":"
            + (v.text(DEBUG_IMAGE_VERSION).isEmpty()
                ? v.text(LINKERD_VERSION)
                : v.text(DEBUG_IMAGE_VERSION)));
    c.put(
        "imagePullPolicy",
        v.text(DEBUG_IMAGE_PULL_POLICY).isEmpty()
            ? v.text(IMAGE_PULL_POLICY)
            : v.text(DEBUG_IMAGE_PULL_POLICY));
    c.put("livenessProbe", exec);
    c.put("name", Names.DEBUG_CONTAINER);
    c.put("readinessProbe", exec);
    c.put("terminationMessagePolicy", "FallbackToLogsOnError");
    return Collections.unmodifiableMap(c);
  }
}
