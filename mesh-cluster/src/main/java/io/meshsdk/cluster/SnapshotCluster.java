package io.meshsdk.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.cluster.internal.FieldSets;
import io.meshsdk.cluster.internal.LenientJson;
import io.meshsdk.cluster.internal.Requests;
import io.meshsdk.cluster.internal.Selectors;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ClusterView} over manifests: a {@code kubectl get -A -o yaml} dump (a {@code kind: List}
 * with items), several files, a folder, or objects built in code. For offline checks, tests and
 * demos; everything that runs on a live cluster runs unchanged on a snapshot.
 *
 * <p>Objects are stored as the API server stores them: by group, resource, namespace and name.
 * Kinds are resolved to resources through the well-known {@link ResourceKind}s, then through the
 * CRDs in the snapshot, then by Kubernetes' own guess (lower case, plural). A namespaced object
 * without a namespace is in {@code default}. An object is served at every version of its group and
 * resource (with {@code apiVersion} set to the version asked for), except that a CRD in the
 * snapshot limits its resource to the versions it lists.
 *
 * <p>Selectors have the API server's semantics (equality, {@code !=}, exists, {@code !key}, {@code
 * in}, {@code notin}; field selectors on the fields the server supports per resource, anything else
 * is a 400 {@code field label not supported}). Access reviews are decided by the {@link
 * AccessPolicy} (default: allow all), which also decides dry-run creates; reads are not subject to
 * it. A dry-run create is accepted when the object is absent, its namespace (if any) exists, and
 * the policy allows it; nothing is stored.
 *
 * <pre>{@code
 * SnapshotCluster cluster = SnapshotCluster.builder()
 *     .add(Path.of("cluster-dump.yaml"))
 *     .serverVersion("v1.31.2")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; every answer is a fresh copy.
 */
public final class SnapshotCluster implements ClusterView {

  /** The {@code gitVersion} a snapshot reports unless its builder says otherwise. */
  public static final String DEFAULT_SERVER_VERSION = "v1.34.0";

  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?.*");

  private record Stored(JsonObject json, Map<String, String> labels, String origin) {}

  private record Resource(String group, String plural, String kind, boolean namespaced) {}

  private record Crd(
      String group, String plural, String kind, boolean namespaced, List<String> versions) {}

  private final LenientJson json = new LenientJson();
  private final VersionInfo version;
  private final AccessPolicy policy;

  /** group/plural → storage key (namespace/name or name, ordered as bytes) → object. */
  private final Map<String, TreeMap<String, Stored>> store;

  private final Map<String, Crd> crdsByGroupPlural;
  private final Map<String, Crd> crdsByGroupKind;

  private final List<Manifest> manifests;
  private final ManifestReader reader;

  private SnapshotCluster(Builder b) {
    this.version = b.version;
    this.policy = b.policy;
    this.manifests = List.copyOf(b.manifests);
    this.reader = b.reader;
    Map<String, Crd> byPlural = new HashMap<>();
    Map<String, Crd> byKind = new HashMap<>();
    List<JsonObject> objects = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (Manifest m : b.manifests) {
      collect(m, objects, origins);
    }
    for (JsonObject o : objects) {
      if ("CustomResourceDefinition".equals(str(o, "kind"))
          && str(o, "apiVersion").startsWith("apiextensions.k8s.io/")) {
        crd(o)
            .ifPresent(
                c -> {
                  byPlural.put(c.group + "/" + c.plural, c);
                  byKind.put(c.group + "/" + c.kind, c);
                });
      }
    }
    this.crdsByGroupPlural = Map.copyOf(byPlural);
    this.crdsByGroupKind = Map.copyOf(byKind);
    Map<String, TreeMap<String, Stored>> s = new HashMap<>();
    for (int i = 0; i < objects.size(); i++) {
      JsonObject o = objects.get(i);
      String origin = origins.get(i);
      String apiVersion = str(o, "apiVersion");
      String kind = str(o, "kind");
      String name = str(o, "metadata", "name");
      if (apiVersion.isEmpty() || kind.isEmpty()) {
        throw new IllegalArgumentException(origin + ": object without apiVersion or kind");
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            origin + ": " + kind + " without metadata.name (generateName is not supported)");
      }
      Resource r = resolve(group(apiVersion), kind, !str(o, "metadata", "namespace").isEmpty());
      String key;
      if (r.namespaced) {
        String ns = str(o, "metadata", "namespace");
        if (ns.isEmpty()) {
          ns = "default";
          o.getAsJsonObject("metadata").addProperty("namespace", ns);
        }
        key = ns + "/" + name;
      } else {
        if (o.getAsJsonObject("metadata").has("namespace")) {
          o.getAsJsonObject("metadata").remove("namespace");
        }
        key = name;
      }
      TreeMap<String, Stored> objs =
          s.computeIfAbsent(r.group + "/" + r.plural, k -> new TreeMap<>(BYTES));
      Stored before = objs.put(key, new Stored(o, labels(o), origin));
      if (before != null) {
        throw new IllegalArgumentException(
            origin + ": " + kind + " " + key + " is already defined at " + before.origin);
      }
    }
    this.store = s;
  }

  /** Storage keys compare as their UTF-8 bytes, as etcd orders them. */
  private static final Comparator<String> BYTES =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  /**
   * A builder holding this snapshot's documents, reader, server version and access policy, so that
   * a variant can be derived: more objects ({@code snapshot.toBuilder().add(installed).build()}),
   * another version or policy. The documents are the same immutable {@link Manifest}s.
   *
   * @return a new builder; changing it does not change this snapshot
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.manifests.addAll(manifests);
    b.reader = reader;
    b.version = version;
    b.policy = policy;
    return b;
  }

  /**
   * Starts a snapshot.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public VersionInfo serverVersion() {
    return json.toModel(json.gson().toJsonTree(version), VersionInfo.class);
  }

  @Override
  public <T extends KubernetesObject> List<T> list(ResourceKind<T> kind, ListQuery query) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(query, "query");
    kind.requireListable(query);
    List<JsonObject> found = select(kind.resource(), kind.namespaced(), query);
    List<T> out = new ArrayList<>(found.size());
    for (JsonObject o : found) {
      out.add(model(o, kind));
    }
    return List.copyOf(out);
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(
      ResourceKind<T> kind, String namespace, String name) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    kind.requireNamespaced();
    return find(kind.resource(), namespace + "/" + name).map(o -> model(o, kind));
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(ResourceKind<T> kind, String name) {
    Objects.requireNonNull(name, "name");
    kind.requireClusterScoped();
    return find(kind.resource(), name).map(o -> model(o, kind));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> listCustom(GroupVersionResource resource, ListQuery query) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(query, "query");
    String path =
        Requests.path(resource, query.namespace(), Optional.empty()) + Requests.selectors(query);
    if (!served(resource)) {
      throw notServed("GET", path);
    }
    boolean namespaced = namespaced(resource);
    if (!namespaced && query.namespace().isPresent()) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonObject o : select(resource, namespaced, query)) {
      out.add((Map<String, Object>) LenientJson.toTree(o));
    }
    return List.copyOf(out);
  }

  @Override
  public Optional<Map<String, Object>> getCustom(
      GroupVersionResource resource, String namespace, String name) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (!served(resource) || !namespaced(resource)) {
      return Optional.empty();
    }
    return find(resource, namespace + "/" + name).map(SnapshotCluster::tree);
  }

  @Override
  public Optional<Map<String, Object>> getCustom(GroupVersionResource resource, String name) {
    Objects.requireNonNull(name, "name");
    if (!served(resource) || namespaced(resource)) {
      return Optional.empty();
    }
    return find(resource, name).map(SnapshotCluster::tree);
  }

  @Override
  public V1SubjectAccessReviewStatus accessReview(V1ResourceAttributes attributes) {
    Objects.requireNonNull(attributes, "attributes");
    return policy.decide(attributes);
  }

  @Override
  public Map<String, Object> dryRunCreate(Manifest object) {
    Objects.requireNonNull(object, "object");
    Map<String, Object> tree =
        object
            .object()
            .orElseThrow(() -> new IllegalArgumentException(object.location() + ": not an object"));
    JsonObject o = LenientJson.toJsonObject(tree);
    String apiVersion = str(o, "apiVersion");
    String kind = str(o, "kind");
    String name = str(o, "metadata", "name");
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException(
          object.location() + ": a dry-run create needs apiVersion, kind and metadata.name");
    }
    String group = group(apiVersion);
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    Resource r = resolve(group, kind, !str(o, "metadata", "namespace").isEmpty());
    GroupVersionResource gvr = GroupVersionResource.of(group, version, r.plural);
    Optional<String> ns = Optional.empty();
    if (r.namespaced) {
      String n = str(o, "metadata", "namespace");
      ns = Optional.of(n.isEmpty() ? "default" : n);
      o.getAsJsonObject("metadata").addProperty("namespace", ns.get());
    }
    String path = Requests.path(gvr, ns, Optional.empty()) + "?dryRun=All";
    if (!served(gvr)) {
      throw notServed("POST", path);
    }
    String groupResource = Requests.groupResource(gvr);
    if (ns.isPresent() && find(ResourceKind.NAMESPACES.resource(), ns.get()).isEmpty()) {
      throw Requests.httpFailure(
          "POST", path, 404, "NotFound", "namespaces \"" + ns.get() + "\" not found");
    }
    if (!policy.allows("create", ns, group, r.plural)) {
      throw Requests.httpFailure(
          "POST",
          path,
          403,
          "Forbidden",
          groupResource
              + " \""
              + name
              + "\" is forbidden: the snapshot's access policy does not allow create on resource \""
              + r.plural
              + "\" in API group \""
              + group
              + "\""
              + ns.map(n -> " in the namespace \"" + n + "\"").orElse(" at the cluster scope"));
    }
    if (find(gvr, ns.map(n -> n + "/").orElse("") + name).isPresent()) {
      throw Requests.httpFailure(
          "POST", path, 409, "AlreadyExists", groupResource + " \"" + name + "\" already exists");
    }
    return tree(o);
  }

  /**
   * The number of objects in the snapshot.
   *
   * @return the count
   */
  public int size() {
    int n = 0;
    for (TreeMap<String, Stored> m : store.values()) {
      n += m.size();
    }
    return n;
  }

  // ---------------------------------------------------------------- lookup

  private List<JsonObject> select(GroupVersionResource r, boolean namespaced, ListQuery query) {
    String path = Requests.path(r, query.namespace(), Optional.empty()) + Requests.selectors(query);
    List<Selectors.Requirement> labels = Selectors.parseLabels(query.labelSelector().orElse(""));
    List<Selectors.FieldTerm> fields = Selectors.parseFields(query.fieldSelector().orElse(""));
    JsonObject probe = new JsonObject();
    for (Selectors.FieldTerm t : fields) {
      if (FieldSets.value(r.group(), r.plural(), namespaced, probe, t.field()).isEmpty()) {
        throw Requests.httpFailure(
            "GET", path, 400, "BadRequest", "field label not supported: " + t.field());
      }
    }
    TreeMap<String, Stored> objs = store.get(r.group() + "/" + r.plural());
    if (objs == null) {
      return List.of();
    }
    Map<String, Stored> range = objs;
    if (namespaced && query.namespace().isPresent()) {
      String prefix = query.namespace().get() + "/";
      // '/' + 1 is '0': the keys with this prefix are exactly [prefix, ns + "0")
      range = objs.subMap(prefix, true, query.namespace().get() + "0", false);
    }
    List<JsonObject> out = new ArrayList<>();
    for (Stored s : range.values()) {
      if (!Selectors.matches(labels, s.labels)) {
        continue;
      }
      boolean ok = true;
      for (Selectors.FieldTerm t : fields) {
        String v = FieldSets.value(r.group(), r.plural(), namespaced, s.json, t.field()).orElse("");
        if (!t.matches(v)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.add(withVersion(s.json, r));
      }
    }
    return out;
  }

  private Optional<JsonObject> find(GroupVersionResource r, String key) {
    TreeMap<String, Stored> objs = store.get(r.group() + "/" + r.plural());
    Stored s = objs == null ? null : objs.get(key);
    return s == null ? Optional.empty() : Optional.of(withVersion(s.json, r));
  }

  private static JsonObject withVersion(JsonObject o, GroupVersionResource r) {
    JsonObject copy = o.deepCopy();
    copy.addProperty("apiVersion", r.apiVersion());
    return copy;
  }

  private <T extends KubernetesObject> T model(JsonObject o, ResourceKind<T> kind) {
    try {
      return json.toModel(o, kind.type());
    } catch (JsonParseException e) {
      throw ClusterAccessException.builder(
              Failure.MALFORMED_RESPONSE,
              "snapshot object "
                  + kind.kind()
                  + " "
                  + str(o, "metadata", "namespace")
                  + (str(o, "metadata", "namespace").isEmpty() ? "" : "/")
                  + str(o, "metadata", "name")
                  + " does not fit the "
                  + kind.type().getSimpleName()
                  + " model: "
                  + Requests.oneLine(String.valueOf(e.getMessage())))
          .cause(e)
          .build();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(JsonObject o) {
    return (Map<String, Object>) LenientJson.toTree(o);
  }

  private boolean served(GroupVersionResource r) {
    Crd crd = crdsByGroupPlural.get(r.group() + "/" + r.plural());
    if (crd != null) {
      return crd.versions.contains(r.version());
    }
    return store.containsKey(r.group() + "/" + r.plural()) || builtIn(r.group());
  }

  private boolean namespaced(GroupVersionResource r) {
    Crd crd = crdsByGroupPlural.get(r.group() + "/" + r.plural());
    if (crd != null) {
      return crd.namespaced;
    }
    for (ResourceKind<?> k : ResourceKind.all()) {
      if (k.group().equals(r.group()) && k.plural().equals(r.plural())) {
        return k.namespaced();
      }
    }
    TreeMap<String, Stored> objs = store.get(r.group() + "/" + r.plural());
    return objs == null || objs.isEmpty() || objs.firstKey().contains("/");
  }

  private static boolean builtIn(String group) {
    return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
  }

  private static ClusterAccessException notServed(String method, String path) {
    return Requests.httpFailure(
        method, path, 404, "NotFound", "the server could not find the requested resource");
  }

  private Resource resolve(String group, String kind, boolean hasNamespace) {
    for (ResourceKind<?> k : ResourceKind.all()) {
      if (k.group().equals(group) && k.kind().equals(kind)) {
        return new Resource(group, k.plural(), kind, k.namespaced());
      }
    }
    Crd crd = crdsByGroupKind.get(group + "/" + kind);
    if (crd != null) {
      return new Resource(group, crd.plural, kind, crd.namespaced);
    }
    return new Resource(group, guessPlural(kind), kind, hasNamespace);
  }

  static String guessPlural(String kind) {
    return Requests.guessPlural(kind);
  }

  // ---------------------------------------------------------------- reading

  private void collect(Manifest m, List<JsonObject> objects, List<String> origins) {
    if (m.isEmpty() || m.root() == null) {
      return;
    }
    if (m.isList()) {
      for (Manifest item : m.items()) {
        collect(item, objects, origins);
      }
      return;
    }
    String origin = m.location().toString();
    Map<String, Object> tree =
        m.object().orElseThrow(() -> new IllegalArgumentException(origin + ": not an object"));
    JsonObject o = LenientJson.toJsonObject(tree);
    JsonElement meta = o.get("metadata");
    if (meta == null || !meta.isJsonObject()) {
      throw new IllegalArgumentException(origin + ": object without metadata");
    }
    objects.add(o);
    origins.add(origin);
  }

  private static Optional<Crd> crd(JsonObject o) {
    String group = str(o, "spec", "group");
    String plural = str(o, "spec", "names", "plural");
    String kind = str(o, "spec", "names", "kind");
    if (group.isEmpty() || plural.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    List<String> versions = new ArrayList<>();
    JsonElement vs = o.getAsJsonObject("spec").get("versions");
    if (vs != null && vs.isJsonArray()) {
      for (JsonElement v : vs.getAsJsonArray()) {
        if (v.isJsonObject()
            && v.getAsJsonObject().get("name") instanceof JsonPrimitive p
            && !(v.getAsJsonObject().get("served") instanceof JsonPrimitive s
                && s.isBoolean()
                && !s.getAsBoolean())) {
          versions.add(p.getAsString());
        }
      }
    }
    boolean namespaced = !"Cluster".equals(str(o, "spec", "scope"));
    return Optional.of(new Crd(group, plural, kind, namespaced, List.copyOf(versions)));
  }

  private static Map<String, String> labels(JsonObject o) {
    JsonElement l = o.getAsJsonObject("metadata").get("labels");
    if (l == null || !l.isJsonObject()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : l.getAsJsonObject().entrySet()) {
      if (e.getValue().isJsonPrimitive()) {
        out.put(e.getKey(), e.getValue().getAsString());
      }
    }
    return Map.copyOf(out);
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String str(JsonObject o, String... path) {
    JsonElement e = o;
    for (String p : path) {
      if (!(e instanceof JsonObject obj)) {
        return "";
      }
      e = obj.get(p);
    }
    return e instanceof JsonPrimitive prim ? prim.getAsString() : "";
  }

  /** Builds a {@link SnapshotCluster}. */
  public static final class Builder {
    private final List<Manifest> manifests = new ArrayList<>();
    private ManifestReader reader = ManifestReader.create();
    private VersionInfo version = version(DEFAULT_SERVER_VERSION);
    private AccessPolicy policy = AccessPolicy.allowAll();

    private Builder() {}

    /**
     * Sets the reader for files and text added after this call (its limits against hostile input).
     *
     * @param reader the manifest reader
     * @return this builder
     */
    public Builder reader(ManifestReader reader) {
      this.reader = Objects.requireNonNull(reader, "reader");
      return this;
    }

    /**
     * Adds the objects of a file, or of every manifest file in a folder (recursively, in name
     * order). {@code kind: List} documents are expanded; empty documents are skipped.
     *
     * @param fileOrFolder the path
     * @return this builder
     * @throws io.meshsdk.core.manifest.ManifestException if a file cannot be read or parsed
     */
    public Builder add(Path fileOrFolder) {
      manifests.addAll(reader.readAll(fileOrFolder));
      return this;
    }

    /**
     * Adds the objects of YAML or JSON text.
     *
     * @param text one or more documents
     * @param sourceName the name for messages, e.g. a file name
     * @return this builder
     * @throws io.meshsdk.core.manifest.ManifestException if the text cannot be parsed
     */
    public Builder add(String text, String sourceName) {
      manifests.addAll(reader.readAll(text, sourceName));
      return this;
    }

    /**
     * Adds objects already read.
     *
     * @param objects the documents
     * @return this builder
     */
    public Builder add(Collection<Manifest> objects) {
      manifests.addAll(objects);
      return this;
    }

    /**
     * Sets what {@code /version} answers, from a version string; major and minor are derived from
     * it, the other fields are empty.
     *
     * @param gitVersion e.g. {@code v1.31.2} or {@code v1.30.4-eks-a737599}
     * @return this builder
     * @throws IllegalArgumentException if it does not start with {@code [v]major.minor}
     */
    public Builder serverVersion(String gitVersion) {
      this.version = version(gitVersion);
      return this;
    }

    /**
     * Sets what {@code /version} answers.
     *
     * @param version the version information (copied)
     * @return this builder
     */
    public Builder serverVersion(VersionInfo version) {
      Objects.requireNonNull(version, "version");
      LenientJson j = new LenientJson();
      this.version = j.toModel(j.gson().toJsonTree(version), VersionInfo.class);
      return this;
    }

    /**
     * Sets the policy that decides access reviews and dry-run creates (default: allow all).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     * @throws IllegalArgumentException if an object has no apiVersion, kind, metadata or name, or
     *     two documents define the same object, naming the documents
     */
    public SnapshotCluster build() {
      return new SnapshotCluster(this);
    }

    private static VersionInfo version(String gitVersion) {
      Objects.requireNonNull(gitVersion, "gitVersion");
      Matcher m = VERSION.matcher(gitVersion);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "server version \"" + gitVersion + "\" is not of the form v<major>.<minor>.<patch>");
      }
      return new VersionInfo()
          .major(m.group(1))
          .minor(m.group(2))
          .gitVersion(gitVersion)
          .gitCommit("")
          .gitTreeState("")
          .buildDate("")
          .goVersion("")
          .compiler("")
          .platform("");
    }
  }
}
