package io.meshsdk.cli.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.meshsdk.checks.HealthChecker;
import io.meshsdk.checks.Preset;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.cluster.SnapshotCluster;
import io.meshsdk.core.MeshSdk;
import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.CertificateSpec;
import io.meshsdk.core.identity.IdentitySource;
import io.meshsdk.core.identity.IdentityValidator;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.identity.Pem;
import io.meshsdk.core.identity.RotationPlan;
import io.meshsdk.core.linkerd.ChartPodAnnotations;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.linkerd.PodAnnotationOverrides;
import io.meshsdk.core.linkerd.ValuesProblem;
import io.meshsdk.core.linkerd.VizValues;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Outcome;
import io.meshsdk.core.report.ReportRenderer;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.LayeredValues;
import io.meshsdk.core.values.ValuesException;
import io.meshsdk.inject.InjectMode;
import io.meshsdk.inject.InjectionResult;
import io.meshsdk.inject.Injector;
import io.meshsdk.inject.ResourceReport;
import io.meshsdk.inject.Uninjector;
import io.meshsdk.install.ChartSource;
import io.meshsdk.install.LinkerdInstall;
import io.meshsdk.install.RenderedInstall;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code mesh demo}: a platform engineer's first day with Linkerd (the seed notes' story), told in
 * seven steps on an embedded cluster, every result computed by Mesh SDK's public API — no cluster,
 * no network, no set-up.
 *
 * <p>The cluster is three EKS-like nodes on the docker runtime that expose no {@code podCIDR}
 * ({@code cluster-bare.yaml}); after "install" it also holds the Linkerd control plane and later
 * viz and emojivoto, written from what the checks read, with certificates made at demo time by
 * {@link CertificateAuthority} on the demo clock ({@link #CLOCK}). Certificates (and so serial
 * numbers and fingerprints) are new on every run; everything else is the same.
 *
 * <p>Not thread-safe: a demo is one run. Steps are computed when asked for.
 */
public final class Demo {
  /** The demo's clock: the morning of the engineer's day. */
  public static final Instant CLOCK = Instant.parse("2026-12-03T09:00:00Z");

  /** How many steps there are. */
  public static final int STEPS = 7;

  static final String RUN_AS_ROOT = "proxyInit.runAsRoot=true";
  static final String TYPO = "proxyinit.runAsRoot=true";
  static final String EXTERNAL_PROMETHEUS =
      "http://prometheus-server.monitoring.svc.cluster.local:80";
  static final String GRAFANA = "grafana.monitoring.svc.cluster.local:3000";
  static final String DOCKER_CHECK =
      "proxy-init container runs as root user if docker container runtime is used";
  static final String NODE_CIDR_CHECK = "cluster networks contains all node podCIDRs";
  static final String ISSUER_EXPIRY_CHECK = "issuer cert is valid for at least 60 days";
  static final String PROMETHEUS_CHECK = "prometheus is installed and configured correctly";
  private static final String[] TITLES = {
    "Versions",
    "Pre-installation checks",
    "Values for the install",
    "Certificates",
    "Checks after the install",
    "Injecting the workloads",
    "Data plane and viz"
  };

  private static final List<Manifest> BARE = DemoCluster.read("cluster-bare.yaml");

  private final Clock clock;
  private final Optional<Path> chart;
  private final boolean color;
  private final CertificateAuthority ca;
  private IssuedCertificate anchor;
  private IssuedCertificate issuer;
  private Map<String, IssuedCertificate> webhooks;
  private IssuedCertificate webhookCa;
  private LayeredValues installValues;
  private final Map<InjectMode, Injector> injectors = new java.util.EnumMap<>(InjectMode.class);
  private List<Manifest> controlPlane;
  private final Map<Viz, List<Manifest>> vizObjects = new java.util.EnumMap<>(Viz.class);
  private List<Manifest> emojivotoObjects;

  private Demo(Optional<Path> chart, boolean color) {
    this.clock = Clock.fixed(CLOCK, ZoneOffset.UTC);
    this.chart = Objects.requireNonNull(chart, "chart");
    this.color = color;
    this.ca = CertificateAuthority.create(clock);
  }

  /**
   * A demo.
   *
   * @param chart a {@code linkerd-control-plane} chart folder (or a folder holding {@code
   *     charts/linkerd-control-plane}) to render the install from in step 3; empty to say how to
   *     get one
   * @param color whether the text may use ANSI colours and bold (only on a terminal)
   * @return the demo
   */
  public static Demo create(Optional<Path> chart, boolean color) {
    return new Demo(chart, color);
  }

  /**
   * A step's title.
   *
   * @param number 1 to {@link #STEPS}
   * @return the title
   * @throws IllegalArgumentException for another number
   */
  public static String title(int number) {
    checkNumber(number);
    return TITLES[number - 1];
  }

  private static void checkNumber(int number) {
    if (number < 1 || number > STEPS) {
      throw new IllegalArgumentException("there are steps 1 to " + STEPS + ", not " + number);
    }
  }

  /**
   * Runs one step.
   *
   * @param number 1 to {@link #STEPS}
   * @return the step's text and JSON
   * @throws IllegalArgumentException for another number
   * @throws io.meshsdk.core.MeshException when the given chart cannot be rendered (step 3)
   */
  public DemoStep step(int number) {
    checkNumber(number);
    Page p =
        switch (number) {
          case 1 -> versions();
          case 2 -> preChecks();
          case 3 -> values();
          case 4 -> certificates();
          case 5 -> checksAfterInstall();
          case 6 -> inject();
          default -> dataPlane();
        };
    return new DemoStep(number, TITLES[number - 1], p.text(), p.json);
  }

  /**
   * What the demo runs on, for the JSON document's head.
   *
   * @return the clock, the cluster's Kubernetes version and its nodes
   */
  public JsonObject about() {
    JsonObject o = new JsonObject();
    o.addProperty("clock", CLOCK.toString());
    o.addProperty("mesh", MeshSdk.version());
    o.addProperty("linkerd", MeshSdk.linkerdVersion());
    o.addProperty("kubernetes", DemoCluster.SERVER_VERSION);
    o.add("nodes", nodesJson(DemoCluster.snapshot(bare())));
    return o;
  }

  /**
   * The one-line introduction of the text output.
   *
   * @return the line
   */
  public String introduction() {
    return "mesh demo: a first day with Linkerd on an embedded cluster (3 EKS-like nodes on the"
        + " docker runtime, no podCIDR), clock "
        + CLOCK
        + "; every result below is computed by Mesh SDK "
        + MeshSdk.version()
        + ".";
  }

  // ---------------------------------------------------------------- step 1

  private Page versions() {
    Page p = page(1, "mesh version   (linkerd version)");
    SnapshotCluster bare = DemoCluster.snapshot(bare());
    Optional<String> server = serverVersion(bare);
    p.line("")
        .rows(
            List.of(
                row("Client version:", MeshSdk.linkerdVersion()),
                row("Server version:", server.orElse("unavailable")),
                row("Mesh SDK:", MeshSdk.version()),
                row("Kubernetes:", bare.serverVersion().getGitVersion())));
    p.line("")
        .line(
            "No Linkerd control plane yet: nothing in namespace linkerd says which version runs"
                + " (no linkerd-config), so the server's version is unavailable.");
    p.section("The cluster (kubectl get nodes -o wide)");
    List<String[]> rows = new ArrayList<>();
    rows.add(row("NAME", "ZONE", "KUBELET", "CONTAINER-RUNTIME", "POD-CIDR"));
    for (V1Node n : bare.list(ResourceKind.NODES, ListQuery.inAllNamespaces())) {
      rows.add(
          row(
              n.getMetadata().getName(),
              n.getMetadata().getLabels().getOrDefault("topology.kubernetes.io/zone", ""),
              n.getStatus().getNodeInfo().getKubeletVersion(),
              n.getStatus().getNodeInfo().getContainerRuntimeVersion(),
              podCidr(n).orElse("<none>")));
    }
    p.rows(rows);
    p.json.addProperty("client", MeshSdk.linkerdVersion());
    p.json.add("server", server.<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
    p.json.addProperty("serverText", server.orElse("unavailable"));
    p.json.addProperty("mesh", MeshSdk.version());
    p.json.addProperty("kubernetes", bare.serverVersion().getGitVersion());
    p.json.add("nodes", nodesJson(bare));
    return p;
  }

  // ---------------------------------------------------------------- step 2

  private Page preChecks() {
    Page p = page(2, "mesh check --pre   (linkerd check --pre)");
    SnapshotCluster bare = DemoCluster.snapshot(bare());
    CheckReport report = checker(Preset.PRE).build().run(bare);
    p.checks(report);
    CheckResult docker = result(report, DOCKER_CHECK);
    p.section("Finding: the docker runtime");
    p.line(p.mark(docker) + " " + docker.description());
    p.block(docker.message().orElse("(no finding: the check passed)"), 4);
    p.line(
        "proxy-init rewrites the pod's iptables rules; on docker nodes it must run as root, so the"
            + " install needs "
            + RUN_AS_ROOT
            + ".");

    CheckReport planned =
        checker(Preset.PRE)
            .plannedValues(HelmValues.empty().with("proxyInit.runAsRoot", true))
            .build()
            .run(bare);
    CheckResult fixed = result(planned, DOCKER_CHECK);
    p.section("The same checks with the planned values");
    p.line("$ mesh check --pre --set " + RUN_AS_ROOT);
    p.line(p.mark(fixed) + " " + fixed.description());
    p.line("what is left (-o short):");
    p.block(ReportRenderer.shortForm(color).render(planned), 2);

    p.json.add("checks", Page.checkJson(report));
    p.json.add("finding", resultJson(docker));
    p.json.addProperty("fix", RUN_AS_ROOT);
    p.json.add("checksWithFix", Page.checkJson(planned));
    p.json.add("fixed", resultJson(fixed));
    return p;
  }

  // ---------------------------------------------------------------- step 3

  private Page values() {
    Page p = page(3, "mesh values --set " + RUN_AS_ROOT + "   (linkerd install --set …)");
    LayeredValues plain =
        LinkerdChart.CONTROL_PLANE.valuesBuilder().set(RUN_AS_ROOT).strict().build();
    HelmValues v = plain.values();
    p.line(
        "Linkerd's chart defaults with the one override (user values: "
            + plain.userValues().toJson()
            + "):");
    List<String> keys =
        List.of(
            "linkerdVersion",
            "proxyInit.runAsRoot",
            "controllerReplicas",
            "proxy.nativeSidecar",
            "identity.issuer.scheme",
            "clusterNetworks",
            "webhookFailurePolicy");
    List<String[]> rows = new ArrayList<>();
    JsonObject shown = new JsonObject();
    for (String k : keys) {
      Object value = v.get(k).orElse(null);
      rows.add(row(k, show(value)));
      shown.add(k, json(value));
    }
    p.rows(rows);

    LayeredValues ha =
        LinkerdChart.CONTROL_PLANE.haValuesBuilder().set(RUN_AS_ROOT).strict().build();
    Map<String, Object[]> diff = diff(v, ha.values());
    p.section("--ha: " + diff.size() + " keys differ (mesh values --ha --set " + RUN_AS_ROOT + ")");
    List<String[]> diffRows = new ArrayList<>();
    diffRows.add(row("KEY", "DEFAULT", "--ha"));
    JsonArray diffJson = new JsonArray();
    for (Map.Entry<String, Object[]> e : diff.entrySet()) {
      diffRows.add(row(e.getKey(), show(e.getValue()[0]), show(e.getValue()[1])));
      JsonObject d = new JsonObject();
      d.addProperty("key", e.getKey());
      d.add("default", json(e.getValue()[0]));
      d.add("ha", json(e.getValue()[1]));
      diffJson.add(d);
    }
    p.rows(diffRows);

    p.section("A typo: --set " + TYPO);
    LayeredValues lenient = LinkerdChart.CONTROL_PLANE.valuesBuilder().set(TYPO).build();
    boolean stillFalse = !lenient.values().getBoolean("proxyInit.runAsRoot").orElse(false);
    p.line(
        "Helm accepts any key: the install would go ahead with proxyInit.runAsRoot="
            + lenient.values().get("proxyInit.runAsRoot").map(Demo::show).orElse("(unset)")
            + (stillFalse ? " and fail on the docker nodes." : "."));
    String refusal;
    try {
      LinkerdChart.CONTROL_PLANE.valuesBuilder().set(TYPO).strict().build();
      refusal = "(accepted)";
    } catch (ValuesException e) {
      refusal = e.getMessage();
    }
    p.line("$ mesh values --strict --set " + TYPO);
    p.line("mesh: " + refusal);

    p.section("The install manifests");
    JsonObject manifests = new JsonObject();
    if (chart.isPresent()) {
      Path dir = controlPlaneChart(chart.get());
      p.line("$ mesh install --chart " + dir + " --set " + RUN_AS_ROOT);
      RenderedInstall rendered =
          LinkerdInstall.controlPlane(ChartSource.folder(dir))
              .set(RUN_AS_ROOT)
              .identity(
                  anchor().certificatePem(), issuer().certificatePem(), issuer().privateKeyPem())
              .clock(clock)
              .build()
              .render();
      Map<String, Integer> kinds = new LinkedHashMap<>();
      for (Manifest m : rendered.manifests()) {
        kinds.merge(m.kind().orElse("(no kind)"), 1, Integer::sum);
      }
      p.line(
          rendered.manifests().size()
              + " documents in Helm's install order, rendered by Helm in-process:");
      List<String[]> kindRows = new ArrayList<>();
      JsonObject kindJson = new JsonObject();
      kinds.forEach(
          (k, n) -> {
            kindRows.add(row(k, String.valueOf(n)));
            kindJson.addProperty(k, n);
          });
      p.rows(kindRows);
      rendered.warnings().forEach(w -> p.line("warning: " + w));
      manifests.addProperty("chart", dir.toString());
      manifests.addProperty("documents", rendered.manifests().size());
      manifests.add("kinds", kindJson);
    } else {
      p.line(
          "Rendering needs Linkerd's chart (Helm runs in-process, no cluster). Get it and run this"
              + " step again:");
      p.block(
          "helm repo add linkerd-edge https://helm.linkerd.io/edge\n"
              + "helm pull linkerd-edge/linkerd-control-plane --untar\n"
              + "java -jar mesh-cli/target/mesh.jar demo --step 3 --chart linkerd-control-plane",
          4);
      p.line("(mesh install --chart linkerd-control-plane --set " + RUN_AS_ROOT + " prints them.)");
      manifests.add("chart", JsonNull.INSTANCE);
    }

    p.json.add("userValues", json(plain.userValues().asMap()));
    p.json.add("values", shown);
    p.json.add("haDiff", diffJson);
    JsonObject typo = new JsonObject();
    typo.addProperty("set", TYPO);
    typo.addProperty("strictError", refusal);
    typo.add(
        "suggestions",
        strings(lenient.unknownKeys().stream().map(u -> u.suggestion().orElse("")).toList()));
    p.json.add("typo", typo);
    p.json.add("manifests", manifests);
    return p;
  }

  private static Path controlPlaneChart(Path dir) {
    Path nested = dir.resolve("charts").resolve("linkerd-control-plane");
    return !Files.exists(dir.resolve("Chart.yaml")) && Files.isDirectory(nested) ? nested : dir;
  }

  // ---------------------------------------------------------------- step 4

  private Page certificates() {
    Page p =
        page(
            4, "mesh certs generate --out DIR && mesh certs check …   (step certificate create …)");
    IssuedCertificate a = anchor();
    IssuedCertificate i = issuer();
    p.line("A trust anchor and an issuer, generated now with CertificateAuthority (no step CLI):");
    p.rows(
        List.of(
            row("ROLE", "SUBJECT", "SIGNATURE", "NOT BEFORE", "NOT AFTER", "VALIDITY"),
            certRow("trust anchor", a),
            certRow("issuer", i)));
    String sha = CertificateAuthority.trustRootSha256(a.certificatePem());
    p.line("  linkerd.io/trust-root-sha256: " + sha);

    IdentityValidator validator = IdentityValidator.builder(clock).build();
    CategoryReport checks = validator.validate(identitySource());
    p.section("Linkerd's linkerd-identity checks on them");
    p.checks(CheckReport.of(List.of(checks)));

    Instant issuerEnd = i.certificate().getNotAfter().toInstant();
    Instant anchorEnd = a.certificate().getNotAfter().toInstant();
    Instant warnFrom = issuerEnd.minus(Duration.ofDays(60));
    p.section("Expiry horizon");
    p.rows(
        List.of(
            row("issuer expires", issuerEnd.toString(), "in " + days(issuerEnd) + " days"),
            row("anchor expires", anchorEnd.toString(), "in " + days(anchorEnd) + " days"),
            row("linkerd check warns from", warnFrom.toString(), "(60 days before the issuer)")));
    Instant later = issuerEnd.minus(Duration.ofDays(30));
    CheckResult soon =
        IdentityValidator.builder(Clock.fixed(later, ZoneOffset.UTC))
            .build()
            .validate(identitySource())
            .result(ISSUER_EXPIRY_CHECK)
            .orElseThrow();
    p.line("The same checks as of " + later + ":");
    p.line("  " + p.mark(soon) + " " + soon.description());
    soon.message().ifPresent(m -> p.block(m, 6));

    RotationPlan plan =
        ca.planRotation(Pem.decodeCertificates(a.certificatePem()), i.certificate());
    p.section("A rotation plan (CertificateAuthority.planRotation)");
    p.block(plan.describe(), 2);
    p.line(
        "  new trust bundle: "
            + plan.trustBundle().size()
            + " anchors, sha256 "
            + plan.trustBundleSha256());

    JsonObject certs = new JsonObject();
    certs.add("trustAnchor", certJson(a));
    certs.add("issuer", certJson(i));
    certs.addProperty("trustRootSha256", sha);
    p.json.add("certificates", certs);
    p.json.add("checks", Page.checkJson(CheckReport.of(List.of(checks))));
    JsonObject horizon = new JsonObject();
    horizon.addProperty("issuerNotAfter", issuerEnd.toString());
    horizon.addProperty("anchorNotAfter", anchorEnd.toString());
    horizon.addProperty("warnsFrom", warnFrom.toString());
    horizon.addProperty("checkedAt", later.toString());
    horizon.add("result", resultJson(soon));
    p.json.add("expiry", horizon);
    JsonObject rotation = new JsonObject();
    JsonArray expiries = new JsonArray();
    for (RotationPlan.Expiry e : plan.expiries()) {
      JsonObject o = new JsonObject();
      o.addProperty("role", e.role());
      o.addProperty("subject", e.subject());
      o.addProperty("notAfter", e.notAfter().toString());
      expiries.add(o);
    }
    rotation.add("expiries", expiries);
    rotation.addProperty("trustBundleAnchors", plan.trustBundle().size());
    rotation.addProperty("trustBundleSha256", plan.trustBundleSha256());
    p.json.add("rotation", rotation);
    return p;
  }

  // ---------------------------------------------------------------- step 5

  private Page checksAfterInstall() {
    Page p = page(5, "mesh check   (linkerd check)");
    SnapshotCluster installed = DemoCluster.snapshot(cluster(true, Viz.NONE, false));
    p.line("After linkerd install --set " + RUN_AS_ROOT + " | kubectl apply -f -:");
    p.rows(
        List.<String[]>of(row("Server version:", serverVersion(installed).orElse("unavailable"))));
    p.section("kubectl get pods -n linkerd");
    p.rows(podRows(installed, LinkerdNames.NAMESPACE));
    CheckReport core = checker(Preset.CORE).build().run(installed);
    p.checks(core);

    CheckResult cidr = result(core, NODE_CIDR_CHECK);
    List<String> without =
        installed.list(ResourceKind.NODES, ListQuery.inAllNamespaces()).stream()
            .filter(n -> podCidr(n).isEmpty())
            .map(n -> n.getMetadata().getName())
            .toList();
    String note =
        cidr.outcome() == Outcome.SKIPPED
            ? "Nodes without podCIDR ("
                + without.size()
                + " of 3): Linkerd 2.11 warned \"‼ cluster networks can be verified\" here;"
                + " today's rules skip \""
                + NODE_CIDR_CHECK
                + "\" silently, and the pod and service checks cover the addresses."
            : "Nodes without podCIDR: "
                + without.size()
                + "; \""
                + NODE_CIDR_CHECK
                + "\" ran ("
                + cidr.outcome()
                + ").";
    p.line("").line(note);

    SnapshotCluster withViz = DemoCluster.snapshot(cluster(true, Viz.BUNDLED, false));
    CheckReport all = checker(Preset.CORE).build().run(withViz);
    List<CategoryReport> viz =
        all.categories().stream().filter(c -> c.name().startsWith("linkerd-viz")).toList();
    p.section("After linkerd viz install | kubectl apply -f -: the same check ends with viz");
    p.checksExcerpt(CheckReport.of(viz), all);

    p.json.addProperty("server", serverVersion(installed).orElse("unavailable"));
    p.json.add("pods", podsJson(installed, LinkerdNames.NAMESPACE));
    p.json.add("checks", Page.checkJson(core));
    JsonObject cidrJson = new JsonObject();
    cidrJson.add("nodesWithoutPodCidr", strings(without));
    cidrJson.addProperty("check", NODE_CIDR_CHECK);
    cidrJson.addProperty("outcome", cidr.outcome().name().toLowerCase(java.util.Locale.ROOT));
    cidrJson.addProperty("linkerd211", "‼ cluster networks can be verified");
    cidrJson.addProperty("note", note);
    p.json.add("podCidr", cidrJson);
    p.json.add("checksWithViz", Page.checkJson(all));
    return p;
  }

  // ---------------------------------------------------------------- step 6

  private Page inject() {
    Page p = page(6, "mesh inject PATH   (linkerd inject)");
    List<Manifest> emojivoto = DemoCluster.read("emojivoto.yaml");
    Injector annotate = injector(InjectMode.ANNOTATE);
    Injector manual = injector(InjectMode.PROXY);

    InjectionResult annotated = annotate.injectAll(emojivoto);
    p.section(
        "emojivoto, annotation mode (kubectl get -n emojivoto deploy -o yaml | linkerd inject -)");
    p.block(annotated.report().render(), 2);
    p.line(
        "The pod templates now say linkerd.io/inject: enabled; the proxy injector adds the proxy as each pod is created:");
    p.rows(containerRows(emojivoto, webhook(annotated.documents())));

    InjectionResult full = manual.injectAll(emojivoto);
    p.section("emojivoto, --manual (the proxy written into the manifests)");
    p.block(full.report().render(), 2);
    p.rows(containerRows(emojivoto, full.documents()));
    p.line(
        "  linkerd-proxy is a native sidecar (an init container with restartPolicy: Always);"
            + " linkerd-init runs as "
            + initUser(full.documents())
            + " as "
            + RUN_AS_ROOT
            + " asks for the docker nodes.");

    List<Manifest> scylla = DemoCluster.read("scylla.yaml");
    InjectionResult scyllaResult = annotate.injectAll(scylla);
    p.section("Scylla's StatefulSet (TCP only: the mesh shows TCP metrics, not live calls)");
    p.block(scyllaResult.report().render(), 2);
    p.rows(containerRows(scylla, webhook(scyllaResult.documents())));

    List<Manifest> janus = DemoCluster.read("janusgraph.yaml");
    InjectionResult janusResult = annotate.injectAll(janus);
    p.section("JanusGraph");
    p.block(janusResult.report().render(), 2);
    p.rows(containerRows(janus, webhook(janusResult.documents())));

    HelmValues es =
        HelmValues.fromYaml(
            DemoCluster.text("elasticsearch-values.yaml"), "elasticsearch-values.yaml");
    PodAnnotationOverrides overrides = ChartPodAnnotations.meshOverrides(es);
    p.section("Elasticsearch's chart values, meshed through podAnnotations");
    p.line(
        "$ mesh values --mesh-pods-of elasticsearch-values.yaml > mesh.yaml && helm upgrade … -f mesh.yaml");
    p.block(overrides.overrides().toYaml(), 4);
    p.line("  annotated: " + String.join(", ", overrides.paths()));
    overrides.warnings().forEach(w -> p.line("  note: " + w));

    InjectionResult removed = Uninjector.create().uninjectAll(full.documents());
    boolean identical = yaml(removed.documents()).equals(yaml(emojivoto));
    p.section("Uninject (linkerd uninject)");
    p.block(removed.report().render(), 2);
    p.rows(containerRows(full.documents(), removed.documents()));
    p.line(
        "uninject(inject --manual(emojivoto)) is "
            + (identical ? "byte for byte the original manifest." : "not the original manifest."));

    p.json.add("annotate", injectJson(emojivoto, annotated, webhook(annotated.documents())));
    p.json.add("manual", injectJson(emojivoto, full, full.documents()));
    p.json.add("scylla", injectJson(scylla, scyllaResult, webhook(scyllaResult.documents())));
    p.json.add("janusgraph", injectJson(janus, janusResult, webhook(janusResult.documents())));
    JsonObject esJson = new JsonObject();
    esJson.add("overrides", json(overrides.overrides().asMap()));
    esJson.add("paths", strings(overrides.paths()));
    esJson.add("warnings", strings(overrides.warnings()));
    p.json.add("elasticsearch", esJson);
    JsonObject un = injectJson(full.documents(), removed, removed.documents());
    un.addProperty("identicalToOriginal", identical);
    p.json.add("uninject", un);
    return p;
  }

  // ---------------------------------------------------------------- step 7

  private Page dataPlane() {
    Page p = page(7, "mesh check --proxy -n emojivoto   (linkerd -n emojivoto check --proxy)");
    SnapshotCluster meshed = DemoCluster.snapshot(cluster(true, Viz.BUNDLED, true));
    p.line("emojivoto applied from the annotated manifests; the proxy injector meshed its pods:");
    p.rows(podRows(meshed, "emojivoto"));
    CheckReport proxy = checker(Preset.PROXY).dataPlaneNamespace("emojivoto").build().run(meshed);
    p.checks(proxy);

    p.section("viz with the cluster's own Prometheus");
    String set =
        "prometheusUrl=" + EXTERNAL_PROMETHEUS + ",prometheus.enabled=false,grafana.url=" + GRAFANA;
    p.line("$ mesh values --chart linkerd-viz --strict --set " + set);
    LayeredValues vizValues = LinkerdChart.VIZ.valuesBuilder().set(set).strict().build();
    VizValues viz = VizValues.of(vizValues.values());
    List<ValuesProblem> problems = viz.validate();
    p.rows(
        List.of(
            row("prometheusUrl", viz.prometheusUrl()),
            row(
                "prometheus.enabled",
                String.valueOf(viz.prometheusEnabled())
                    + "   (a key of the linkerd-viz chart: --strict accepts it)"),
            row("grafana.url", viz.grafanaUrl()),
            row(
                "metrics API queries",
                viz.effectivePrometheusUrl(LinkerdNames.VIZ_NAMESPACE)
                    .orElse("(nothing: viz would not render)")),
            row(
                "problems",
                problems.isEmpty()
                    ? "none"
                    : problems.stream().map(Object::toString).collect(Collectors.joining("; ")))));

    SnapshotCluster external = DemoCluster.snapshot(cluster(true, Viz.EXTERNAL, true));
    CheckReport vizChecks =
        checker(Preset.VIZ_PROXY).dataPlaneNamespace("emojivoto").build().run(external);
    p.section("linkerd viz check --proxy -n emojivoto, after linkerd viz install --set " + set);
    p.line("$ mesh check --viz --proxy -n emojivoto");
    p.checks(vizChecks);
    CheckResult prom = result(vizChecks, PROMETHEUS_CHECK);
    p.line(
        "\""
            + PROMETHEUS_CHECK
            + "\": "
            + (prom.outcome() == Outcome.SKIPPED
                ? "skipped, as Linkerd does: the namespace names the external Prometheus ("
                    + LinkerdNames.VIZ_EXTERNAL_PROMETHEUS_ANNOTATION
                    + ")."
                : prom.outcome().name().toLowerCase(java.util.Locale.ROOT) + "."));

    p.json.add("pods", podsJson(meshed, "emojivoto"));
    p.json.add("checks", Page.checkJson(proxy));
    JsonObject vizJson = new JsonObject();
    vizJson.addProperty("set", set);
    vizJson.addProperty("prometheusUrl", viz.prometheusUrl());
    vizJson.addProperty("prometheusEnabled", viz.prometheusEnabled());
    vizJson.addProperty("grafanaUrl", viz.grafanaUrl());
    vizJson.add("problems", strings(problems.stream().map(Object::toString).toList()));
    p.json.add("vizValues", vizJson);
    p.json.add("vizChecks", Page.checkJson(vizChecks));
    p.json.addProperty("prometheusCheck", prom.outcome().name().toLowerCase(java.util.Locale.ROOT));
    return p;
  }

  // ---------------------------------------------------------------- the cluster

  private enum Viz {
    NONE,
    BUNDLED,
    EXTERNAL
  }

  private static List<Manifest> bare() {
    return BARE;
  }

  /** The cluster's objects: bare, with the control plane, viz and emojivoto as asked. */
  private List<Manifest> cluster(boolean linkerd, Viz viz, boolean emojivoto) {
    List<Manifest> objects = new ArrayList<>(bare());
    if (linkerd) {
      objects.addAll(controlPlane());
    }
    if (viz != Viz.NONE) {
      objects.addAll(viz(viz));
    }
    if (emojivoto) {
      objects.addAll(emojivoto());
    }
    return objects;
  }

  private static List<String> nodes() {
    return bare().stream()
        .filter(m -> m.kind().filter("Node"::equals).isPresent())
        .map(m -> m.name().orElseThrow())
        .toList();
  }

  private DemoCluster controllers(int firstPod) {
    return new DemoCluster(nodes(), CLOCK.minus(Duration.ofMinutes(40)), firstPod);
  }

  /** The control plane's objects once applied (pods 0 to 9). */
  private List<Manifest> controlPlane() {
    if (controlPlane == null) {
      controlPlane =
          controllers(0)
              .apply(filled("linkerd-control-plane.yaml", fill(Viz.NONE)), webhook(), true);
    }
    return controlPlane;
  }

  /** viz's objects once applied (pods 10 to 19). */
  private List<Manifest> viz(Viz mode) {
    return vizObjects.computeIfAbsent(
        mode,
        m -> {
          List<Manifest> objects = new ArrayList<>(filled("linkerd-viz.yaml", fill(m)));
          if (m == Viz.BUNDLED) {
            objects.addAll(filled("linkerd-viz-prometheus.yaml", fill(m)));
          }
          return controllers(10).apply(objects, webhook(), true);
        });
  }

  /** emojivoto applied from the annotated manifests, its pods meshed by the webhook (pods 20+). */
  private List<Manifest> emojivoto() {
    if (emojivotoObjects == null) {
      List<Manifest> applied =
          injector(InjectMode.ANNOTATE).injectAll(DemoCluster.read("emojivoto.yaml")).documents();
      emojivotoObjects = controllers(20).apply(applied, webhook(), false);
    }
    return emojivotoObjects;
  }

  /** The templates' values: install values, certificate material, viz's namespace annotations. */
  private Map<String, String> fill(Viz viz) {
    Map<String, String> fill = new LinkedHashMap<>();
    fill.put("values", install().values().toYaml());
    fill.put("anchors", anchor().certificatePem());
    fill.put("version", MeshSdk.linkerdVersion());
    fill.put("b64:issuer.crt", b64(issuer().certificatePem()));
    fill.put("b64:issuer.key", b64(issuer().privateKeyPem()));
    fill.put("b64:webhook-ca.crt", b64(webhookCa().certificatePem()));
    for (Map.Entry<String, IssuedCertificate> w : webhookLeaves().entrySet()) {
      fill.put("b64:" + w.getKey() + ".crt", b64(w.getValue().certificatePem()));
      fill.put("b64:" + w.getKey() + ".key", b64(w.getValue().privateKeyPem()));
    }
    fill.put(
        "namespace-annotations",
        viz == Viz.EXTERNAL
            ? "{\""
                + LinkerdNames.VIZ_EXTERNAL_PROMETHEUS_ANNOTATION
                + "\": \""
                + EXTERNAL_PROMETHEUS
                + "\"}"
            : "{}");
    return fill;
  }

  private static List<Manifest> filled(String resource, Map<String, String> values) {
    return io.meshsdk.core.manifest.ManifestReader.create()
        .readAll(DemoCluster.fill(DemoCluster.text(resource), values), resource);
  }

  // ---------------------------------------------------------------- identity and values

  private IssuedCertificate anchor() {
    if (anchor == null) {
      anchor = ca.createTrustAnchor();
    }
    return anchor;
  }

  private IssuedCertificate issuer() {
    if (issuer == null) {
      issuer = ca.createIssuer(anchor());
    }
    return issuer;
  }

  private IssuedCertificate webhookCa() {
    if (webhookCa == null) {
      webhookCa = ca.createTrustAnchor(Duration.ofDays(3650), "webhook.linkerd.cluster.local");
    }
    return webhookCa;
  }

  /** The webhooks' serving certificates, signed by one webhook CA, for {@code <svc>.<ns>.svc}. */
  private Map<String, IssuedCertificate> webhookLeaves() {
    if (webhooks == null) {
      webhooks = new LinkedHashMap<>();
      for (String[] w :
          new String[][] {
            {"linkerd-proxy-injector", "linkerd"},
            {"linkerd-sp-validator", "linkerd"},
            {"linkerd-policy-validator", "linkerd"},
            {"tap", LinkerdNames.VIZ_NAMESPACE}
          }) {
        String dns = w[0] + "." + w[1] + ".svc";
        webhooks.put(
            w[0],
            ca.issue(
                CertificateSpec.builder(dns)
                    .leaf()
                    .extendedKeyUsages(CertificateSpec.SERVER_AUTH)
                    .dnsNames(dns)
                    .build(),
                webhookCa()));
      }
    }
    return webhooks;
  }

  private IdentitySource identitySource() {
    return IdentitySource.ofPem(
        anchor().certificatePem(), issuer().certificatePem(), issuer().privateKeyPem());
  }

  /** The install's values: the chart defaults, the trust anchor, proxyInit.runAsRoot=true. */
  private LayeredValues install() {
    if (installValues == null) {
      installValues =
          LinkerdChart.CONTROL_PLANE
              .valuesBuilder()
              .values(HelmValues.empty().with("identityTrustAnchorsPEM", anchor().certificatePem()))
              .set(RUN_AS_ROOT)
              .build();
    }
    return installValues;
  }

  private Injector injector(InjectMode mode) {
    return injectors.computeIfAbsent(
        mode, m -> Injector.builder().installedValues(install().values()).mode(m).build());
  }

  /** Linkerd's proxy injector: the full proxy, with the install's values. */
  private Injector webhook() {
    return injector(InjectMode.PROXY);
  }

  /** What the proxy injector makes of the pods of annotated workloads. */
  private List<Manifest> webhook(List<Manifest> annotated) {
    Injector webhook = webhook();
    List<Manifest> out = new ArrayList<>();
    for (Manifest m : annotated) {
      boolean asked = templateAnnotations(m).containsKey("linkerd.io/inject");
      out.add(asked ? webhook.inject(m).manifest() : m);
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private Page page(int number, String command) {
    return new Page(number, TITLES[number - 1], command, color);
  }

  private HealthChecker.Builder checker(Preset preset) {
    return HealthChecker.builder().preset(preset).clock(clock).retryDeadline(Duration.ZERO);
  }

  private static CheckResult result(CheckReport report, String description) {
    return report.results().stream()
        .filter(r -> r.description().equals(description))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no check \"" + description + "\" ran"));
  }

  static String symbol(CheckResult r) {
    return switch (r.outcome()) {
      case SUCCESS -> "√";
      case WARNING -> "‼";
      case ERROR -> "×";
      case SKIPPED -> "-";
    };
  }

  private static JsonObject resultJson(CheckResult r) {
    JsonObject o = new JsonObject();
    o.addProperty("category", r.category());
    o.addProperty("description", r.description());
    o.addProperty("result", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
    r.message().ifPresent(m -> o.addProperty("message", m));
    return o;
  }

  /** The Linkerd version in linkerd-config, as {@code linkerd version} reports the server's. */
  static Optional<String> serverVersion(ClusterView cluster) {
    return cluster
        .get(ResourceKind.CONFIG_MAPS, LinkerdNames.NAMESPACE, "linkerd-config")
        .map(cm -> cm.getData() == null ? "" : cm.getData().getOrDefault("values", ""))
        .flatMap(v -> HelmValues.fromYaml(v, "linkerd-config").getString("linkerdVersion"));
  }

  private static Optional<String> podCidr(V1Node n) {
    return Optional.ofNullable(n.getSpec() == null ? null : n.getSpec().getPodCIDR())
        .filter(s -> !s.isEmpty());
  }

  private static JsonArray nodesJson(ClusterView cluster) {
    JsonArray a = new JsonArray();
    for (V1Node n : cluster.list(ResourceKind.NODES, ListQuery.inAllNamespaces())) {
      JsonObject o = new JsonObject();
      o.addProperty("name", n.getMetadata().getName());
      o.addProperty("containerRuntime", n.getStatus().getNodeInfo().getContainerRuntimeVersion());
      o.add("podCIDR", podCidr(n).<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
      a.add(o);
    }
    return a;
  }

  /** Like {@code kubectl get pods}: NAME, READY (native sidecars counted), STATUS. */
  private static List<String[]> podRows(ClusterView cluster, String namespace) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("NAME", "READY", "STATUS"));
    for (V1Pod pod : cluster.list(ResourceKind.PODS, ListQuery.inNamespace(namespace))) {
      rows.add(row(pod.getMetadata().getName(), ready(pod), pod.getStatus().getPhase()));
    }
    return rows;
  }

  private static JsonArray podsJson(ClusterView cluster, String namespace) {
    JsonArray a = new JsonArray();
    for (V1Pod pod : cluster.list(ResourceKind.PODS, ListQuery.inNamespace(namespace))) {
      JsonObject o = new JsonObject();
      o.addProperty("name", pod.getMetadata().getName());
      o.addProperty("ready", ready(pod));
      o.addProperty("status", pod.getStatus().getPhase());
      a.add(o);
    }
    return a;
  }

  private static String ready(V1Pod pod) {
    List<String> running = new ArrayList<>();
    for (V1Container c : nn(pod.getSpec().getInitContainers())) {
      if ("Always".equals(c.getRestartPolicy())) {
        running.add(c.getName());
      }
    }
    nn(pod.getSpec().getContainers()).forEach(c -> running.add(c.getName()));
    List<V1ContainerStatus> statuses =
        new ArrayList<>(nn(pod.getStatus().getInitContainerStatuses()));
    statuses.addAll(nn(pod.getStatus().getContainerStatuses()));
    long ready =
        statuses.stream()
            .filter(s -> running.contains(s.getName()) && Boolean.TRUE.equals(s.getReady()))
            .count();
    return ready + "/" + running.size();
  }

  private static <T> List<T> nn(List<T> l) {
    return l == null ? List.of() : l;
  }

  /** The containers that run in a workload's pods: regular ones and native sidecars. */
  static List<String> runningContainers(Manifest m) {
    Map<String, Object> spec = podSpec(m);
    List<String> names = new ArrayList<>();
    for (Object o : DemoCluster.list(spec, "initContainers")) {
      if (o instanceof Map<?, ?> c && "Always".equals(c.get("restartPolicy"))) {
        names.add(String.valueOf(c.get("name")));
      }
    }
    for (Object o : DemoCluster.list(spec, "containers")) {
      if (o instanceof Map<?, ?> c) {
        names.add(String.valueOf(c.get("name")));
      }
    }
    return names;
  }

  private static Map<String, Object> podSpec(Manifest m) {
    Map<String, Object> o = m.copyObject();
    return DemoCluster.map(DemoCluster.map(DemoCluster.map(o, "spec"), "template"), "spec");
  }

  private static Map<String, Object> templateAnnotations(Manifest m) {
    Map<String, Object> o = m.copyObject();
    return DemoCluster.map(
        DemoCluster.map(DemoCluster.map(DemoCluster.map(o, "spec"), "template"), "metadata"),
        "annotations");
  }

  /** Who linkerd-init runs as in the first injected workload. */
  private static String initUser(List<Manifest> injected) {
    for (Manifest m : injected) {
      for (Object o : DemoCluster.list(podSpec(m), "initContainers")) {
        if (o instanceof Map<?, ?> c
            && "linkerd-init".equals(c.get("name"))
            && c.get("securityContext") instanceof Map<?, ?> sc) {
          return Objects.equals(sc.get("runAsUser"), 0)
              ? "root (runAsUser: 0)"
              : "user " + sc.get("runAsUser");
        }
      }
    }
    return "(no linkerd-init)";
  }

  private static boolean workload(Manifest m) {
    return m.kind().filter(k -> k.equals("Deployment") || k.equals("StatefulSet")).isPresent();
  }

  /** Per workload: its pods' containers before and after. */
  private static List<String[]> containerRows(List<Manifest> before, List<Manifest> after) {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      Manifest b = before.get(i);
      if (!workload(b)) {
        continue;
      }
      List<String> was = runningContainers(b);
      List<String> now = runningContainers(after.get(i));
      rows.add(
          row(
              b.kind().orElseThrow().toLowerCase(java.util.Locale.ROOT) + "/" + b.name().orElse(""),
              "containers " + was.size() + " → " + now.size(),
              String.join(" + ", now)));
    }
    return rows;
  }

  private static JsonObject injectJson(
      List<Manifest> before, InjectionResult result, List<Manifest> pods) {
    JsonObject o = new JsonObject();
    JsonArray resources = new JsonArray();
    for (ResourceReport r : result.report().resources()) {
      JsonObject x = new JsonObject();
      x.addProperty("kind", r.kind());
      x.addProperty("name", r.name());
      x.addProperty("action", r.action().name().toLowerCase(java.util.Locale.ROOT));
      x.addProperty("line", r.line());
      resources.add(x);
    }
    o.add("resources", resources);
    JsonArray workloads = new JsonArray();
    for (int i = 0; i < before.size(); i++) {
      if (!workload(before.get(i))) {
        continue;
      }
      JsonObject w = new JsonObject();
      w.addProperty("kind", before.get(i).kind().orElseThrow());
      w.addProperty("name", before.get(i).name().orElse(""));
      w.addProperty("containersBefore", runningContainers(before.get(i)).size());
      w.addProperty("containersAfter", runningContainers(pods.get(i)).size());
      w.add("containers", strings(runningContainers(pods.get(i))));
      workloads.add(w);
    }
    o.add("workloads", workloads);
    o.addProperty("report", result.report().render());
    return o;
  }

  private static String yaml(List<Manifest> docs) {
    StringWriter w = new StringWriter();
    try (ManifestWriter out = ManifestWriter.yaml(w)) {
      docs.forEach(out::write);
    }
    return w.toString();
  }

  private String[] certRow(String role, IssuedCertificate c) {
    Instant end = c.certificate().getNotAfter().toInstant();
    return row(
        role,
        c.certificate().getSubjectX500Principal().getName(),
        c.certificate().getSigAlgName(),
        c.certificate().getNotBefore().toInstant().toString(),
        end.toString(),
        Duration.between(c.certificate().getNotBefore().toInstant(), end).toDays() + " days");
  }

  private JsonObject certJson(IssuedCertificate c) {
    JsonObject o = new JsonObject();
    o.addProperty("subject", c.certificate().getSubjectX500Principal().getName());
    o.addProperty("serial", c.certificate().getSerialNumber().toString());
    o.addProperty("signature", c.certificate().getSigAlgName());
    o.addProperty("notBefore", c.certificate().getNotBefore().toInstant().toString());
    o.addProperty("notAfter", c.certificate().getNotAfter().toInstant().toString());
    o.addProperty("ca", c.certificate().getBasicConstraints() >= 0);
    return o;
  }

  private long days(Instant end) {
    return Math.round(Duration.between(clock.instant(), end).toSeconds() / 86400.0);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String[] row(String... cells) {
    return cells;
  }

  /** A value for people: strings as they are, the rest as JSON. */
  static String show(Object v) {
    if (v instanceof Absent) {
      return v.toString();
    }
    if (v instanceof String s) {
      return s.isEmpty() ? "\"\"" : s;
    }
    return json(v).toString();
  }

  static JsonElement json(Object v) {
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    if (v instanceof Map<?, ?> m) {
      JsonObject o = new JsonObject();
      m.forEach((k, x) -> o.add(String.valueOf(k), json(x)));
      return o;
    }
    if (v instanceof List<?> l) {
      JsonArray a = new JsonArray();
      l.forEach(x -> a.add(json(x)));
      return a;
    }
    if (v instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (v instanceof Number n) {
      return new JsonPrimitive(n);
    }
    return new JsonPrimitive(String.valueOf(v));
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  /** The leaves (and empty maps) of both trees whose values differ, in a's key order then b's. */
  static Map<String, Object[]> diff(HelmValues a, HelmValues b) {
    Map<String, Object> fa = new LinkedHashMap<>();
    Map<String, Object> fb = new LinkedHashMap<>();
    flatten("", a.asMap(), fa);
    flatten("", b.asMap(), fb);
    TreeSet<String> seen = new TreeSet<>();
    Map<String, Object[]> out = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(fa.keySet());
    fb.keySet().stream().filter(k -> !fa.containsKey(k)).forEach(keys::add);
    for (String k : keys) {
      if (!seen.add(k)) {
        continue;
      }
      Object x = fa.getOrDefault(k, Absent.VALUE);
      Object y = fb.getOrDefault(k, Absent.VALUE);
      if (!Objects.equals(x, y)) {
        out.put(k, new Object[] {x, y});
      }
    }
    return out;
  }

  private enum Absent {
    VALUE;

    @Override
    public String toString() {
      return "(absent)";
    }
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    if (map.isEmpty() && !prefix.isEmpty()) {
      out.put(prefix, Map.of());
      return;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
      if (e.getValue() instanceof Map<?, ?> m) {
        flatten(key, m, out);
      } else {
        out.put(key, e.getValue());
      }
    }
  }
}
