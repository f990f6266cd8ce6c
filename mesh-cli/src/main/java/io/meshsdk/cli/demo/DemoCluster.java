package io.meshsdk.cli.demo;

import io.meshsdk.cluster.AccessPolicy;
import io.meshsdk.cluster.SnapshotCluster;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.inject.Injector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's embedded cluster: the project's own manifests under {@code io/meshsdk/cli/demo/},
 * templates filled in with material made at demo time, and what the cluster's controllers would add
 * once objects are applied (pods of Deployments, their proxies from the proxy injector, service
 * addresses and endpoints), so that the checks read a cluster that looks like a running one.
 */
final class DemoCluster {
  /** What {@code GET /version} answers: the EKS nodes' Kubernetes. */
  static final String SERVER_VERSION = "v1.31.4-eks-2d98532";

  private static final ManifestReader READER = ManifestReader.create();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.:-]+)}");
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final String INJECT = "linkerd.io/inject";

  /** The nodes of cluster-bare.yaml, one per zone; pods get addresses of their node's subnet. */
  private final List<String> nodes;

  private final Instant started;
  private int nextPod;
  private int nextService;

  /**
   * A cluster's controllers for one batch of applied objects.
   *
   * @param nodes the nodes pods are spread over
   * @param started when the pods started
   * @param firstPod the number of pods started before (addresses stay apart across batches)
   */
  DemoCluster(List<String> nodes, Instant started, int firstPod) {
    this.nodes = List.copyOf(nodes);
    this.started = started;
    this.nextPod = firstPod;
  }

  /** A resource's text. */
  static String text(String name) {
    try (InputStream in = DemoCluster.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("demo resource missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A resource's documents. */
  static List<Manifest> read(String name) {
    return READER.readAll(text(name), name);
  }

  /**
   * Fills a template's {@code ${name}} placeholders. A value of several lines must stand alone on
   * its line and gets that line's indentation on every line; a placeholder without a value is a
   * defect of the demo.
   */
  static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (String line : template.split("\n", -1)) {
      if (line.stripLeading().startsWith("#")) {
        out.append(line).append('\n');
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(line);
      StringBuilder filled = new StringBuilder();
      int at = 0;
      while (m.find()) {
        String value = values.get(m.group(1));
        if (value == null) {
          throw new IllegalStateException("no value for ${" + m.group(1) + "}");
        }
        String v = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        if (v.contains("\n")) {
          if (!line.strip().equals(m.group())) {
            throw new IllegalStateException("${" + m.group(1) + "} must stand alone on its line");
          }
          String indent = line.substring(0, line.indexOf('$'));
          filled.append(indent).append(v.replace("\n", "\n" + indent));
          at = line.length();
          break;
        }
        filled.append(line, at, m.start()).append(v);
        at = m.end();
      }
      filled.append(line.substring(Math.min(at, line.length())));
      out.append(filled).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /** A snapshot of these objects, answering as the EKS cluster and allowing every access. */
  static SnapshotCluster snapshot(List<Manifest> objects) {
    return SnapshotCluster.builder()
        .add(objects)
        .serverVersion(SERVER_VERSION)
        .accessPolicy(AccessPolicy.allowAll())
        .build();
  }

  /**
   * The objects as the cluster holds them once applied: each Service gets a cluster IP, each
   * Deployment its running pods (through the proxy injector when {@code injector} is given and the
   * pod template asks for injection, or always when {@code meshAll}), each Service the endpoints of
   * its pods.
   *
   * @param applied what was applied
   * @param injector the proxy injector (Linkerd's webhook: the full proxy), or null before install
   * @param meshAll inject every Deployment (Linkerd's own components, whose chart adds the proxy)
   * @return the applied objects (services with addresses), then pods, then endpoints
   */
  List<Manifest> apply(List<Manifest> applied, Injector injector, boolean meshAll) {
    List<Manifest> objects = new ArrayList<>();
    List<Map<String, Object>> pods = new ArrayList<>();
    List<Map<String, Object>> services = new ArrayList<>();
    for (Manifest m : applied) {
      String kind = m.kind().orElse("");
      if (kind.equals("Service")) {
        Map<String, Object> svc = m.copyObject();
        Map<String, Object> spec = map(svc, "spec");
        if (!spec.containsKey("clusterIP")) {
          spec.put(
              "clusterIP", "172.20." + (60 + nextService / 200) + "." + (10 + nextService % 200));
          nextService++;
        }
        services.add(svc);
        objects.add(Manifest.of(svc));
      } else if (kind.equals("Deployment")) {
        Manifest workload = m;
        if (injector != null && (meshAll || injectionRequested(m))) {
          workload = injector.inject(m).manifest();
        }
        Map<String, Object> d = workload.copyObject();
        if (meshAll) {
          // Linkerd's charts render the proxy into their own templates and keep their labels
          // (linkerd.io/extension: viz), which inject, clearing earlier injection, would drop
          Map<String, Object> labels = templateLabels(d);
          Map<String, Object> own = new LinkedHashMap<>(templateLabels(m.copyObject()));
          labels.forEach(own::putIfAbsent);
          labels.clear();
          labels.putAll(own);
        }
        int replicas = map(d, "spec").get("replicas") instanceof Integer r ? r : 1;
        for (int i = 0; i < replicas; i++) {
          pods.add(pod(d, i));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("replicas", replicas);
        status.put("readyReplicas", replicas);
        status.put("availableReplicas", replicas);
        Map<String, Object> applied0 = m.copyObject();
        applied0.put("status", status);
        objects.add(Manifest.of(applied0));
      } else {
        objects.add(m);
      }
    }
    pods.forEach(p -> objects.add(Manifest.of(p)));
    for (Map<String, Object> svc : services) {
      endpoints(svc, pods).ifPresent(objects::add);
    }
    return objects;
  }

  private static Map<String, Object> templateLabels(Map<String, Object> workload) {
    return map(map(map(map(workload, "spec"), "template"), "metadata"), "labels");
  }

  private static boolean injectionRequested(Manifest deployment) {
    Object annotations =
        map(map(map(deployment.copyObject(), "spec"), "template"), "metadata").get("annotations");
    return annotations instanceof Map<?, ?> a && "enabled".equals(a.get(INJECT));
  }

  /**
   * A running pod of the Deployment, all containers ready, as the scheduler and kubelet leave it.
   */
  private Map<String, Object> pod(Map<String, Object> deployment, int replica) {
    Map<String, Object> dmeta = map(deployment, "metadata");
    String name = (String) dmeta.get("name");
    Map<String, Object> template = map(map(deployment, "spec"), "template");
    Map<String, Object> tmeta = map(template, "metadata");
    Map<String, Object> spec = new LinkedHashMap<>(map(template, "spec"));
    String hash = word(dmeta.get("namespace") + "/" + name, 10);
    int n = nextPod++;
    int node = n % nodes.size();
    spec.put("nodeName", nodes.get(node));

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put(
        "name",
        name + "-" + hash + "-" + word(dmeta.get("namespace") + "/" + name + "/" + replica, 5));
    meta.put("namespace", dmeta.get("namespace"));
    Map<String, Object> labels = new LinkedHashMap<>(map(tmeta, "labels"));
    labels.put("pod-template-hash", hash);
    meta.put("labels", labels);
    if (tmeta.get("annotations") instanceof Map<?, ?> a && !a.isEmpty()) {
      meta.put("annotations", a);
    }

    String time = started.toString();
    List<Object> initStatuses = new ArrayList<>();
    for (Object o : list(spec, "initContainers")) {
      Map<?, ?> c = (Map<?, ?>) o;
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", c.get("name"));
      s.put("image", c.get("image"));
      if ("Always".equals(c.get("restartPolicy"))) { // a native sidecar: started and ready
        s.put("ready", true);
        s.put("started", true);
        s.put("restartCount", 0);
        s.put("state", Map.of("running", Map.of("startedAt", time)));
      } else {
        s.put("ready", true);
        s.put("restartCount", 0);
        s.put(
            "state",
            Map.of(
                "terminated",
                Map.of(
                    "exitCode", 0, "reason", "Completed", "startedAt", time, "finishedAt", time)));
      }
      initStatuses.add(s);
    }
    List<Object> statuses = new ArrayList<>();
    for (Object o : list(spec, "containers")) {
      Map<?, ?> c = (Map<?, ?>) o;
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", c.get("name"));
      s.put("image", c.get("image"));
      s.put("ready", true);
      s.put("started", true);
      s.put("restartCount", 0);
      s.put("state", Map.of("running", Map.of("startedAt", time)));
      statuses.add(s);
    }
    List<Object> conditions = new ArrayList<>();
    for (String type :
        List.of(
            "PodReadyToStartContainers",
            "Initialized",
            "Ready",
            "ContainersReady",
            "PodScheduled")) {
      conditions.add(Map.of("type", type, "status", "True", "lastTransitionTime", time));
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", "Running");
    status.put("conditions", conditions);
    status.put("hostIP", "10.0." + (node + 1) + "." + (23 + node * 9));
    status.put("podIP", "10.0." + (node + 1) + "." + (130 + n / nodes.size()));
    status.put("startTime", time);
    if (!initStatuses.isEmpty()) {
      status.put("initContainerStatuses", initStatuses);
    }
    status.put("containerStatuses", statuses);

    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.put("metadata", meta);
    pod.put("spec", spec);
    pod.put("status", status);
    return pod;
  }

  /** The Endpoints object of a Service with a selector: its pods' addresses, the target ports. */
  private static java.util.Optional<Manifest> endpoints(
      Map<String, Object> svc, List<Map<String, Object>> pods) {
    Map<String, Object> spec = map(svc, "spec");
    if (!(spec.get("selector") instanceof Map<?, ?> selector) || selector.isEmpty()) {
      return java.util.Optional.empty();
    }
    Map<String, Object> smeta = map(svc, "metadata");
    List<Object> addresses = new ArrayList<>();
    for (Map<String, Object> pod : pods) {
      Map<String, Object> pmeta = map(pod, "metadata");
      if (!Objects.equals(pmeta.get("namespace"), smeta.get("namespace"))) {
        continue;
      }
      Map<String, Object> labels = map(pmeta, "labels");
      if (selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("kind", "Pod");
        ref.put("name", pmeta.get("name"));
        ref.put("namespace", pmeta.get("namespace"));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("ip", map(pod, "status").get("podIP"));
        address.put("nodeName", map(pod, "spec").get("nodeName"));
        address.put("targetRef", ref);
        addresses.add(address);
      }
    }
    List<Object> ports = new ArrayList<>();
    for (Object o : list(spec, "ports")) {
      Map<?, ?> p = (Map<?, ?>) o;
      Map<String, Object> port = new LinkedHashMap<>();
      if (p.get("name") != null) {
        port.put("name", p.get("name"));
      }
      Object target = p.get("targetPort") != null ? p.get("targetPort") : p.get("port");
      port.put("port", target);
      port.put("protocol", p.get("protocol") != null ? p.get("protocol") : "TCP");
      ports.add(port);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", smeta.get("name"));
    meta.put("namespace", smeta.get("namespace"));
    Map<String, Object> subset = new LinkedHashMap<>();
    subset.put("addresses", addresses);
    subset.put("ports", ports);
    Map<String, Object> ep = new LinkedHashMap<>();
    ep.put("apiVersion", "v1");
    ep.put("kind", "Endpoints");
    ep.put("metadata", meta);
    ep.put("subsets", addresses.isEmpty() ? List.of() : List.of(subset));
    return java.util.Optional.of(Manifest.of(ep));
  }

  /** A stable name part in Kubernetes' alphabet for generated names. */
  static String word(String seed, int length) {
    long h = 1125899906842597L;
    for (char c : seed.toCharArray()) {
      h = 31 * h + c;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      h = h * 6364136223846793005L + 1442695040888963407L;
      b.append(ALPHABET.charAt((int) Long.remainderUnsigned(h >>> 17, ALPHABET.length())));
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    if (v instanceof Map<?, ?>) {
      return (Map<String, Object>) v;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  static List<?> list(Map<String, Object> parent, String key) {
    return parent.get(key) instanceof List<?> l ? l : List.of();
  }
}
