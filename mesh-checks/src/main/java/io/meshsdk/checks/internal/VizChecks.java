package io.meshsdk.checks.internal;

import static io.meshsdk.checks.CheckCategory.LINKERD_VIZ;
import static io.meshsdk.checks.CheckCategory.LINKERD_VIZ_DATA_PLANE;
import static io.meshsdk.core.report.Severity.FATAL;
import static io.meshsdk.core.report.Severity.WARNING;

import io.kubernetes.client.openapi.models.V1APIService;
import io.kubernetes.client.openapi.models.V1APIServiceCondition;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.GroupVersionResource;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.identity.WebhookTarget;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.report.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The viz extension: linkerd-viz and linkerd-viz-data-plane ({@code linkerd viz check}). */
final class VizChecks {
  static final String VIZ_LABEL = LinkerdNames.EXTENSION_LABEL + "=viz";
  static final String TAP_API_SERVICE = "v1alpha1.tap.linkerd.io";
  static final String NEEDS_CONNECTION =
      "needs a connection to a pod in the viz namespace "
          + "(a port-forward to %s), which Mesh SDK does not open: it talks only to the cluster's API";
  static final GroupVersionResource AUTHORIZATION_POLICIES =
      GroupVersionResource.of("policy.linkerd.io", "v1alpha1", "authorizationpolicies");

  private VizChecks() {}

  /** The viz namespace and its external-Prometheus annotation. */
  record VizNamespace(String name, Optional<String> externalPrometheus) {}

  static void add(Catalog c, Settings s) {
    c.add(
        LINKERD_VIZ,
        "linkerd-viz Namespace exists",
        "l5d-viz-ns-exists",
        FATAL,
        ctx -> vizNamespace(ctx));
    c.retry(
        LINKERD_VIZ,
        "can initialize the client",
        "l5d-viz-existence-client",
        FATAL,
        false,
        ctx -> {
          throw new Warn(
              String.format(
                  NEEDS_CONNECTION, "deploy/metrics-api:8085 in " + vizNamespace(ctx).name()));
        });
    c.add(
        LINKERD_VIZ,
        "linkerd-viz ClusterRoles exist",
        "l5d-viz-cr-exists",
        FATAL,
        ctx -> {
          String ns = vizNamespace(ctx).name();
          CoreChecks.missing(
              ctx.list(ResourceKind.CLUSTER_ROLES, ListQuery.inAllNamespaces()),
              "ClusterRoles",
              List.of(
                  "linkerd-" + ns + "-tap",
                  "linkerd-" + ns + "-metrics-api",
                  "linkerd-" + ns + "-tap-admin",
                  "linkerd-tap-injector"));
        });
    c.add(
        LINKERD_VIZ,
        "linkerd-viz ClusterRoleBindings exist",
        "l5d-viz-crb-exists",
        FATAL,
        ctx -> {
          String ns = vizNamespace(ctx).name();
          CoreChecks.missing(
              ctx.list(ResourceKind.CLUSTER_ROLE_BINDINGS, ListQuery.inAllNamespaces()),
              "ClusterRoleBindings",
              List.of(
                  "linkerd-" + ns + "-tap",
                  "linkerd-" + ns + "-metrics-api",
                  "linkerd-" + ns + "-tap-auth-delegator",
                  "linkerd-tap-injector"));
        });
    WebhookTarget tap = WebhookTarget.tap(s.vizNamespace().orElse(LinkerdNames.VIZ_NAMESPACE));
    c.add(
        LINKERD_VIZ,
        tap.validDescription(),
        tap.validHintAnchor(),
        FATAL,
        ctx -> IdentityChecks.outcome(tapResults(ctx), 0));
    c.add(
        LINKERD_VIZ,
        tap.expiryDescription(s.certificateHorizon()),
        tap.expiryHintAnchor(),
        WARNING,
        ctx -> IdentityChecks.outcome(tapResults(ctx), 1));
    c.retry(
        LINKERD_VIZ,
        "tap API service is running",
        "l5d-tap-api",
        WARNING,
        false,
        ctx -> {
          V1APIService svc =
              ctx.get(ResourceKind.API_SERVICES, TAP_API_SERVICE)
                  .orElseThrow(
                      () ->
                          new Fail(
                              "apiservices.apiregistration.k8s.io \""
                                  + TAP_API_SERVICE
                                  + "\" not found"));
          if (svc.getStatus() != null && svc.getStatus().getConditions() != null) {
            for (V1APIServiceCondition cond : svc.getStatus().getConditions()) {
              if ("Available".equals(cond.getType())) {
                if ("True".equals(cond.getStatus())) {
                  return;
                }
                throw new Fail(
                    CoreChecks.nn(cond.getReason()) + ": " + CoreChecks.nn(cond.getMessage()));
              }
            }
          }
          throw new Fail(TAP_API_SERVICE + " service not available");
        });
    c.add(
        LINKERD_VIZ,
        "linkerd-viz pods are injected",
        "l5d-viz-pods-injection",
        WARNING,
        ctx -> {
          for (V1Pod pod : ctx.pods(Optional.of(vizNamespace(ctx).name()), "")) {
            if (Pods.proxyContainer(pod).isEmpty()) {
              throw new Fail("could not find proxy container for " + RunContext.name(pod) + " pod");
            }
          }
        });
    c.retry(
        LINKERD_VIZ,
        "viz extension pods are running",
        "l5d-viz-pods-running",
        WARNING,
        true,
        ctx -> {
          String ns = vizNamespace(ctx).name();
          List<V1Pod> pods = ctx.pods(Optional.of(ns), VIZ_LABEL);
          Set<String> components = new LinkedHashSet<>();
          for (V1Pod p : pods) {
            Map<String, String> l = RunContext.labels(p);
            String comp =
                l.getOrDefault(LinkerdNames.CONTROL_PLANE_COMPONENT_LABEL, l.get("component"));
            if (comp != null) {
              components.add(comp);
            }
          }
          for (String d : List.of("web", "tap", "metrics-api", "tap-injector")) {
            if (!components.contains(d)) {
              throw new Fail("Could not find pods for deployment " + d);
            }
          }
          Pods.checkPodsRunning(pods, ns);
        });
    c.add(
        LINKERD_VIZ,
        "viz extension proxies are healthy",
        "l5d-viz-proxy-healthy",
        WARNING,
        ctx -> {
          String ns = vizNamespace(ctx).name();
          List<V1Pod> pods = ctx.pods(Optional.of(ns), LinkerdNames.CONTROL_PLANE_NS_LABEL);
          Pods.checkPodsRunning(pods, ns);
          IdentityChecks.trustBundleMatches(ctx, pods, Optional.of(ns));
        });
    c.add(
        LINKERD_VIZ,
        "viz extension proxies are up-to-date",
        "l5d-viz-proxy-cp-version",
        WARNING,
        ctx ->
            ProxyChecks.upToDate(
                ctx,
                ctx.pods(
                    Optional.of(vizNamespace(ctx).name()), LinkerdNames.CONTROL_PLANE_NS_LABEL)));
    c.add(
        LINKERD_VIZ,
        "viz extension proxies and cli versions match",
        "l5d-viz-proxy-cli-version",
        WARNING,
        ctx ->
            ProxyChecks.cliMatch(
                ctx,
                ctx.pods(
                    Optional.of(vizNamespace(ctx).name()), LinkerdNames.CONTROL_PLANE_NS_LABEL)));
    c.add(
        LINKERD_VIZ,
        "prometheus is installed and configured correctly",
        "l5d-viz-prometheus",
        WARNING,
        VizChecks::prometheus);
    c.retry(
        LINKERD_VIZ,
        "viz extension self-check",
        "l5d-viz-metrics-api",
        FATAL,
        false,
        ctx -> {
          throw new Warn(
              String.format(
                  NEEDS_CONNECTION,
                  "the metrics API's SelfCheck (gRPC) in " + vizNamespace(ctx).name()));
        });

    c.add(
        LINKERD_VIZ_DATA_PLANE,
        "data plane namespace exists",
        "l5d-data-plane-exists",
        FATAL,
        ProxyChecks::dataPlaneNamespace);
    c.add(
        LINKERD_VIZ_DATA_PLANE,
        "prometheus is authorized to scrape data plane pods",
        "l5d-viz-data-plane-prom-authz",
        WARNING,
        VizChecks::promAuthz);
    c.retry(
        LINKERD_VIZ_DATA_PLANE,
        "data plane proxy metrics are present in Prometheus",
        "l5d-data-plane-prom",
        WARNING,
        false,
        ctx -> {
          throw new Warn(String.format(NEEDS_CONNECTION, "the metrics API, which asks Prometheus"));
        });
  }

  static VizNamespace vizNamespace(RunContext ctx) {
    return ctx.memo(
        "viz-namespace",
        () -> {
          Optional<String> given = ctx.settings().vizNamespace();
          V1Namespace ns;
          if (given.isPresent()) {
            ns =
                ctx.get(ResourceKind.NAMESPACES, given.get())
                    .orElseThrow(() -> new Fail("namespaces \"" + given.get() + "\" not found"));
            if (!"viz".equals(RunContext.labels(ns).get(LinkerdNames.EXTENSION_LABEL))) {
              throw new Fail("This is not a linkerd-viz namespace");
            }
          } else {
            List<V1Namespace> all =
                ctx.list(
                    ResourceKind.NAMESPACES,
                    ListQuery.inAllNamespaces().withLabelSelector(VIZ_LABEL));
            if (all.isEmpty()) {
              throw new Fail(
                  "namespace with label \"" + LinkerdNames.EXTENSION_LABEL + ": viz\" not found");
            }
            ns = all.get(0);
          }
          return new VizNamespace(
              RunContext.name(ns),
              Optional.ofNullable(
                  RunContext.annotations(ns).get(LinkerdNames.VIZ_EXTERNAL_PROMETHEUS_ANNOTATION)));
        });
  }

  private static List<CheckResult> tapResults(RunContext ctx) {
    return ctx.memo(
        "tap-cert",
        () -> {
          String ns = vizNamespace(ctx).name();
          Optional<V1Secret> secret = ctx.get(ResourceKind.SECRETS, ns, "tap-k8s-tls");
          String crtKey = "tls.crt";
          String keyKey = "tls.key";
          if (secret.isEmpty()) {
            secret = ctx.get(ResourceKind.SECRETS, ns, "linkerd-tap-tls");
            crtKey = "crt.pem";
            keyKey = "key.pem";
          }
          V1Secret sec =
              secret.orElseThrow(() -> new Fail("secrets \"linkerd-tap-tls\" not found"));
          V1APIService svc =
              ctx.get(ResourceKind.API_SERVICES, TAP_API_SERVICE)
                  .orElseThrow(
                      () ->
                          new Fail(
                              "apiservices.apiregistration.k8s.io \""
                                  + TAP_API_SERVICE
                                  + "\" not found"));
          byte[] ca = svc.getSpec() == null ? null : svc.getSpec().getCaBundle();
          Map<String, byte[]> data = sec.getData() == null ? Map.of() : sec.getData();
          return IdentityChecks.validator(ctx)
              .validateWebhook(
                  WebhookTarget.tap(ns),
                  IdentityChecks.text(ca),
                  IdentityChecks.text(data.get(crtKey)),
                  IdentityChecks.text(data.get(keyKey)));
        });
  }

  private static void prometheus(RunContext ctx) {
    VizNamespace viz = vizNamespace(ctx);
    if (viz.externalPrometheus().isPresent()) {
      throw new Skip("external Prometheus " + viz.externalPrometheus().get());
    }
    String name = "linkerd-" + viz.name() + "-prometheus";
    CoreChecks.missing(
        ctx.list(ResourceKind.CLUSTER_ROLES, ListQuery.inAllNamespaces()),
        "ClusterRoles",
        List.of(name));
    CoreChecks.missing(
        ctx.list(ResourceKind.CLUSTER_ROLE_BINDINGS, ListQuery.inAllNamespaces()),
        "ClusterRoleBindings",
        List.of(name));
    if (ctx.get(ResourceKind.CONFIG_MAPS, viz.name(), "prometheus-config").isEmpty()) {
      throw new Fail("configmaps \"prometheus-config\" not found");
    }
    boolean pod =
        ctx.pods(Optional.of(viz.name()), "").stream()
            .anyMatch(
                p ->
                    "prometheus"
                        .equals(
                            RunContext.labels(p)
                                .getOrDefault(
                                    LinkerdNames.CONTROL_PLANE_COMPONENT_LABEL,
                                    RunContext.labels(p).get("component"))));
    if (!pod) {
      throw new Fail("Could not find pods for deployment prometheus");
    }
  }

  private static void promAuthz(RunContext ctx) {
    Optional<String> ns = ctx.settings().dataPlaneNamespace();
    Set<String> authorized = new LinkedHashSet<>();
    try {
      for (Map<String, Object> ap :
          ctx.memo(
              "authorization-policies",
              () ->
                  ctx.cluster()
                      .listCustom(
                          AUTHORIZATION_POLICIES,
                          ns.map(ListQuery::inNamespace).orElse(ListQuery.inAllNamespaces())))) {
        Object meta = ap.get("metadata");
        if (meta instanceof Map<?, ?> m && "prometheus-scrape".equals(m.get("name"))) {
          authorized.add(String.valueOf(m.get("namespace")));
        }
      }
    } catch (ClusterAccessException e) {
      if (e.failure() != ClusterAccessException.Failure.NOT_FOUND) {
        throw e;
      }
    }
    List<String> denied = new ArrayList<>();
    for (V1Pod pod : ProxyChecks.dataPlanePods(ctx)) {
      String podNs = RunContext.namespaceOf(pod);
      if (authorized.contains(podNs)) {
        continue;
      }
      Optional<V1Container> proxy = Pods.proxyContainer(pod);
      if (proxy.isEmpty() || proxy.get().getEnv() == null) {
        continue;
      }
      for (V1EnvVar env : proxy.get().getEnv()) {
        if ("LINKERD2_PROXY_INBOUND_DEFAULT_POLICY".equals(env.getName())
            && "deny".equals(env.getValue())) {
          denied.add("\t* " + podNs + "/" + RunContext.name(pod));
        }
      }
    }
    if (!denied.isEmpty()) {
      throw new Fail(
          "prometheus is not authorized to scrape these pods, whose default inbound "
              + "policy is deny:\n"
              + String.join("\n", denied)
              + "\n    run 'linkerd viz allow-scrapes' to generate the AuthorizationPolicy");
    }
  }
}
