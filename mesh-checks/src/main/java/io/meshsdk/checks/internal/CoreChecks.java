package io.meshsdk.checks.internal;

import static io.meshsdk.checks.CheckCategory.GATEWAY_API_CRD;
import static io.meshsdk.checks.CheckCategory.KUBERNETES_API;
import static io.meshsdk.checks.CheckCategory.KUBERNETES_VERSION;
import static io.meshsdk.checks.CheckCategory.LINKERD_CNI_PLUGIN;
import static io.meshsdk.checks.CheckCategory.LINKERD_CONFIG;
import static io.meshsdk.checks.CheckCategory.LINKERD_CRD;
import static io.meshsdk.checks.CheckCategory.LINKERD_EXISTENCE;
import static io.meshsdk.checks.CheckCategory.PRE_KUBERNETES_SETUP;
import static io.meshsdk.core.report.Severity.ERROR;
import static io.meshsdk.core.report.Severity.FATAL;
import static io.meshsdk.core.report.Severity.WARNING;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionVersion;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetCondition;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.checks.ExpectedCrd;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.values.HelmValues;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** kubernetes-api through linkerd-cni-plugin. */
final class CoreChecks {
  static final String CP_SELECTOR =
      LinkerdNames.CONTROL_PLANE_NS_LABEL + ",!" + LinkerdNames.CNI_RESOURCE_LABEL;
  static final String HTTPROUTES_CRD = "httproutes.gateway.networking.k8s.io";
  static final String GRPCROUTES_CRD = "grpcroutes.gateway.networking.k8s.io";
  static final String GATEWAY_MISSING =
      "The Gateway API CRDs must be installed prior to "
          + "installing Linkerd. Run:\n\nkubectl apply --server-side -f https://github.com/"
          + "kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml\n\nor see "
          + "https://gateway-api.sigs.k8s.io/guides/#installing-gateway-api for more options.";
  static final int[] MIN_KUBERNETES = {1, 31, 0};
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5).plusSeconds(10);
  static final String DEFAULT_CLUSTER_NETWORKS =
      "10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16,fd00::/8";
  static final String DOCKER_FIX = "try installing linkerd via --set proxyInit.runAsRoot=true";

  private CoreChecks() {}

  static void add(Catalog c, Settings s) {
    c.add(KUBERNETES_API, "can initialize the client", "k8s-api", FATAL, ctx -> {});
    c.add(
        KUBERNETES_API,
        "can query the Kubernetes API",
        "k8s-api",
        FATAL,
        CoreChecks::serverVersion);
    c.add(
        KUBERNETES_VERSION,
        "is running the minimum Kubernetes API version",
        "k8s-version",
        ERROR,
        CoreChecks::kubernetesVersion);
    c.add(
        GATEWAY_API_CRD,
        "Gateway API CRDs are installed",
        "gateway-api-crd",
        FATAL,
        CoreChecks::gatewayApi);

    c.add(
        PRE_KUBERNETES_SETUP,
        "control plane namespace does not already exist",
        "pre-ns",
        ERROR,
        ctx -> {
          if (ctx.get(ResourceKind.NAMESPACES, ctx.cpns()).isPresent()) {
            throw new Fail("The \"" + ctx.cpns() + "\" namespace already exists");
          }
        });
    c.add(
        PRE_KUBERNETES_SETUP,
        "can create non-namespaced resources",
        "pre-k8s-cluster-k8s",
        ERROR,
        CoreChecks::canCreateClusterResources);
    c.add(
        PRE_KUBERNETES_SETUP,
        "can create ServiceAccounts",
        "pre-k8s",
        ERROR,
        ctx -> access(ctx, "create", "", "v1", "serviceaccounts"));
    c.add(
        PRE_KUBERNETES_SETUP,
        "can create Services",
        "pre-k8s",
        ERROR,
        ctx -> access(ctx, "create", "", "v1", "services"));
    c.add(
        PRE_KUBERNETES_SETUP,
        "can create Deployments",
        "pre-k8s",
        ERROR,
        ctx -> access(ctx, "create", "apps", "v1", "deployments"));
    c.add(
        PRE_KUBERNETES_SETUP,
        "can create CronJobs",
        "pre-k8s",
        ERROR,
        ctx -> access(ctx, "create", "batch", "v1beta1", "cronjobs"));
    c.add(
        PRE_KUBERNETES_SETUP,
        "can create ConfigMaps",
        "pre-k8s",
        ERROR,
        ctx -> access(ctx, "create", "", "v1", "configmaps"));
    c.add(
        PRE_KUBERNETES_SETUP,
        "can create Secrets",
        "pre-k8s",
        ERROR,
        ctx -> access(ctx, "create", "", "v1", "secrets"));
    c.add(
        PRE_KUBERNETES_SETUP,
        "can read Secrets",
        "pre-k8s",
        ERROR,
        ctx -> access(ctx, "get", "", "v1", "secrets"));
    c.add(
        PRE_KUBERNETES_SETUP,
        "can read extension-apiserver-authentication configmap",
        "pre-k8s",
        ERROR,
        CoreChecks::extensionApiserverAuthentication);
    c.add(
        PRE_KUBERNETES_SETUP,
        "no clock skew detected",
        "pre-k8s-clock-skew",
        WARNING,
        CoreChecks::clockSkew);
    c.add(
        PRE_KUBERNETES_SETUP,
        DOCKER_DESCRIPTION,
        "l5d-proxy-init-run-as-root",
        WARNING,
        CoreChecks::dockerRuntimePlanned);

    c.retry(LINKERD_CRD, CRDS_DESCRIPTION, "l5d-existence-crd", FATAL, false, CoreChecks::crds);

    c.add(
        LINKERD_EXISTENCE,
        "'linkerd-config' config map exists",
        "l5d-existence-linkerd-config",
        FATAL,
        ctx -> ctx.configValues());
    c.add(
        LINKERD_EXISTENCE,
        "heartbeat ServiceAccount exist",
        "l5d-existence-sa",
        FATAL,
        ctx -> {
          if (ctx.configValues().getBoolean("disableHeartBeat").orElse(false)) {
            return;
          }
          missing(
              ctx.list(
                  ResourceKind.SERVICE_ACCOUNTS,
                  ListQuery.inNamespace(ctx.cpns()).withLabelSelector(CP_SELECTOR)),
              "ServiceAccounts",
              List.of("linkerd-heartbeat"));
        });
    c.retry(
        LINKERD_EXISTENCE,
        "control plane replica sets are ready",
        "l5d-existence-replicasets",
        FATAL,
        false,
        CoreChecks::replicaSets);
    c.retry(
        LINKERD_EXISTENCE,
        "no unschedulable pods",
        "l5d-existence-unschedulable-pods",
        WARNING,
        true,
        CoreChecks::unschedulablePods);
    c.retry(
        LINKERD_EXISTENCE,
        "control plane pods are ready",
        "l5d-api-control-ready",
        FATAL,
        true,
        CoreChecks::controlPlanePods);
    c.add(
        LINKERD_EXISTENCE,
        "cluster networks contains all node podCIDRs",
        "l5d-cluster-networks-cidr",
        ERROR,
        CoreChecks::nodePodCidrs);
    c.add(
        LINKERD_EXISTENCE,
        Catalog.ALL_PODS_DESCRIPTION,
        "l5d-cluster-networks-pods",
        ERROR,
        CoreChecks::allPods);
    c.add(
        LINKERD_EXISTENCE,
        "cluster networks contains all services",
        "l5d-cluster-networks-pods",
        ERROR,
        CoreChecks::allServices);

    c.add(
        LINKERD_CONFIG,
        "control plane Namespace exists",
        "l5d-existence-ns",
        FATAL,
        ctx -> {
          if (ctx.get(ResourceKind.NAMESPACES, ctx.cpns()).isEmpty()) {
            throw new Fail("The \"" + ctx.cpns() + "\" namespace does not exist");
          }
        });
    c.add(
        LINKERD_CONFIG,
        "control plane ClusterRoles exist",
        "l5d-existence-cr",
        FATAL,
        ctx ->
            missing(
                ctx.list(
                    ResourceKind.CLUSTER_ROLES,
                    ListQuery.inAllNamespaces().withLabelSelector(CP_SELECTOR)),
                "ClusterRoles",
                List.of(
                    "linkerd-" + ctx.cpns() + "-identity",
                    "linkerd-" + ctx.cpns() + "-proxy-injector")));
    c.add(
        LINKERD_CONFIG,
        "control plane ClusterRoleBindings exist",
        "l5d-existence-crb",
        FATAL,
        ctx ->
            missing(
                ctx.list(
                    ResourceKind.CLUSTER_ROLE_BINDINGS,
                    ListQuery.inAllNamespaces().withLabelSelector(CP_SELECTOR)),
                "ClusterRoleBindings",
                List.of(
                    "linkerd-" + ctx.cpns() + "-identity",
                    "linkerd-" + ctx.cpns() + "-proxy-injector")));
    c.add(
        LINKERD_CONFIG,
        "control plane ServiceAccounts exist",
        "l5d-existence-sa",
        FATAL,
        ctx ->
            missing(
                ctx.list(
                    ResourceKind.SERVICE_ACCOUNTS,
                    ListQuery.inNamespace(ctx.cpns()).withLabelSelector(CP_SELECTOR)),
                "ServiceAccounts",
                List.of("linkerd-destination", "linkerd-identity", "linkerd-proxy-injector")));
    c.add(LINKERD_CONFIG, CRDS_DESCRIPTION, "l5d-existence-crd", FATAL, CoreChecks::crds);
    c.add(
        LINKERD_CONFIG,
        "control plane MutatingWebhookConfigurations exist",
        "l5d-existence-mwc",
        FATAL,
        ctx ->
            missing(
                ctx.list(
                    ResourceKind.MUTATING_WEBHOOK_CONFIGURATIONS,
                    ListQuery.inAllNamespaces().withLabelSelector(CP_SELECTOR)),
                "MutatingWebhookConfigurations",
                List.of("linkerd-proxy-injector-webhook-config")));
    c.add(
        LINKERD_CONFIG,
        "control plane ValidatingWebhookConfigurations exist",
        "l5d-existence-vwc",
        FATAL,
        ctx ->
            missing(
                ctx.list(
                    ResourceKind.VALIDATING_WEBHOOK_CONFIGURATIONS,
                    ListQuery.inAllNamespaces().withLabelSelector(CP_SELECTOR)),
                "ValidatingWebhookConfigurations",
                List.of("linkerd-sp-validator-webhook-config")));
    c.add(
        LINKERD_CONFIG,
        DOCKER_DESCRIPTION,
        "l5d-proxy-init-run-as-root",
        ERROR,
        CoreChecks::dockerRuntimeInstalled);

    c.add(
        LINKERD_CNI_PLUGIN,
        "cni plugin ConfigMap exists",
        "cni-plugin-cm-exists",
        FATAL,
        ctx -> {
          cni(ctx);
          if (ctx.get(ResourceKind.CONFIG_MAPS, ctx.settings().cniNamespace(), "linkerd-cni-config")
              .isEmpty()) {
            throw new Fail("configmaps \"linkerd-cni-config\" not found");
          }
        });
    c.add(
        LINKERD_CNI_PLUGIN,
        "cni plugin ClusterRole exists",
        "cni-plugin-cr-exists",
        FATAL,
        ctx -> {
          cni(ctx);
          if (ctx.get(ResourceKind.CLUSTER_ROLES, "linkerd-cni").isEmpty()) {
            throw new Fail("missing ClusterRole: linkerd-cni");
          }
        });
    c.add(
        LINKERD_CNI_PLUGIN,
        "cni plugin ClusterRoleBinding exists",
        "cni-plugin-crb-exists",
        FATAL,
        ctx -> {
          cni(ctx);
          if (ctx.get(ResourceKind.CLUSTER_ROLE_BINDINGS, "linkerd-cni").isEmpty()) {
            throw new Fail("missing ClusterRoleBinding: linkerd-cni");
          }
        });
    c.add(
        LINKERD_CNI_PLUGIN,
        "cni plugin ServiceAccount exists",
        "cni-plugin-sa-exists",
        FATAL,
        ctx -> {
          cni(ctx);
          if (ctx.get(ResourceKind.SERVICE_ACCOUNTS, ctx.settings().cniNamespace(), "linkerd-cni")
              .isEmpty()) {
            throw new Fail("missing ServiceAccount: linkerd-cni");
          }
        });
    c.add(
        LINKERD_CNI_PLUGIN,
        "cni plugin DaemonSet exists",
        "cni-plugin-ds-exists",
        FATAL,
        ctx -> {
          cni(ctx);
          daemonSet(ctx);
        });
    c.retry(
        LINKERD_CNI_PLUGIN,
        "cni plugin pod is running on all nodes",
        "cni-plugin-ready",
        FATAL,
        true,
        ctx -> {
          cni(ctx);
          V1DaemonSet ds = daemonSet(ctx);
          Integer desired =
              ds.getStatus() == null ? null : ds.getStatus().getDesiredNumberScheduled();
          Integer ready = ds.getStatus() == null ? null : ds.getStatus().getNumberReady();
          int scheduled = desired == null ? 0 : desired;
          int r = ready == null ? 0 : ready;
          if (scheduled != r) {
            throw new Fail("number ready: " + r + ", number scheduled: " + scheduled);
          }
        });
  }

  static final String CRDS_DESCRIPTION = "control plane CustomResourceDefinitions exist";
  static final String DOCKER_DESCRIPTION =
      "proxy-init container runs as root user if docker container runtime is used";

  static VersionInfo serverVersion(RunContext ctx) {
    return ctx.memo("server-version", () -> ctx.cluster().serverVersion());
  }

  private static void kubernetesVersion(RunContext ctx) {
    String git = serverVersion(ctx).getGitVersion();
    String v = git == null ? "" : git;
    if (v.startsWith("v")) {
      v = v.substring(1);
    }
    int end = 0;
    while (end < v.length() && (Character.isDigit(v.charAt(end)) || v.charAt(end) == '.')) {
      end++;
    }
    v = v.substring(0, end);
    String[] parts = v.split("\\.", -1);
    if (parts.length != 3) {
      throw new Fail("unknown version string format [" + v + "]");
    }
    int[] actual = new int[3];
    for (int i = 0; i < 3; i++) {
      try {
        actual[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new Fail("unknown version string format [" + v + "]");
      }
    }
    for (int i = 0; i < 3; i++) {
      if (actual[i] != MIN_KUBERNETES[i]) {
        if (actual[i] < MIN_KUBERNETES[i]) {
          throw new Fail(
              "Kubernetes is on version ["
                  + actual[0]
                  + "."
                  + actual[1]
                  + "."
                  + actual[2]
                  + "], but version ["
                  + MIN_KUBERNETES[0]
                  + "."
                  + MIN_KUBERNETES[1]
                  + "."
                  + MIN_KUBERNETES[2]
                  + "] or more recent is required");
        }
        return;
      }
    }
  }

  private static void gatewayApi(RunContext ctx) {
    boolean found = false;
    for (String name : List.of(HTTPROUTES_CRD, GRPCROUTES_CRD)) {
      Optional<V1CustomResourceDefinition> crd = ctx.crd(name);
      if (crd.isEmpty()) {
        continue;
      }
      if (RunContext.annotations(crd.get()).containsKey(LinkerdNames.CREATED_BY_ANNOTATION)) {
        return;
      }
      found = true;
      if (!versions(crd.get()).contains("v1")) {
        throw new Fail(
            "the "
                + name
                + " CRD is missing the v1 version, please upgrade to "
                + "Gateway API v1.1.1 or later");
      }
    }
    if (!found) {
      throw new Fail(GATEWAY_MISSING);
    }
  }

  static List<String> versions(V1CustomResourceDefinition crd) {
    if (crd.getSpec() == null || crd.getSpec().getVersions() == null) {
      return List.of();
    }
    return crd.getSpec().getVersions().stream()
        .map(V1CustomResourceDefinitionVersion::getName)
        .toList();
  }

  private static void crds(RunContext ctx) {
    List<String> errors = new ArrayList<>();
    for (ExpectedCrd e : ctx.settings().expectedCrds()) {
      Optional<V1CustomResourceDefinition> crd = ctx.crd(e.name());
      if (crd.isEmpty()) {
        errors.add("missing " + e.name());
      } else if (!versions(crd.get()).contains(e.version())) {
        errors.add("CRD " + e.name() + " is missing version " + e.version());
      }
    }
    if (!errors.isEmpty()) {
      throw new Fail(String.join(", ", errors));
    }
  }

  private static void access(
      RunContext ctx, String verb, String group, String version, String resource) {
    V1SubjectAccessReviewStatus st =
        ctx.cluster()
            .accessReview(
                new V1ResourceAttributes()
                    .verb(verb)
                    .namespace(ctx.cpns())
                    .group(group)
                    .version(version)
                    .resource(resource));
    if (st == null || !Boolean.TRUE.equals(st.getAllowed())) {
      String reason = st == null || st.getReason() == null ? "" : st.getReason();
      throw new Fail(
          "not authorized to access "
              + resource
              + (group.isEmpty() ? "" : "." + group)
              + (reason.isEmpty() ? "" : ": " + reason));
    }
  }

  /** The cluster-scoped objects of Linkerd's install manifest at b24cd40. */
  static List<Manifest> clusterScopedInstallObjects(String cpns) {
    List<Manifest> out = new ArrayList<>();
    out.add(object("v1", "Namespace", cpns));
    String rbac = "rbac.authorization.k8s.io/v1";
    List<String> roles =
        List.of(
            "linkerd-" + cpns + "-identity",
            "linkerd-" + cpns + "-destination",
            "linkerd-" + cpns + "-proxy-injector",
            "linkerd-policy",
            "linkerd-heartbeat");
    for (String r : roles) {
      out.add(object(rbac, "ClusterRole", r));
    }
    for (String r : roles) {
      out.add(object(rbac, "ClusterRoleBinding", r));
    }
    out.add(object(rbac, "ClusterRoleBinding", "linkerd-destination-policy"));
    String adm = "admissionregistration.k8s.io/v1";
    out.add(object(adm, "ValidatingWebhookConfiguration", "linkerd-sp-validator-webhook-config"));
    out.add(
        object(adm, "ValidatingWebhookConfiguration", "linkerd-policy-validator-webhook-config"));
    out.add(object(adm, "MutatingWebhookConfiguration", "linkerd-proxy-injector-webhook-config"));
    return out;
  }

  private static Manifest object(String apiVersion, String kind, String name) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    meta.put("labels", Map.of(LinkerdNames.CONTROL_PLANE_NS_LABEL, "linkerd"));
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.put("metadata", meta);
    return Manifest.of(o);
  }

  private static void canCreateClusterResources(RunContext ctx) {
    List<String> errors = new ArrayList<>();
    for (Manifest m : clusterScopedInstallObjects(ctx.cpns())) {
      try {
        ctx.cluster().dryRunCreate(m);
      } catch (ClusterAccessException e) {
        errors.add(
            "cannot create "
                + m.kind().orElse("")
                + "/"
                + m.name().orElse("")
                + ": "
                + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new Fail(String.join("\n    ", errors));
    }
  }

  private static void extensionApiserverAuthentication(RunContext ctx) {
    V1ConfigMap cm =
        ctx.get(ResourceKind.CONFIG_MAPS, "kube-system", "extension-apiserver-authentication")
            .orElseThrow(
                () -> new Fail("configmaps \"extension-apiserver-authentication\" not found"));
    String v = cm.getData() == null ? null : cm.getData().get("requestheader-client-ca-file");
    if (v == null || v.isEmpty()) {
      throw new Fail("--requestheader-client-ca-file is not configured");
    }
  }

  static List<V1Node> nodes(RunContext ctx) {
    return ctx.list(ResourceKind.NODES, ListQuery.inAllNamespaces());
  }

  private static void clockSkew(RunContext ctx) {
    Instant now = ctx.now();
    List<String> skewed = new ArrayList<>();
    for (V1Node node : nodes(ctx)) {
      if (node.getStatus() == null || node.getStatus().getConditions() == null) {
        continue;
      }
      for (V1NodeCondition cond : node.getStatus().getConditions()) {
        if ("Ready".equals(cond.getType()) && "True".equals(cond.getStatus())) {
          OffsetDateTime hb = cond.getLastHeartbeatTime();
          Instant t = hb == null ? Instant.EPOCH.minusSeconds(62_135_596_800L) : hb.toInstant();
          if (Duration.between(t, now).abs().compareTo(CLOCK_SKEW) > 0) {
            skewed.add(RunContext.name(node));
          }
        }
      }
    }
    if (!skewed.isEmpty()) {
      throw new Fail("clock skew detected for node(s): " + String.join(", ", skewed));
    }
  }

  private static List<String> dockerNodes(RunContext ctx) {
    List<String> out = new ArrayList<>();
    for (V1Node node : nodes(ctx)) {
      String rt =
          node.getStatus() == null || node.getStatus().getNodeInfo() == null
              ? null
              : node.getStatus().getNodeInfo().getContainerRuntimeVersion();
      if (rt != null && rt.startsWith("docker:")) {
        out.add(RunContext.name(node));
      }
    }
    return out;
  }

  private static void dockerRuntimePlanned(RunContext ctx) {
    HelmValues planned = ctx.settings().plannedValues().orElse(HelmValues.empty());
    if (planned.getBoolean("proxyInit.runAsRoot").orElse(false)) {
      return;
    }
    List<String> docker = dockerNodes(ctx);
    if (!docker.isEmpty()) {
      throw new Fail(
          "there are nodes using the docker container runtime and proxy-init "
              + "container must run as root user: "
              + String.join(", ", docker)
              + "\n"
              + DOCKER_FIX);
    }
  }

  private static void dockerRuntimeInstalled(RunContext ctx) {
    if (ctx.linkerdConfigMap().isEmpty()) {
      throw new Skip("linkerd-config not found");
    }
    if (ctx.configValues().getBoolean("proxyInit.runAsRoot").orElse(false)) {
      return;
    }
    if (!dockerNodes(ctx).isEmpty()) {
      throw new Fail(
          "there are nodes using the docker container runtime and proxy-init "
              + "container must run as root user.\n"
              + DOCKER_FIX);
    }
  }

  static void missing(
      List<? extends KubernetesObject> objects, String what, List<String> required) {
    Set<String> have = objects.stream().map(RunContext::name).collect(Collectors.toSet());
    TreeSet<String> missing = new TreeSet<>();
    for (String r : required) {
      if (!have.contains(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      throw new Fail("missing " + what + ": " + String.join(", ", missing));
    }
  }

  private static void replicaSets(RunContext ctx) {
    List<String> errors = new ArrayList<>();
    for (V1ReplicaSet rs : ctx.list(ResourceKind.REPLICA_SETS, ListQuery.inNamespace(ctx.cpns()))) {
      if (rs.getStatus() == null || rs.getStatus().getConditions() == null) {
        continue;
      }
      for (V1ReplicaSetCondition cond : rs.getStatus().getConditions()) {
        if ("ReplicaFailure".equals(cond.getType()) && "True".equals(cond.getStatus())) {
          errors.add(nn(cond.getReason()) + ": " + nn(cond.getMessage()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new Fail(String.join("\n   ", errors));
    }
  }

  private static void unschedulablePods(RunContext ctx) {
    for (V1Pod pod : ctx.pods(Optional.of(ctx.cpns()), "")) {
      List<V1PodCondition> conds = Pods.status(pod).getConditions();
      if (conds == null) {
        continue;
      }
      for (V1PodCondition cond : conds) {
        if ("Unschedulable".equals(cond.getReason())) {
          // waiting does not schedule a pod: report at once instead of hanging (linkerd2#4680)
          throw new Fail(RunContext.name(pod) + ": " + nn(cond.getMessage()), false);
        }
      }
    }
  }

  private static void controlPlanePods(RunContext ctx) {
    List<V1Pod> pods =
        ctx.pods(Optional.of(ctx.cpns()), LinkerdNames.CONTROL_PLANE_COMPONENT_LABEL);
    Map<String, List<V1Pod>> byComponent = new LinkedHashMap<>();
    for (V1Pod pod : pods) {
      String name = RunContext.name(pod);
      if (!"Running".equals(Pods.phase(pod)) || !name.startsWith("linkerd-")) {
        continue;
      }
      String[] parts = name.split("-", -1);
      if (parts.length >= 4) {
        String component = String.join("-", List.of(parts).subList(1, parts.length - 2));
        byComponent.computeIfAbsent(component, k -> new ArrayList<>()).add(pod);
      }
    }
    for (String component : List.of("destination", "identity", "proxy-injector")) {
      List<V1Pod> candidates = byComponent.get(component);
      if (candidates == null) {
        String msg = "No running pods for \"linkerd-" + component + "\"";
        Optional<String> unschedulable = unschedulable(pods);
        if (unschedulable.isPresent()) {
          // fail fast rather than retry until the deadline (linkerd2#4680)
          throw new Fail(msg + "; " + unschedulable.get(), false);
        }
        throw new Fail(msg);
      }
      String error = null;
      boolean ready = false;
      for (V1Pod pod : candidates) {
        error = containersNotReady(pod);
        if (error == null) {
          ready = true;
          break;
        }
      }
      if (!ready) {
        throw new Fail(error);
      }
    }
  }

  private static Optional<String> unschedulable(List<V1Pod> pods) {
    for (V1Pod pod : pods) {
      List<V1PodCondition> conds = Pods.status(pod).getConditions();
      for (V1PodCondition cond : conds == null ? List.<V1PodCondition>of() : conds) {
        if ("Unschedulable".equals(cond.getReason())) {
          return Optional.of(
              "pod " + RunContext.name(pod) + " cannot be scheduled: " + nn(cond.getMessage()));
        }
      }
    }
    return Optional.empty();
  }

  private static String containersNotReady(V1Pod pod) {
    var statuses = Pods.status(pod).getContainerStatuses();
    if (statuses == null) {
      return null;
    }
    for (var cs : statuses) {
      if (!Boolean.TRUE.equals(cs.getReady())) {
        return "pod/" + RunContext.name(pod) + " container " + cs.getName() + " is not ready";
      }
    }
    return null;
  }

  private static String clusterNetworksRaw(RunContext ctx) {
    return ctx.configValues().getString("clusterNetworks").orElse("");
  }

  private static List<Cidr> clusterNetworks(RunContext ctx) {
    String raw = clusterNetworksRaw(ctx);
    List<Cidr> out = new ArrayList<>();
    for (String part : raw.split(",", -1)) {
      String p = part.strip();
      out.add(Cidr.parse(p).orElseThrow(() -> new Fail("invalid CIDR address: " + p)));
    }
    return out;
  }

  private static void nodePodCidrs(RunContext ctx) {
    List<Cidr> networks = clusterNetworks(ctx);
    TreeSet<String> bad = new TreeSet<>();
    boolean any = false;
    for (V1Node node : nodes(ctx)) {
      String podCidr = node.getSpec() == null ? null : node.getSpec().getPodCIDR();
      if (podCidr == null || podCidr.isEmpty()) {
        continue;
      }
      any = true;
      Cidr pod =
          Cidr.parse(podCidr).orElseThrow(() -> new Fail("invalid CIDR address: " + podCidr));
      boolean contained = false;
      for (Cidr n : networks) {
        if (n.contains(pod.address()) && pod.prefix() >= n.prefix()) {
          contained = true;
          break;
        }
      }
      if (!contained) {
        bad.add(podCidr);
      }
    }
    if (!any) {
      throw new Skip("no node has a podCIDR");
    }
    if (!bad.isEmpty()) {
      throw new Fail(
          "node has podCIDR(s) ["
              + String.join(" ", bad)
              + "] which are not contained"
              + " in the Linkerd clusterNetworks.\n\tTry installing linkerd via --set "
              + "clusterNetworks=\""
              + String.join("\\,", bad)
              + "\"");
    }
  }

  private static boolean inNetworks(List<Cidr> networks, String ip) {
    Optional<byte[]> a = Cidr.ip(ip);
    if (a.isEmpty()) {
      return false;
    }
    return networks.stream().anyMatch(n -> n.contains(a.get()));
  }

  private static void allPods(RunContext ctx) {
    List<Cidr> networks = clusterNetworks(ctx);
    for (V1Pod pod : ctx.pods(Optional.empty(), "")) {
      if (pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
        continue;
      }
      String ip = Pods.status(pod).getPodIP();
      if (ip == null || ip.isEmpty()) {
        continue;
      }
      if (!inNetworks(networks, ip)) {
        throw new Fail(
            "the Linkerd clusterNetworks [\""
                + clusterNetworksRaw(ctx)
                + "\"] do not include pod "
                + RunContext.namespaceOf(pod)
                + "/"
                + RunContext.name(pod)
                + " ("
                + ip
                + ")");
      }
    }
  }

  private static void allServices(RunContext ctx) {
    List<Cidr> networks = clusterNetworks(ctx);
    for (V1Service svc : ctx.services(Optional.empty(), "")) {
      String ip = svc.getSpec() == null ? null : svc.getSpec().getClusterIP();
      if (ip == null || ip.isEmpty() || ip.equals("None")) {
        continue;
      }
      if (!inNetworks(networks, ip)) {
        throw new Fail(
            "the Linkerd clusterNetworks [\""
                + clusterNetworksRaw(ctx)
                + "\"] do not include svc "
                + RunContext.namespaceOf(svc)
                + "/"
                + RunContext.name(svc)
                + " ("
                + ip
                + ")");
      }
    }
  }

  private static void cni(RunContext ctx) {
    if (!ctx.cniEnabled()) {
      throw new Skip("skipping check because CNI is not enabled");
    }
  }

  private static V1DaemonSet daemonSet(RunContext ctx) {
    return ctx.get(ResourceKind.DAEMON_SETS, ctx.settings().cniNamespace(), "linkerd-cni")
        .orElseThrow(() -> new Fail("missing DaemonSet: linkerd-cni"));
  }

  static String nn(String s) {
    return s == null ? "" : s;
  }
}
