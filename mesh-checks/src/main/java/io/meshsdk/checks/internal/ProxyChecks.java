package io.meshsdk.checks.internal;

import static io.meshsdk.checks.CheckCategory.CONTROL_PLANE_VERSION;
import static io.meshsdk.checks.CheckCategory.LINKERD_CONTROL_PLANE_PROXY;
import static io.meshsdk.checks.CheckCategory.LINKERD_DATA_PLANE;
import static io.meshsdk.checks.CheckCategory.LINKERD_EXTENSION_CHECKS;
import static io.meshsdk.checks.CheckCategory.LINKERD_HA_CHECKS;
import static io.meshsdk.checks.CheckCategory.LINKERD_VERSION;
import static io.meshsdk.core.report.Severity.FATAL;
import static io.meshsdk.core.report.Severity.WARNING;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EndpointAddress;
import io.kubernetes.client.openapi.models.V1EndpointSubset;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.linkerd.LinkerdNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Versions, control-plane proxies, data plane, HA and extension namespaces. */
final class ProxyChecks {
  static final String OFFLINE =
      "the latest version was not looked up: Mesh SDK is offline by "
          + "default and contacts no service outside the cluster's API (enable a VersionLookup, or "
          + "`mesh check --version-check`, to ask versioncheck.linkerd.io)";

  private ProxyChecks() {}

  static void add(Catalog c, Settings s) {
    c.add(
        LINKERD_VERSION,
        "can determine the latest version",
        "l5d-version-latest",
        WARNING,
        ctx -> latest(ctx));
    c.add(
        LINKERD_VERSION,
        "cli is up-to-date",
        "l5d-version-cli",
        WARNING,
        ctx -> channels(ctx).match(ctx.settings().cliVersion()));

    c.retry(
        CONTROL_PLANE_VERSION,
        "can retrieve the control plane version",
        "l5d-version-control",
        FATAL,
        false,
        ProxyChecks::controlPlaneVersion);
    c.add(
        CONTROL_PLANE_VERSION,
        "control plane is up-to-date",
        "l5d-version-control",
        WARNING,
        ctx -> channels(ctx).match(controlPlaneVersion(ctx)));
    c.add(
        CONTROL_PLANE_VERSION,
        "control plane and cli versions match",
        "l5d-version-control",
        WARNING,
        ctx -> {
          String cp = controlPlaneVersion(ctx);
          if (!cp.equals(ctx.settings().cliVersion())) {
            throw new Fail(
                "control plane running " + cp + " but cli running " + ctx.settings().cliVersion());
          }
        });

    c.retry(
        LINKERD_CONTROL_PLANE_PROXY,
        "control plane proxies are healthy",
        "l5d-cp-proxy-healthy",
        FATAL,
        true,
        ctx -> {
          List<V1Pod> pods = controlPlaneProxyPods(ctx);
          Pods.checkPodsRunning(pods, ctx.cpns());
          IdentityChecks.trustBundleMatches(ctx, pods, Optional.of(ctx.cpns()));
        });
    c.add(
        LINKERD_CONTROL_PLANE_PROXY,
        "control plane proxies are up-to-date",
        "l5d-cp-proxy-version",
        WARNING,
        ctx -> upToDate(ctx, controlPlaneProxyPods(ctx)));
    c.add(
        LINKERD_CONTROL_PLANE_PROXY,
        "control plane proxies and cli versions match",
        "l5d-cp-proxy-cli-version",
        WARNING,
        ctx -> cliMatch(ctx, controlPlaneProxyPods(ctx)));

    c.add(
        LINKERD_DATA_PLANE,
        "data plane namespace exists",
        "l5d-data-plane-exists",
        FATAL,
        ProxyChecks::dataPlaneNamespace);
    c.retry(
        LINKERD_DATA_PLANE,
        "data plane proxies are ready",
        "l5d-data-plane-ready",
        FATAL,
        false,
        ctx ->
            Pods.checkPodsRunning(
                dataPlanePods(ctx), ctx.settings().dataPlaneNamespace().orElse("")));
    c.add(
        LINKERD_DATA_PLANE,
        "data plane is up-to-date",
        "l5d-data-plane-version",
        WARNING,
        ctx -> upToDate(ctx, dataPlanePods(ctx)));
    c.add(
        LINKERD_DATA_PLANE,
        "data plane and cli versions match",
        "l5d-data-plane-cli-version",
        WARNING,
        ctx -> cliMatch(ctx, dataPlanePods(ctx)));
    c.add(
        LINKERD_DATA_PLANE,
        "data plane pod labels are configured correctly",
        "l5d-data-plane-pod-labels",
        WARNING,
        ctx -> labels(dataPlanePods(ctx), "Some labels on data plane pods should be annotations:"));
    c.add(
        LINKERD_DATA_PLANE,
        "data plane service labels are configured correctly",
        "l5d-data-plane-services-labels",
        WARNING,
        ctx ->
            labels(
                ctx.services(ctx.settings().dataPlaneNamespace(), ""),
                "Some labels on data plane services should be annotations:"));
    c.add(
        LINKERD_DATA_PLANE,
        "data plane service annotations are configured correctly",
        "l5d-data-plane-services-annotations",
        WARNING,
        ProxyChecks::serviceAnnotations);
    c.add(
        LINKERD_DATA_PLANE,
        "opaque ports are properly annotated",
        "linkerd-opaque-ports-definition",
        WARNING,
        ProxyChecks::opaquePorts);

    c.retry(
        LINKERD_HA_CHECKS,
        "multiple replicas of control plane pods",
        "l5d-control-plane-replicas",
        WARNING,
        false,
        ProxyChecks::replicas);

    c.add(
        LINKERD_EXTENSION_CHECKS,
        "namespace configuration for extensions",
        "l5d-extension-namespaces",
        WARNING,
        ProxyChecks::extensionNamespaces);
  }

  static Channels channels(RunContext ctx) {
    try {
      return latest(ctx);
    } catch (Fail e) {
      return new Channels(List.of());
    }
  }

  static Channels latest(RunContext ctx) {
    return ctx.memo(
        "latest-versions",
        () -> {
          if (ctx.settings().versionLookup().isEmpty()) {
            throw new Fail(OFFLINE);
          }
          String uuid = "unknown";
          try {
            uuid =
                ctx.linkerdConfigMap()
                    .map(cm -> cm.getMetadata() == null ? null : cm.getMetadata().getUid())
                    .orElse("unknown");
          } catch (RuntimeException e) {
            // the UUID is informative only
          }
          Map<String, String> answer;
          try {
            answer =
                ctx.settings()
                    .versionLookup()
                    .get()
                    .latestVersions(ctx.settings().cliVersion(), uuid == null ? "unknown" : uuid);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Fail("the version lookup was interrupted");
          } catch (Exception e) {
            throw new Fail(e.getMessage() == null ? e.toString() : e.getMessage());
          }
          return Channels.of(answer);
        });
  }

  private static String controlPlaneVersion(RunContext ctx) {
    return ctx.configValues()
        .getString("linkerdVersion")
        .filter(v -> !v.isEmpty())
        .orElseThrow(() -> new Fail("linkerd-config has no linkerdVersion"));
  }

  private static List<V1Pod> controlPlaneProxyPods(RunContext ctx) {
    return ctx.pods(Optional.of(ctx.cpns()), LinkerdNames.CONTROL_PLANE_NS_LABEL);
  }

  static List<V1Pod> dataPlanePods(RunContext ctx) {
    return ctx.pods(
        ctx.settings().dataPlaneNamespace(),
        LinkerdNames.CONTROL_PLANE_NS_LABEL + "=" + ctx.cpns());
  }

  static void upToDate(RunContext ctx, List<V1Pod> pods) {
    Channels channels = channels(ctx);
    if (channels.versions().isEmpty()) {
      throw new Fail(Channels.UNKNOWN);
    }
    List<String> outdated = new ArrayList<>();
    for (V1Pod pod : pods) {
      if (!"Running".equals(Pods.podStatus(pod))) {
        continue;
      }
      String v = Pods.proxyVersion(pod);
      if (v.isEmpty()) {
        continue;
      }
      try {
        channels.match(v);
      } catch (Fail e) {
        outdated.add("\t* " + RunContext.name(pod) + " (" + v + ")");
      }
    }
    if (!outdated.isEmpty()) {
      throw new Fail(
          "some proxies are not running the current version:\n" + String.join("\n", outdated));
    }
  }

  static void cliMatch(RunContext ctx, List<V1Pod> pods) {
    String cli = ctx.settings().cliVersion();
    for (V1Pod pod : pods) {
      if (!"Running".equals(Pods.podStatus(pod))) {
        continue;
      }
      String v = Pods.proxyVersion(pod);
      if (!v.isEmpty() && !v.equals(cli)) {
        throw new Fail(RunContext.name(pod) + " running " + v + " but cli running " + cli);
      }
    }
  }

  static void dataPlaneNamespace(RunContext ctx) {
    Optional<String> ns = ctx.settings().dataPlaneNamespace();
    if (ns.isPresent() && ctx.get(ResourceKind.NAMESPACES, ns.get()).isEmpty()) {
      throw new Fail("The \"" + ns.get() + "\" namespace does not exist");
    }
  }

  private static boolean annotationLike(String label) {
    return label.startsWith(LinkerdNames.CONFIG_ANNOTATION_PREFIX)
        || label.startsWith(LinkerdNames.CONFIG_ALPHA_ANNOTATION_PREFIX)
        || label.equals(LinkerdNames.INJECT_ANNOTATION);
  }

  private static void labels(List<? extends KubernetesObject> objects, String title) {
    List<String> errors = new ArrayList<>();
    for (KubernetesObject o : objects) {
      TreeSet<String> bad = new TreeSet<>();
      for (String k : RunContext.labels(o).keySet()) {
        if (annotationLike(k)) {
          bad.add(k);
        }
      }
      if (!bad.isEmpty()) {
        errors.add(
            "\t* "
                + RunContext.namespaceOf(o)
                + "/"
                + RunContext.name(o)
                + "\n\t\t"
                + String.join("\n\t\t", bad));
      }
    }
    if (!errors.isEmpty()) {
      throw new Fail(title + "\n" + String.join("\n", errors));
    }
  }

  private static void serviceAnnotations(RunContext ctx) {
    List<String> errors = new ArrayList<>();
    for (V1Service svc : ctx.services(ctx.settings().dataPlaneNamespace(), "")) {
      if (RunContext.annotations(svc).containsKey("mirror.linkerd.io/exported")) {
        errors.add(
            "\t* "
                + RunContext.namespaceOf(svc)
                + "/"
                + RunContext.name(svc)
                + "\n\t\tmirror.linkerd.io/exported");
      }
    }
    if (!errors.isEmpty()) {
      throw new Fail(
          "Some annotations on data plane services should be labels:\n"
              + String.join("\n", errors));
    }
  }

  private static void opaquePorts(RunContext ctx) {
    Optional<String> ns = ctx.settings().dataPlaneNamespace();
    ListQuery q = ns.map(ListQuery::inNamespace).orElse(ListQuery.inAllNamespaces());
    Map<String, V1Endpoints> endpoints = new LinkedHashMap<>();
    for (V1Endpoints e : ctx.list(ResourceKind.ENDPOINTS, q)) {
      endpoints.put(RunContext.namespaceOf(e) + "/" + RunContext.name(e), e);
    }
    Map<String, V1Pod> pods = new LinkedHashMap<>();
    for (V1Pod p : ctx.pods(ns, "")) {
      pods.put(RunContext.namespaceOf(p) + "/" + RunContext.name(p), p);
    }
    List<String> errors = new ArrayList<>();
    for (V1Service svc : ctx.services(ns, "")) {
      if (svc.getSpec() != null && "None".equals(svc.getSpec().getClusterIP())) {
        continue;
      }
      String svcNs = RunContext.namespaceOf(svc);
      V1Endpoints ep = endpoints.get(svcNs + "/" + RunContext.name(svc));
      if (ep == null) {
        throw new Fail("endpoints \"" + RunContext.name(svc) + "\" not found");
      }
      Set<V1Pod> targets = new LinkedHashSet<>();
      for (V1EndpointSubset subset :
          ep.getSubsets() == null ? List.<V1EndpointSubset>of() : ep.getSubsets()) {
        for (V1EndpointAddress addr :
            subset.getAddresses() == null ? List.<V1EndpointAddress>of() : subset.getAddresses()) {
          if (addr.getTargetRef() != null && "Pod".equals(addr.getTargetRef().getKind())) {
            String name = addr.getTargetRef().getName();
            V1Pod pod = pods.get(svcNs + "/" + name);
            if (pod == null) {
              throw new Fail("pod \"" + name + "\" not found");
            }
            targets.add(pod);
          }
        }
      }
      for (V1Pod pod : targets) {
        String e = misconfiguredOpaque(svc, pod);
        if (e != null) {
          errors.add("\t* " + e);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new Fail(String.join("\n    ", errors));
    }
  }

  private static List<String> split(String v) {
    return v == null ? List.of() : List.of(v.split(",", -1));
  }

  private static List<V1ServicePort> ports(V1Service svc) {
    return svc.getSpec() == null || svc.getSpec().getPorts() == null
        ? List.of()
        : svc.getSpec().getPorts();
  }

  private static boolean intTarget(V1ServicePort sp) {
    return sp.getTargetPort() == null || sp.getTargetPort().isInteger();
  }

  private static int targetInt(V1ServicePort sp) {
    return sp.getTargetPort() == null || !sp.getTargetPort().isInteger()
        ? 0
        : sp.getTargetPort().getIntValue();
  }

  private static String targetStr(V1ServicePort sp) {
    return sp.getTargetPort() == null || sp.getTargetPort().isInteger()
        ? ""
        : sp.getTargetPort().getStrValue();
  }

  private static String targetText(V1ServicePort sp) {
    IntOrString t = sp.getTargetPort();
    return t == null ? "0" : t.isInteger() ? String.valueOf(t.getIntValue()) : t.getStrValue();
  }

  private static List<V1ContainerPort> containerPorts(V1Container c) {
    return c.getPorts() == null ? List.of() : c.getPorts();
  }

  private static String misconfiguredOpaque(V1Service svc, V1Pod pod) {
    List<String> svcPorts =
        split(RunContext.annotations(svc).get(LinkerdNames.OPAQUE_PORTS_ANNOTATION));
    List<String> podPorts =
        split(RunContext.annotations(pod).get(LinkerdNames.OPAQUE_PORTS_ANNOTATION));
    String svcName = RunContext.name(svc);
    String podName = RunContext.name(pod);
    for (String p : svcPorts) {
      int port = atoi(p, podName);
      String e = checkPodPorts(svc, svcName, pod, podName, podPorts, port);
      if (e != null) {
        return e;
      }
    }
    for (String p : podPorts) {
      int port = atoi(p, podName);
      String e = checkServicePorts(svc, svcName, pod, svcPorts, port);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  private static int atoi(String p, String podName) {
    try {
      return Integer.parseInt(p);
    } catch (NumberFormatException e) {
      throw new Fail("failed to convert " + p + " to port number for pod " + podName);
    }
  }

  private static String checkPodPorts(
      V1Service svc, String svcName, V1Pod pod, String podName, List<String> podPorts, int port) {
    for (V1ServicePort sp : ports(svc)) {
      if (sp.getPort() == null || sp.getPort() != port) {
        continue;
      }
      for (V1Container c : Pods.allContainers(pod)) {
        for (V1ContainerPort cp : containerPorts(c)) {
          int containerPort = cp.getContainerPort() == null ? 0 : cp.getContainerPort();
          String cpName = cp.getName() == null ? "" : cp.getName();
          if (containerPort == targetInt(sp) || cpName.equals(targetStr(sp))) {
            String strPort =
                intTarget(sp) ? String.valueOf(targetInt(sp)) : String.valueOf(containerPort);
            if (podPorts.contains(strPort)) {
              return null;
            }
            return "service "
                + svcName
                + " expects target port "
                + strPort
                + " to be opaque; add it to pod "
                + podName
                + " "
                + LinkerdNames.OPAQUE_PORTS_ANNOTATION
                + " annotation";
          }
        }
      }
    }
    return null;
  }

  private static String checkServicePorts(
      V1Service svc, String svcName, V1Pod pod, List<String> svcPorts, int port) {
    for (V1ServicePort sp : ports(svc)) {
      int svcPort = sp.getPort() == null ? 0 : sp.getPort();
      if (intTarget(sp)) {
        if (targetInt(sp) == 0) {
          if (svcPort == port) {
            if (svcPorts.contains(String.valueOf(svcPort))) {
              return null;
            }
            return "service "
                + svcName
                + " targets the opaque port "
                + svcPort
                + "; add it to its "
                + LinkerdNames.OPAQUE_PORTS_ANNOTATION
                + " annotation";
          }
          continue;
        }
        if (targetInt(sp) == port) {
          return servicePortError(svcName, sp, svcPort, svcPorts);
        }
      } else {
        for (V1Container c : Pods.allContainers(pod)) {
          for (V1ContainerPort cp : containerPorts(c)) {
            if (targetStr(sp).equals(cp.getName())
                && cp.getContainerPort() != null
                && cp.getContainerPort() == port) {
              return servicePortError(svcName, sp, svcPort, svcPorts);
            }
          }
        }
      }
    }
    return null;
  }

  private static String servicePortError(
      String svcName, V1ServicePort sp, int svcPort, List<String> svcPorts) {
    if (svcPorts.contains(String.valueOf(svcPort))) {
      return null;
    }
    return "service "
        + svcName
        + " targets the opaque port "
        + targetText(sp)
        + " through "
        + svcPort
        + "; add "
        + svcPort
        + " to its "
        + LinkerdNames.OPAQUE_PORTS_ANNOTATION
        + " annotation";
  }

  private static void replicas(RunContext ctx) {
    if (!ctx.configValues().getBoolean("highAvailability").orElse(false)) {
      throw new Skip("not a high-availability control plane");
    }
    Map<String, V1Deployment> deployments = new LinkedHashMap<>();
    for (V1Deployment d : ctx.list(ResourceKind.DEPLOYMENTS, ListQuery.inNamespace(ctx.cpns()))) {
      deployments.put(RunContext.name(d), d);
    }
    List<String> low = new ArrayList<>();
    for (String name :
        List.of("linkerd-destination", "linkerd-identity", "linkerd-proxy-injector")) {
      V1Deployment d = deployments.get(name);
      if (d == null) {
        throw new Fail("deployments.apps \"" + name + "\" not found");
      }
      Integer available = d.getStatus() == null ? null : d.getStatus().getAvailableReplicas();
      if (available == null || available <= 1) {
        low.add(name);
      }
    }
    if (!low.isEmpty()) {
      throw new Fail("not enough replicas available for [" + String.join(" ", low) + "]");
    }
  }

  static List<V1Namespace> extensionNamespaceList(RunContext ctx) {
    return ctx.list(
        ResourceKind.NAMESPACES,
        ListQuery.inAllNamespaces().withLabelSelector(LinkerdNames.EXTENSION_LABEL));
  }

  private static void extensionNamespaces(RunContext ctx) {
    Map<String, List<String>> byValue = new TreeMap<>();
    for (V1Namespace ns : extensionNamespaceList(ctx)) {
      String v = RunContext.labels(ns).get(LinkerdNames.EXTENSION_LABEL);
      byValue.computeIfAbsent(v == null ? "" : v, k -> new ArrayList<>()).add(RunContext.name(ns));
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> e : byValue.entrySet()) {
      if (e.getValue().size() > 1) {
        sb.append("\n\t* label \"")
            .append(LinkerdNames.EXTENSION_LABEL)
            .append('=')
            .append(e.getKey())
            .append("\" is present on more than one namespace:");
        for (String n : e.getValue()) {
          sb.append("\n\t\t* ").append(n);
        }
      }
    }
    if (sb.length() > 0) {
      throw new Fail("some extensions have invalid configuration" + sb);
    }
  }
}
