package io.meshsdk.inject.internal;

import static io.meshsdk.core.linkerd.internal.ProxySetting.*;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.internal.go.GoDuration;
import io.meshsdk.core.internal.go.GoParse;
import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.inject.InjectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linkerd's CLI inject ({@code cli/cmd/inject.go} {@code transform} and {@code pkg/inject}) on
 * ordered trees: silent uninject, the refusal rules, annotation mode, manual mode with the proxy
 * built in Java, and JSON-patch "add" semantics (an existing key is replaced in place, a new key is
 * appended). Immutable and thread-safe; per-run state lives in {@link Run}.
 */
public final class InjectEngine {
  /** Options fixed for the engine's lifetime. */
  public static final class Options {
    /** Manual (proxy) injection rather than the annotation. */
    public boolean manual;

    /** Linkerd's {@code --enable-debug-sidecar}. */
    public boolean debugSidecar;

    /** The {@code linkerd.io/created-by} text of manual injection. */
    public String createdBy;

    /** The close-wait timeout in nanoseconds, or null when not set. */
    public Long closeWaitTimeout;

    /** The control-plane namespace. */
    public String namespace = "linkerd";
  }

  /**
   * Linkerd's per-run state: in manual mode the {@code linkerd.io/inject: ingress} override is
   * dropped after the first injected workload (the current one keeps it). Not thread-safe.
   */
  public static final class Run {
    private boolean ingressDropped;
  }

  private static final int CACHE_LIMIT = 512;

  private final ProxyValues values;
  private final Map<String, String> overrides;
  private final Map<String, String> overridesWithoutInject;
  private final Options options;
  private final String trustRootSha;
  private final String clusterNetworksProblem;
  private final Map<String, ProxyRenderer.Rendered> cache = new ConcurrentHashMap<>();

  /**
   * Creates an engine.
   *
   * @param installed the installed mesh values
   * @param overridden the installed values with the injection-time overrides applied
   * @param options the options
   */
  public InjectEngine(ProxyValues installed, ProxyValues overridden, Options options) {
    this.values = overridden;
    this.options = options;
    this.overrides =
        Collections.unmodifiableMap(OverrideAnnotationWriter.compute(overridden, installed));
    Map<String, String> without = new TreeMap<>(overrides);
    without.remove(Names.INJECT);
    this.overridesWithoutInject = Collections.unmodifiableMap(without);
    this.trustRootSha =
        CertificateAuthority.trustRootSha256(overridden.text(IDENTITY_TRUST_ANCHORS_PEM));
    List<String> bad = new ArrayList<>();
    PortRanges.validateCidrs(overridden.text(CLUSTER_NETWORKS), bad);
    this.clusterNetworksProblem =
        bad.isEmpty()
            ? null
            : "value clusterNetworks: " + GoText.quote(bad.get(0)) + " is not a valid CIDR";
  }

  /**
   * The override annotations (Linkerd's {@code getOverrideAnnotations}).
   *
   * @return the annotations, sorted by key
   */
  public Map<String, String> overrideAnnotations() {
    return overrides;
  }

  /**
   * A fresh run.
   *
   * @return the run state
   */
  public Run newRun() {
    return new Run();
  }

  /**
   * Injects one document ({@code kind: List} item by item).
   *
   * @param root the document root (never changed)
   * @param run the run state
   * @return the result
   * @throws InjectionException when the document must be refused or is malformed
   */
  public DocResult inject(Object root, Run run) {
    return DocResult.eachItem(root, item -> injectOne(item, run));
  }

  static Report newReport(Map<String, Object> doc) {
    if (doc == null) {
      return new Report("", "");
    }
    String kind = Trees.text(doc, "kind");
    if (kind == null || kind.isEmpty()) {
      return new Report("", "");
    }
    String lower = kind.toLowerCase(java.util.Locale.ROOT);
    Map<String, Object> meta = Trees.map(doc, "metadata");
    String name = Trees.text(meta, "name");
    if ((name == null || name.isEmpty()) && lower.equals("pod")) {
      name = Trees.text(meta, "generateName");
    }
    String namespace = Trees.text(meta, "namespace");
    return new Report(lower, name == null ? "" : name, kind, namespace == null ? "" : namespace);
  }

  /**
   * The parts of a pod template that injection reads, taken from the document after the silent
   * uninject (read only).
   */
  private record Pod(
      Map<String, String> annotationTexts, Map<String, String> labels, Map<String, Object> spec) {
    static Pod of(Map<String, Object> template) {
      Map<String, Object> meta = Trees.map(template, "metadata");
      return new Pod(
          texts(Trees.map(meta, "annotations")),
          texts(Trees.map(meta, "labels")),
          Trees.map(template, "spec"));
    }
  }

  private DocResult injectOne(Object root, Run run) {
    Map<String, Object> doc = Trees.map(root);
    Report rep = newReport(doc);
    Kind k = rep.kind.isEmpty() ? null : Kind.of(rep.kind);
    if (k == null) {
      rep.unsupported = true;
      return new DocResult(root, false, List.of(rep));
    }
    String shape = Shapes.problem(doc, k);
    if (shape != null) {
      throw invalid(rep, shape);
    }
    Edit e = new Edit();
    Map<String, Object> cur = UninjectEngine.apply(doc, k, e, new Report(rep.kind, rep.name));
    Map<String, String> runOverrides = run.ingressDropped ? overridesWithoutInject : overrides;
    if (!k.hasPodTemplate()) {
      return annotateOnly(root, cur, k, e, rep, runOverrides);
    }
    Map<String, Object> template = k.template(cur);
    if (template == null) {
      throw invalid(rep, k.templatePath() + " is missing: a " + rep.kind + " needs a pod template");
    }
    Pod pod = Pod.of(template);
    refuseControlPlaneWithoutManual(pod, rep);
    fillFindings(rep, pod.spec(), pod.annotationTexts());
    boolean configured = hasConfigAnnotation(pod.annotationTexts());
    // named ports only matter to config.linkerd.io/opaque-ports, i.e. when configured
    Map<String, Integer> namedPorts = configured ? namedPorts(pod.spec()) : Map.of();
    if (configured) {
      validateAnnotations(pod, namedPorts, k, rep);
    }
    Map<String, String> toAdd = optionAnnotations(runOverrides, rep);
    if (!rep.injectable()) {
      refuseIfErrors(rep);
      return done(root, cur, rep);
    }
    if (options.manual) {
      run.ingressDropped = true;
      toAdd.put(Names.CREATED_BY, options.createdBy);
    } else if (!values.is(INGRESS)) {
      toAdd.put(Names.INJECT, "enabled");
    }
    cur = e.own(cur);
    Map<String, Object> t = k.ownTemplate(cur, e);
    if (!options.manual) {
      e.map(e.mapBefore(t, "metadata", "spec"), "annotations", true).putAll(toAdd);
      return done(root, cur, rep);
    }
    if (pod.spec() == null) {
      throw invalid(rep, specPath(k) + " is missing: a pod template needs a spec");
    }
    ProxyRenderer.Rendered rendered = render(pod, toAdd, configured, namedPorts, rep);
    addProxyMetadata(cur, t, k, e, rep, toAdd, rendered);
    addProxyContainers(e.map(t, "spec", false), e, rendered);
    return done(root, cur, rep);
  }

  /** Namespaces and Services: only annotations (Linkerd reports them as not injectable). */
  private DocResult annotateOnly(
      Object root,
      Map<String, Object> cur,
      Kind k,
      Edit e,
      Report rep,
      Map<String, String> runOverrides) {
    rep.unsupported = true;
    if (k == Kind.NAMESPACE) {
      cur = e.own(cur);
      Map<String, Object> ann = e.map(e.map(cur, "metadata", true), "annotations", true);
      ann.put(Names.INJECT, "enabled");
      ann.putAll(runOverrides);
      rep.annotated = true;
      return done(root, cur, rep);
    }
    String opaque = overrides.get(Names.OPAQUE_PORTS);
    if (opaque != null) {
      cur = e.own(cur);
      Map<String, Object> ann = e.map(e.map(cur, "metadata", true), "annotations", true);
      ann.put(Names.OPAQUE_PORTS, opaque);
      rep.annotated = true;
    }
    return done(root, cur, rep);
  }

  private void refuseControlPlaneWithoutManual(Pod pod, Report rep) {
    if (pod.labels().containsKey(Names.CONTROL_PLANE_COMPONENT) && !options.manual) {
      throw new InjectionException(
          "--manual must be set when injecting control plane components",
          InjectionException.Category.REFUSED,
          rep.kind,
          rep.name,
          List.of("--manual must be set when injecting control plane components"));
    }
  }

  private static void validateAnnotations(
      Pod pod, Map<String, Integer> namedPorts, Kind k, Report rep) {
    List<String> problems = ConfigAnnotationReader.validate(pod.annotationTexts(), namedPorts);
    if (!problems.isEmpty()) {
      throw invalid(rep, metaPath(k) + ".annotations: " + String.join("; ", problems));
    }
  }

  /** The annotations of the injection options and the overrides, sorted by key. */
  private Map<String, String> optionAnnotations(Map<String, String> runOverrides, Report rep) {
    Map<String, String> toAdd = new TreeMap<>();
    if (options.debugSidecar) {
      toAdd.put(Names.ENABLE_DEBUG, "true");
    }
    if (options.closeWaitTimeout != null) {
      toAdd.put(Names.CLOSE_WAIT_TIMEOUT, GoDuration.format(options.closeWaitTimeout));
    }
    if (!runOverrides.isEmpty()) {
      toAdd.putAll(runOverrides);
      rep.annotated = true;
    }
    return toAdd;
  }

  private static void refuseIfErrors(Report rep) {
    List<String> errs = rep.errors();
    if (!errs.isEmpty()) {
      String msg = "failed to inject " + rep.resName() + ": " + String.join(", ", errs);
      throw new InjectionException(
          msg, InjectionException.Category.REFUSED, rep.kind, rep.name, errs);
    }
  }

  /** The proxy for this pod: from the cache for plain pods, else rendered with its overrides. */
  private ProxyRenderer.Rendered render(
      Pod pod,
      Map<String, String> toAdd,
      boolean configured,
      Map<String, Integer> namedPorts,
      Report rep) {
    Map<String, String> finalAnnotations = new HashMap<>(pod.annotationTexts());
    finalAnnotations.putAll(toAdd);
    boolean debug = Boolean.TRUE.equals(parseBoolOrNull(finalAnnotations.get(Names.ENABLE_DEBUG)));
    long closeWaitSecs = closeWaitSeconds(finalAnnotations.get(Names.CLOSE_WAIT_TIMEOUT), rep);
    if (clusterNetworksProblem != null) {
      throw new InjectionException(
          clusterNetworksProblem,
          InjectionException.Category.INVALID_VALUES,
          rep.kind,
          rep.name,
          List.of(clusterNetworksProblem));
    }
    String inboundPorts = podInboundPorts(pod.spec());
    Map<String, Object> first = firstContainer(pod.spec());
    Map<String, Object> caps = Trees.map(Trees.map(first, "securityContext"), "capabilities");
    Map<String, Object> saMount = serviceAccountMount(first);
    boolean plain =
        !configured
            && !"ingress".equals(pod.annotationTexts().get(Names.INJECT))
            && caps == null
            && saMount == null
            && !values.is(TRACING_ENABLED);
    String cacheKey = plain ? inboundPorts + "|" + debug + "|" + closeWaitSecs : null;
    ProxyRenderer.Rendered rendered = cacheKey == null ? null : cache.get(cacheKey);
    if (rendered != null) {
      return rendered;
    }
    ProxyValues pv = values.copy();
    ConfigAnnotationReader.apply(
        pv, pod.annotationTexts(), pod.labels(), namedPorts, new ArrayList<>());
    pv.podInboundPorts = inboundPorts;
    if (caps != null) {
      pv.capabilitiesAdd = strings(Trees.list(caps, "add"));
      pv.capabilitiesDrop = strings(Trees.list(caps, "drop"));
    }
    pv.saMount = saMount;
    if (closeWaitSecs != 0) {
      pv.set(CLOSE_WAIT_TIMEOUT_SECS, closeWaitSecs);
    }
    try {
      rendered = ProxyRenderer.render(pv, options.namespace, debug);
    } catch (IllegalArgumentException ex) {
      throw new InjectionException(
          ex.getMessage(),
          InjectionException.Category.INVALID_VALUES,
          rep.kind,
          rep.name,
          List.of(ex.getMessage()));
    }
    if (cacheKey != null && cache.size() < CACHE_LIMIT) {
      rendered = ProxyRenderer.frozen(rendered);
      cache.put(cacheKey, rendered);
    }
    return rendered;
  }

  private static long closeWaitSeconds(String annotation, Report rep) {
    if (annotation == null) {
      return 0;
    }
    try {
      return (long) GoDuration.seconds(GoDuration.parse(annotation));
    } catch (IllegalArgumentException ex) {
      throw invalid(rep, "annotation " + Names.CLOSE_WAIT_TIMEOUT + ": " + ex.getMessage());
    }
  }

  /** Pod metadata: annotations, then labels (JSON-patch add: replace in place or append). */
  private void addProxyMetadata(
      Map<String, Object> cur,
      Map<String, Object> t,
      Kind k,
      Edit e,
      Report rep,
      Map<String, String> toAdd,
      ProxyRenderer.Rendered rendered) {
    toAdd.put(Names.PROXY_VERSION, rendered.proxyVersion);
    toAdd.put(Names.TRUST_ROOT_SHA, trustRootSha);
    Map<String, Object> m = e.mapBefore(t, "metadata", "spec");
    e.map(m, "annotations", true).putAll(toAdd);
    Map<String, Object> l = e.map(m, "labels", true);
    Map<String, String> newLabels = new TreeMap<>();
    newLabels.put(Names.CONTROL_PLANE_NS, options.namespace);
    if (k.ownerLabel() != null) {
      newLabels.put(k.ownerLabel(), rep.name);
    }
    String workloadNs = Trees.text(Trees.map(cur, "metadata"), "namespace");
    newLabels.put(Names.WORKLOAD_NS, workloadNs == null ? "" : workloadNs);
    l.putAll(newLabels);
  }

  /** The proxy, its init container (or validator), the debug container and the volumes. */
  private static void addProxyContainers(
      Map<String, Object> s, Edit e, ProxyRenderer.Rendered rendered) {
    List<Object> volumes = e.listOrCreate(s, "volumes", null);
    List<Object> inits = e.listOrCreate(s, "initContainers", "containers");
    boolean nativeSidecar = rendered.nativeSidecar;
    Map<String, Object> initLike = rendered.init != null ? rendered.init : rendered.validator;
    if (nativeSidecar) {
      inits.add(0, initLike);
    } else {
      inits.add(initLike);
    }
    List<Object> containers = e.listOrCreate(s, "containers", null);
    if (rendered.debug != null) {
      containers.add(rendered.debug);
    }
    volumes.addAll(rendered.volumes);
    if (nativeSidecar) {
      inits.add(1, rendered.proxy);
    } else if (rendered.await) {
      containers.add(0, rendered.proxy);
    } else {
      containers.add(rendered.proxy);
    }
  }

  private static DocResult done(Object input, Map<String, Object> out, Report rep) {
    rep.changed = out != input;
    return new DocResult(out, rep.changed, List.of(rep));
  }

  private static Boolean parseBoolOrNull(String s) {
    return s == null ? null : GoParse.parseBool(s);
  }

  private static InjectionException invalid(Report rep, String what) {
    String msg = "failed to inject " + rep.resName() + ": " + what;
    return new InjectionException(
        msg, InjectionException.Category.INVALID_INPUT, rep.kind, rep.name, List.of(what));
  }

  private static String metaPath(Kind k) {
    return k == Kind.POD ? "metadata" : k.templatePath() + ".metadata";
  }

  private static String specPath(Kind k) {
    return k == Kind.POD ? "spec" : k.templatePath() + ".spec";
  }

  private static boolean hasConfigAnnotation(Map<String, String> annotations) {
    for (String key : annotations.keySet()) {
      if (key.startsWith(Names.CONFIG)
          || key.startsWith(Names.CONFIG_BETA)
          || key.startsWith(Names.CONFIG_ALPHA)
          || key.startsWith(Names.OTEL_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  /** The texts of a map of scalars (annotations, labels); empty for null. */
  static Map<String, String> texts(Map<String, Object> m) {
    if (m == null || m.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> x : m.entrySet()) {
      String t = Trees.text(x.getValue());
      out.put(x.getKey(), t == null ? "" : t);
    }
    return out;
  }

  private static List<String> strings(List<Object> l) {
    if (l == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      String t = Trees.text(o);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private void fillFindings(Report rep, Map<String, Object> spec, Map<String, String> ann) {
    rep.injectDisabled = "disabled".equals(ann.get(Names.INJECT));
    if (spec == null) {
      return;
    }
    rep.hostNetwork = Trees.isTrue(spec.get("hostNetwork"));
    Object automount = spec.get("automountServiceAccountToken");
    if (Trees.isFalse(automount) && !values.is(TOKEN_PROJECTION)) {
      rep.automountServiceAccountToken = false;
    }
    List<Object> containers = Trees.list(spec, "containers");
    List<Object> inits = Trees.list(spec, "initContainers");
    if (containers != null) {
      for (Object o : containers) {
        Map<String, Object> c = Trees.map(o);
        if (c == null) {
          continue;
        }
        if (isSidecar(c)) {
          rep.sidecar = true;
        }
        List<Object> ports = Trees.list(c, "ports");
        if (ports != null) {
          for (Object p : ports) {
            if ("UDP".equals(Trees.text(Trees.map(p), "protocol"))) {
              rep.udp = true;
            }
          }
        }
      }
    }
    if (inits != null) {
      for (Object o : inits) {
        Map<String, Object> c = Trees.map(o);
        if (c == null) {
          continue;
        }
        String image = Trees.text(c, "image");
        String name = Trees.text(c, "name");
        if (isSidecar(c)
            || (image != null
                && (image.startsWith("cr.l5d.io/linkerd/proxy-init:")
                    || image.startsWith("gcr.io/istio-release/proxy_init:")))
            || Names.INIT_CONTAINER.equals(name)
            || "istio-init".equals(name)) {
          rep.sidecar = true;
        }
      }
    }
  }

  private static boolean isSidecar(Map<String, Object> c) {
    String image = Trees.text(c, "image");
    String name = Trees.text(c, "name");
    return (image != null
            && (image.startsWith("cr.l5d.io/linkerd/proxy:")
                || image.startsWith("gcr.io/istio-release/proxyv2:")))
        || Names.PROXY_CONTAINER.equals(name)
        || "istio-proxy".equals(name);
  }

  private static Map<String, Object> firstContainer(Map<String, Object> spec) {
    List<Object> containers = Trees.list(spec, "containers");
    return containers == null || containers.isEmpty() ? null : Trees.map(containers.get(0));
  }

  private static Map<String, Object> serviceAccountMount(Map<String, Object> container) {
    List<Object> mounts = Trees.list(container, "volumeMounts");
    if (mounts == null) {
      return null;
    }
    for (Object o : mounts) {
      Map<String, Object> vm = Trees.map(o);
      if (vm != null && Names.SA_MOUNT_PATH.equals(Trees.text(vm, "mountPath"))) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mountPath", Names.SA_MOUNT_PATH);
        String name = Trees.text(vm, "name");
        out.put("name", name == null ? "" : name);
        if (Trees.isTrue(vm.get("readOnly"))) {
          out.put("readOnly", true);
        }
        return Collections.unmodifiableMap(out);
      }
    }
    return null;
  }

  /** Named container ports of regular and init containers (first wins). */
  private static Map<String, Integer> namedPorts(Map<String, Object> spec) {
    if (spec == null) {
      return Map.of();
    }
    Map<String, Integer> out = new HashMap<>();
    for (String key : new String[] {"containers", "initContainers"}) {
      List<Object> cs = Trees.list(spec, key);
      if (cs == null) {
        continue;
      }
      for (Object o : cs) {
        List<Object> ports = Trees.list(Trees.map(o), "ports");
        if (ports == null) {
          continue;
        }
        for (Object p : ports) {
          Map<String, Object> pm = Trees.map(p);
          String name = Trees.text(pm, "name");
          Long port = Trees.integer(pm == null ? null : pm.get("containerPort"));
          if (name != null && !name.isEmpty() && port != null) {
            out.putIfAbsent(name, port.intValue());
          }
        }
      }
    }
    return out;
  }

  /**
   * Linkerd's {@code getPodInboundPorts}: container ports and integer httpGet probe ports of all
   * containers, de-duplicated, sorted as strings, comma-joined.
   */
  static String podInboundPorts(Map<String, Object> spec) {
    TreeSet<String> ports = new TreeSet<>();
    for (String key : new String[] {"containers", "initContainers"}) {
      List<Object> cs = Trees.list(spec, key);
      if (cs == null) {
        continue;
      }
      for (Object o : cs) {
        Map<String, Object> c = Trees.map(o);
        if (c == null) {
          continue;
        }
        List<Object> ps = Trees.list(c, "ports");
        if (ps != null) {
          for (Object p : ps) {
            Map<String, Object> pm = Trees.map(p);
            Long port = Trees.integer(pm == null ? null : pm.get("containerPort"));
            ports.add(Long.toString(port == null ? 0 : port));
          }
        }
        for (String probe : new String[] {"readinessProbe", "livenessProbe"}) {
          Map<String, Object> httpGet = Trees.path(c, probe, "httpGet");
          Object port = httpGet == null ? null : Trees.value(httpGet.get("port"));
          if (port instanceof Number) {
            ports.add(Long.toString(((Number) port).longValue()));
          }
        }
      }
    }
    return String.join(",", ports);
  }
}
