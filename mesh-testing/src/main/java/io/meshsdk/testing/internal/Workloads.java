package io.meshsdk.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controllers a test needs for readiness waits, simulated: a Deployment, StatefulSet or
 * DaemonSet ({@code apps/v1}) that is written gets, once the delay has passed on the server's
 * clock, a ready status and Running, Ready Pods made from its template (a ReplicaSet in between for
 * a Deployment). Nothing runs in the background: due workloads are settled when the next request
 * arrives. Thread-safe.
 */
public final class Workloads {

  /** The store the simulation reads and writes, bypassing the journal. */
  public interface Store {
    /**
     * Reads an object.
     *
     * @param path the object path
     * @return the object, if stored
     */
    Optional<JsonObject> get(String path);

    /**
     * Lists a collection.
     *
     * @param path the collection path
     * @return the objects
     */
    List<JsonObject> list(String path);

    /**
     * Creates an object.
     *
     * @param collectionPath the collection
     * @param object the object
     */
    void create(String collectionPath, JsonObject object);

    /**
     * Replaces the status of an object.
     *
     * @param path the object path
     * @param object the object with its new status
     */
    void putStatus(String path, JsonObject object);

    /**
     * Deletes an object.
     *
     * @param path the object path
     */
    void delete(String path);
  }

  /** The kinds simulated, by plural. */
  public static final List<String> PLURALS = List.of("deployments", "statefulsets", "daemonsets");

  private static final String SAFE = "bcdfghjklmnpqrstvwxz2456789";

  private final Store store;
  private final Clock clock;
  private final Duration delay;
  private final Map<String, Instant> due = new LinkedHashMap<>();
  private final Map<String, Long> settledGeneration = new LinkedHashMap<>();
  private final Map<String, List<String>> created = new LinkedHashMap<>();
  private int podCounter;

  /**
   * Creates the simulation.
   *
   * @param store the store
   * @param clock the server's clock
   * @param delay how long after a write the workload becomes ready
   */
  public Workloads(Store store, Clock clock, Duration delay) {
    this.store = store;
    this.clock = clock;
    this.delay = delay;
  }

  /**
   * Notes that a workload was written (created, replaced, patched or applied).
   *
   * @param path the workload's object path
   */
  public synchronized void written(String path) {
    due.put(path, Instant.now(clock).plus(delay));
  }

  /**
   * Notes that a workload was deleted: its simulated Pods and ReplicaSets go with it.
   *
   * @param path the workload's object path
   */
  public synchronized void deleted(String path) {
    due.remove(path);
    settledGeneration.remove(path);
    for (String p : created.getOrDefault(path, List.of())) {
      store.delete(p);
    }
    created.remove(path);
  }

  /** Settles every workload whose delay has passed. */
  public synchronized void settle() {
    Instant now = Instant.now(clock);
    List<String> ready = new ArrayList<>();
    due.forEach(
        (path, at) -> {
          if (!now.isBefore(at)) {
            ready.add(path);
          }
        });
    for (String path : ready) {
      due.remove(path);
      Optional<JsonObject> w = store.get(path);
      if (w.isEmpty()) {
        continue;
      }
      long generation = number(Json.object(w.get(), "metadata").get("generation"), 1);
      if (settledGeneration.getOrDefault(path, -1L) == generation) {
        continue;
      }
      settle(path, w.get(), generation, now);
      settledGeneration.put(path, generation);
    }
  }

  private void settle(String path, JsonObject w, long generation, Instant now) {
    for (String p : created.getOrDefault(path, List.of())) {
      store.delete(p);
    }
    List<String> made = new ArrayList<>();
    String kind = Json.string(w, "kind");
    JsonObject meta = Json.object(w, "metadata");
    String name = Json.string(meta, "name");
    String ns = Json.string(meta, "namespace");
    JsonObject spec = Json.object(w, "spec");
    JsonObject template = Json.object(spec, "template");
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    List<String> nodes = nodes();
    String hash = hash(Json.GSON.toJson(template), 10);
    JsonObject status = new JsonObject();
    status.addProperty("observedGeneration", generation);
    switch (kind) {
      case "Deployment" -> {
        int n = (int) number(spec.get("replicas"), 1);
        String rsName = name + "-" + hash;
        JsonObject rs = replicaSet(w, rsName, hash, n, time);
        String rsCollection = "/apis/apps/v1/namespaces/" + ns + "/replicasets";
        store.create(rsCollection, rs);
        made.add(rsCollection + "/" + rsName);
        JsonObject owner = store.get(rsCollection + "/" + rsName).orElse(rs);
        for (int i = 0; i < n; i++) {
          String pod = rsName + "-" + hash(rsName + "/" + i, 5);
          made.add(
              pod(
                  ns,
                  pod,
                  template,
                  owner,
                  Map.of("pod-template-hash", hash),
                  nodes.get(i % nodes.size()),
                  time));
        }
        counts(status, n, "replicas", "updatedReplicas", "readyReplicas", "availableReplicas");
        JsonArray conditions = new JsonArray();
        conditions.add(
            condition(
                "Available",
                "MinimumReplicasAvailable",
                "Deployment has minimum availability.",
                time));
        conditions.add(
            condition(
                "Progressing",
                "NewReplicaSetAvailable",
                "ReplicaSet \"" + rsName + "\" has successfully progressed.",
                time));
        status.add("conditions", conditions);
      }
      case "StatefulSet" -> {
        int n = (int) number(spec.get("replicas"), 1);
        String revision = name + "-" + hash;
        for (int i = 0; i < n; i++) {
          String pod = name + "-" + i;
          made.add(
              pod(
                  ns,
                  pod,
                  template,
                  w,
                  Map.of(
                      "controller-revision-hash", revision,
                      "statefulset.kubernetes.io/pod-name", pod,
                      "apps.kubernetes.io/pod-index", String.valueOf(i)),
                  nodes.get(i % nodes.size()),
                  time));
        }
        counts(
            status,
            n,
            "replicas",
            "readyReplicas",
            "currentReplicas",
            "updatedReplicas",
            "availableReplicas");
        status.addProperty("currentRevision", revision);
        status.addProperty("updateRevision", revision);
        status.addProperty("collisionCount", 0);
      }
      default -> {
        int n = nodes.size();
        for (String node : nodes) {
          String pod = name + "-" + hash(name + "/" + node, 5);
          made.add(pod(ns, pod, template, w, Map.of("controller-revision-hash", hash), node, time));
        }
        status.addProperty("currentNumberScheduled", n);
        status.addProperty("desiredNumberScheduled", n);
        status.addProperty("numberAvailable", n);
        status.addProperty("numberMisscheduled", 0);
        status.addProperty("numberReady", n);
        status.addProperty("updatedNumberScheduled", n);
      }
    }
    JsonObject updated = w.deepCopy();
    updated.add("status", status);
    store.putStatus(path, updated);
    created.put(path, made);
  }

  private JsonObject replicaSet(JsonObject d, String rsName, String hash, int n, String time) {
    JsonObject meta = Json.object(d, "metadata");
    JsonObject spec = Json.object(d, "spec");
    JsonObject template = Json.object(spec, "template").deepCopy();
    JsonObject tmeta = Json.object(template, "metadata");
    if (!template.has("metadata")) {
      template.add("metadata", tmeta);
    }
    JsonObject labels = Json.object(tmeta, "labels").deepCopy();
    labels.addProperty("pod-template-hash", hash);
    tmeta.add("labels", labels.deepCopy());
    JsonObject rs = new JsonObject();
    rs.addProperty("apiVersion", "apps/v1");
    rs.addProperty("kind", "ReplicaSet");
    JsonObject m = new JsonObject();
    m.addProperty("name", rsName);
    m.addProperty("namespace", Json.string(meta, "namespace"));
    m.add("labels", labels);
    JsonObject annotations = new JsonObject();
    annotations.addProperty("deployment.kubernetes.io/revision", "1");
    m.add("annotations", annotations);
    m.add("ownerReferences", owners(d));
    rs.add("metadata", m);
    JsonObject s = new JsonObject();
    s.addProperty("replicas", n);
    JsonObject selector = Json.object(spec, "selector").deepCopy();
    JsonObject match = Json.object(selector, "matchLabels").deepCopy();
    match.addProperty("pod-template-hash", hash);
    selector.add("matchLabels", match);
    s.add("selector", selector);
    s.add("template", template);
    rs.add("spec", s);
    JsonObject st = new JsonObject();
    st.addProperty("observedGeneration", 1);
    counts(st, n, "replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas");
    rs.add("status", st);
    return rs;
  }

  private String pod(
      String ns,
      String name,
      JsonObject template,
      JsonObject owner,
      Map<String, String> extraLabels,
      String node,
      String time) {
    JsonObject tmeta = Json.object(template, "metadata");
    JsonObject pod = new JsonObject();
    pod.addProperty("apiVersion", "v1");
    pod.addProperty("kind", "Pod");
    JsonObject m = new JsonObject();
    m.addProperty("name", name);
    m.addProperty("namespace", ns);
    JsonObject labels = Json.object(tmeta, "labels").deepCopy();
    extraLabels.forEach(labels::addProperty);
    m.add("labels", labels);
    if (tmeta.has("annotations")) {
      m.add("annotations", Json.object(tmeta, "annotations").deepCopy());
    }
    m.add("ownerReferences", owners(owner));
    pod.add("metadata", m);
    JsonObject spec = Json.object(template, "spec").deepCopy();
    spec.addProperty("nodeName", node);
    pod.add("spec", spec);
    JsonObject status = new JsonObject();
    status.addProperty("phase", "Running");
    JsonArray conditions = new JsonArray();
    for (String type :
        List.of(
            "PodReadyToStartContainers",
            "Initialized",
            "Ready",
            "ContainersReady",
            "PodScheduled")) {
      JsonObject c = new JsonObject();
      c.addProperty("type", type);
      c.addProperty("status", "True");
      c.addProperty("lastTransitionTime", time);
      conditions.add(c);
    }
    status.add("conditions", conditions);
    status.addProperty("hostIP", "10.89.0." + (1 + nodes().indexOf(node) % 250));
    int n = ++podCounter;
    status.addProperty("podIP", "10.244." + (n / 250) + "." + (1 + n % 250));
    status.addProperty("startTime", time);
    JsonArray containers = new JsonArray();
    for (JsonElement c : array(spec, "containers")) {
      containers.add(containerStatus(c.getAsJsonObject(), true, time));
    }
    JsonArray inits = new JsonArray();
    for (JsonElement c : array(spec, "initContainers")) {
      JsonObject init = c.getAsJsonObject();
      inits.add(containerStatus(init, Json.string(init, "restartPolicy").equals("Always"), time));
    }
    if (!inits.isEmpty()) {
      status.add("initContainerStatuses", inits);
    }
    status.add("containerStatuses", containers);
    status.addProperty("qosClass", "BestEffort");
    pod.add("status", status);
    String collection = "/api/v1/namespaces/" + ns + "/pods";
    store.create(collection, pod);
    return collection + "/" + name;
  }

  private static JsonObject containerStatus(JsonObject c, boolean running, String time) {
    String image = Json.string(c, "image");
    JsonObject s = new JsonObject();
    s.addProperty("name", Json.string(c, "name"));
    s.addProperty("image", image);
    s.addProperty("imageID", image + "@sha256:" + sha256(image));
    s.addProperty("containerID", "containerd://" + sha256(Json.string(c, "name") + time + image));
    s.addProperty("ready", true);
    s.addProperty("started", running);
    s.addProperty("restartCount", 0);
    JsonObject state = new JsonObject();
    JsonObject detail = new JsonObject();
    if (running) {
      detail.addProperty("startedAt", time);
      state.add("running", detail);
    } else {
      detail.addProperty("exitCode", 0);
      detail.addProperty("reason", "Completed");
      detail.addProperty("startedAt", time);
      detail.addProperty("finishedAt", time);
      state.add("terminated", detail);
    }
    s.add("state", state);
    return s;
  }

  private static JsonArray owners(JsonObject owner) {
    JsonObject ref = new JsonObject();
    ref.addProperty("apiVersion", Json.string(owner, "apiVersion"));
    ref.addProperty("kind", Json.string(owner, "kind"));
    ref.addProperty("name", Json.string(Json.object(owner, "metadata"), "name"));
    ref.addProperty("uid", Json.string(Json.object(owner, "metadata"), "uid"));
    ref.addProperty("controller", true);
    ref.addProperty("blockOwnerDeletion", true);
    JsonArray a = new JsonArray();
    a.add(ref);
    return a;
  }

  private List<String> nodes() {
    List<String> names = new ArrayList<>();
    for (JsonObject n : store.list("/api/v1/nodes")) {
      names.add(Json.string(Json.object(n, "metadata"), "name"));
    }
    names.removeIf(String::isEmpty);
    names.sort(null);
    return names.isEmpty() ? List.of("mesh-testing-node") : names;
  }

  private static JsonObject condition(String type, String reason, String message, String time) {
    JsonObject c = new JsonObject();
    c.addProperty("type", type);
    c.addProperty("status", "True");
    c.addProperty("lastUpdateTime", time);
    c.addProperty("lastTransitionTime", time);
    c.addProperty("reason", reason);
    c.addProperty("message", message);
    return c;
  }

  private static void counts(JsonObject status, int n, String... fields) {
    if (n > 0) {
      for (String f : fields) {
        status.addProperty(f, n);
      }
    }
  }

  private static JsonArray array(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
  }

  private static long number(JsonElement e, long otherwise) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
        ? e.getAsLong()
        : otherwise;
  }

  /** A name suffix as Kubernetes makes them: consonants and digits that spell no words. */
  static String hash(String text, int length) {
    byte[] d = digest(text);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(SAFE.charAt((d[i] & 0xff) % SAFE.length()));
    }
    return b.toString();
  }

  private static String sha256(String text) {
    return HexFormat.of().formatHex(digest(text));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
