package io.meshsdk.inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random Kubernetes-like documents for property tests: random kinds, fields, nesting, labels,
 * annotations, containers, ports and probes. Never emits {@code linkerd.io/*} or {@code
 * config.linkerd.io/*} keys, Linkerd or istio container names, host networking, or empty
 * annotation/label maps and init-container/volume lists (an empty collection that injection fills
 * and uninjection empties again comes back absent, which is the only way uninject can tell).
 */
final class ManifestGenerator {
  static final List<String> WORKLOADS =
      List.of(
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "ReplicaSet",
          "ReplicationController",
          "Job",
          "CronJob",
          "Pod");
  static final List<String> OTHERS =
      List.of("Service", "ConfigMap", "Namespace", "ServiceMonitor", "Secret");
  private static final String[] WORDS = {
    "web", "api", "db", "cache", "worker", "shop", "alpha", "beta", "gamma", "x"
  };
  private static final Object[] SCALARS = {
    "yes",
    "on",
    "0777",
    "1.10",
    "",
    "plain text",
    "a: b",
    "- item",
    "#hash",
    "true",
    42,
    0,
    -7,
    3.5,
    true,
    false,
    null,
    "multi\nline\n",
    "ünïcödé",
    "2001-01-01",
    "~",
    "null"
  };

  private final Random rnd;

  ManifestGenerator(long seed) {
    this.rnd = new Random(seed);
  }

  Map<String, Object> document() {
    int r = rnd.nextInt(10);
    if (r < 6) {
      return workload(WORKLOADS.get(rnd.nextInt(WORKLOADS.size())));
    }
    if (r < 9) {
      return other(OTHERS.get(rnd.nextInt(OTHERS.size())));
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    List<Object> items = new ArrayList<>();
    for (int i = rnd.nextInt(4); i >= 0; i--) {
      items.add(
          rnd.nextBoolean()
              ? workload(WORKLOADS.get(rnd.nextInt(WORKLOADS.size())))
              : other(OTHERS.get(rnd.nextInt(OTHERS.size()))));
    }
    list.put("items", items);
    list.put("metadata", new LinkedHashMap<>());
    return list;
  }

  Map<String, Object> workload(String kind) {
    Map<String, Object> d = new LinkedHashMap<>();
    boolean kindFirst = rnd.nextBoolean();
    if (kindFirst) {
      d.put("kind", kind);
    }
    d.put(
        "apiVersion", kind.equals("CronJob") ? "batch/v1" : kind.equals("Pod") ? "v1" : "apps/v1");
    if (!kindFirst) {
      d.put("kind", kind);
    }
    d.put("metadata", metadata(true));
    if (kind.equals("Pod")) {
      d.put("spec", podSpec());
    } else {
      Map<String, Object> spec = new LinkedHashMap<>();
      maybeExtra(spec);
      if (rnd.nextBoolean()) {
        spec.put("replicas", rnd.nextInt(5));
      }
      Map<String, Object> template = template();
      if (kind.equals("CronJob")) {
        spec.put("schedule", "*/10 * * * *");
        spec.put("jobTemplate", map("spec", map("template", template)));
      } else {
        spec.put("selector", map("matchLabels", map("app", word())));
        spec.put("template", template);
      }
      maybeExtra(spec);
      d.put("spec", spec);
    }
    if (rnd.nextInt(3) == 0) {
      d.put("status", new LinkedHashMap<>());
    }
    return d;
  }

  Map<String, Object> other(String kind) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", kind.equals("ServiceMonitor") ? "monitoring.coreos.com/v1" : "v1");
    d.put("kind", kind);
    d.put("metadata", metadata(true));
    if (rnd.nextBoolean()) {
      d.put(kind.equals("ConfigMap") || kind.equals("Secret") ? "data" : "spec", value(3));
    }
    return d;
  }

  private Map<String, Object> template() {
    Map<String, Object> t = new LinkedHashMap<>();
    if (rnd.nextInt(4) != 0) {
      t.put("metadata", metadata(false));
    }
    t.put("spec", podSpec());
    return t;
  }

  private Map<String, Object> metadata(boolean named) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (named || rnd.nextBoolean()) {
      m.put("name", word() + "-" + rnd.nextInt(100));
    }
    if (rnd.nextBoolean()) {
      m.put("namespace", word());
    }
    if (rnd.nextBoolean()) {
      m.put("labels", stringMap());
    }
    if (rnd.nextBoolean()) {
      m.put("annotations", stringMap());
    }
    if (rnd.nextInt(4) == 0) {
      m.put("creationTimestamp", null);
    }
    if (m.isEmpty()) {
      m.put("labels", stringMap());
    }
    return m;
  }

  private Map<String, Object> podSpec() {
    Map<String, Object> s = new LinkedHashMap<>();
    maybeExtra(s);
    if (rnd.nextInt(4) == 0) {
      s.put("hostNetwork", false);
    }
    if (rnd.nextInt(5) == 0) {
      s.put("automountServiceAccountToken", rnd.nextBoolean());
    }
    if (rnd.nextInt(3) == 0) {
      List<Object> inits = new ArrayList<>();
      for (int i = rnd.nextInt(2); i >= 0; i--) {
        inits.add(container("init" + i));
      }
      s.put("initContainers", inits);
    }
    List<Object> cs = new ArrayList<>();
    for (int i = rnd.nextInt(3); i >= 0; i--) {
      cs.add(container("c" + i));
    }
    s.put("containers", cs);
    if (rnd.nextInt(3) == 0) {
      List<Object> vols = new ArrayList<>();
      vols.add(map("name", "data", "emptyDir", new LinkedHashMap<>()));
      s.put("volumes", vols);
    }
    maybeExtra(s);
    return s;
  }

  private Map<String, Object> container(String name) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name + "-" + word());
    c.put("image", "registry.example.com/" + word() + ":" + rnd.nextInt(10));
    if (rnd.nextBoolean()) {
      List<Object> ports = new ArrayList<>();
      for (int i = rnd.nextInt(3); i >= 0; i--) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("containerPort", 1 + rnd.nextInt(65535));
        if (rnd.nextBoolean()) {
          p.put("name", word() + i);
        }
        if (rnd.nextInt(4) == 0) {
          p.put("protocol", rnd.nextBoolean() ? "TCP" : "UDP");
        }
        ports.add(p);
      }
      c.put("ports", ports);
    }
    if (rnd.nextBoolean()) {
      List<Object> env = new ArrayList<>();
      env.add(map("name", "K" + rnd.nextInt(9), "value", String.valueOf(scalar())));
      c.put("env", env);
    }
    if (rnd.nextInt(3) == 0) {
      Object port = rnd.nextBoolean() ? (Object) (1 + rnd.nextInt(65535)) : (Object) "http";
      c.put("readinessProbe", map("httpGet", map("path", "/ready", "port", port)));
    }
    if (rnd.nextInt(3) == 0) {
      c.put(
          "resources",
          rnd.nextBoolean()
              ? new LinkedHashMap<>()
              : map("requests", map("cpu", "100m", "memory", "128Mi")));
    }
    if (rnd.nextInt(4) == 0) {
      c.put(
          "securityContext",
          map(
              "capabilities",
              map(
                  "add",
                  new ArrayList<>(List.of("NET_BIND_SERVICE")),
                  "drop",
                  new ArrayList<>(List.of("ALL")))));
    }
    if (rnd.nextInt(5) == 0) {
      List<Object> mounts = new ArrayList<>();
      mounts.add(map("name", "sa", "mountPath", "/var/run/secrets/kubernetes.io/serviceaccount"));
      c.put("volumeMounts", mounts);
    }
    maybeExtra(c);
    return c;
  }

  private void maybeExtra(Map<String, Object> m) {
    if (rnd.nextInt(3) == 0) {
      m.put("x-" + word() + rnd.nextInt(10), value(3));
    }
  }

  private Object value(int depth) {
    int r = rnd.nextInt(depth <= 0 ? 1 : 4);
    if (r == 0) {
      return scalar();
    }
    if (r == 1) {
      List<Object> l = new ArrayList<>();
      for (int i = rnd.nextInt(3); i >= 0; i--) {
        l.add(value(depth - 1));
      }
      return l;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = rnd.nextInt(3); i >= 0; i--) {
      m.put(word() + i, value(depth - 1));
    }
    return m;
  }

  private Map<String, Object> stringMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = rnd.nextInt(3); i >= 0; i--) {
      String key = rnd.nextBoolean() ? word() + "/" + word() : "example.com/" + word() + i;
      m.put(key, String.valueOf(scalar()));
    }
    return m;
  }

  private Object scalar() {
    return SCALARS[rnd.nextInt(SCALARS.length)];
  }

  private String word() {
    return WORDS[rnd.nextInt(WORDS.length)];
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
