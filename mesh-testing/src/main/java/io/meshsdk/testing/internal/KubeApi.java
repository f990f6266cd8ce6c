package io.meshsdk.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.meshsdk.cluster.AccessPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Kubernetes API over fabric8's CRUD store ({@link KubernetesCrudDispatcher}, kubernetes
 * server-mock 8.0.0), with the compatibility layer the official clients and kubectl need: {@code
 * /version}, discovery for built-in kinds and stored CRDs, {@code apiVersion}/{@code kind} and
 * namespace from the URL, {@code Status} bodies for errors, {@code SelfSubjectAccessReview} through
 * an {@link AccessPolicy}, server dry runs, label selectors with set-based requirements, field
 * selectors, {@code limit}/{@code continue} paging in the API server's order (namespace, then
 * name), and optional unknown-field injection.
 */
public final class KubeApi {
  /** The field injected when unknown-field injection is on. */
  public static final String UNKNOWN_FIELD = "meshTestingUnknownField";

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();

  /**
   * CRDs stored with {@code spec.group}/{@code spec.names} filled in for fabric8's store (which
   * cannot hold a CRD without them), by CRD name, with the fields that were filled in; answers
   * leave those fields out again, so the object reads back as it was written.
   */
  private final Map<String, List<String>> completedCrds =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final JsonObject version;
  private final Supplier<AccessPolicy> policy;
  private final Supplier<Boolean> unknownFields;
  private final Supplier<String> serverAddress;
  private final Clock clock;
  private volatile Workloads workloads;

  /**
   * Creates the API over an empty store.
   *
   * @param version the {@code /version} answer
   * @param policy the current access-review policy
   * @param unknownFields whether to inject unknown fields into answers
   * @param serverAddress the {@code host:port} clients reach the server at
   * @param clock the clock of dry-run timestamps
   */
  public KubeApi(
      JsonObject version,
      Supplier<AccessPolicy> policy,
      Supplier<Boolean> unknownFields,
      Supplier<String> serverAddress,
      Clock clock) {
    this.version = version.deepCopy();
    this.policy = policy;
    this.unknownFields = unknownFields;
    this.serverAddress = serverAddress;
    this.clock = clock;
  }

  /**
   * Answers a request.
   *
   * @param req the request
   * @return the response
   */
  public ApiResponse handle(ApiRequest req) {
    String path =
        req.path().length() > 1 && req.path().endsWith("/")
            ? req.path().substring(0, req.path().length() - 1)
            : req.path();
    try {
      if (workloads != null) {
        workloads.settle();
      }
      switch (path) {
        case "/version":
          return get(req, () -> json(200, injected(version.deepCopy())));
        case "/healthz":
        case "/livez":
        case "/readyz":
          return get(req, () -> new ApiResponse(200, "text/plain", "ok", Map.of()));
        case "/api":
          return get(req, this::apiVersions);
        case "/apis":
          return get(req, this::apiGroupList);
        default:
          break;
      }
      String[] seg = path.substring(1).split("/");
      if (seg[0].equals("api") && seg.length >= 2) {
        return resourceRequest(req, "", seg[1], java.util.Arrays.copyOfRange(seg, 2, seg.length));
      }
      if (seg[0].equals("apis") && seg.length == 2) {
        return get(req, () -> apiGroup(seg[1]));
      }
      if (seg[0].equals("apis") && seg.length >= 3) {
        return resourceRequest(
            req, seg[1], seg[2], java.util.Arrays.copyOfRange(seg, 3, seg.length));
      }
      return notFound();
    } catch (IllegalArgumentException e) {
      return StatusBodies.failure(400, e.getMessage());
    }
  }

  /**
   * Stores an object as a client's create would, for seeding.
   *
   * @param object the object, with apiVersion and kind
   * @return the response of the create
   */
  public ApiResponse seed(JsonObject object) {
    String apiVersion = Json.string(object, "apiVersion");
    String kind = Json.string(object, "kind");
    Optional<ApiResource> r = table().byKind(apiVersion, kind);
    if (r.isEmpty()) {
      return StatusBodies.failure(
          404,
          "NotFound",
          "no resource serves "
              + apiVersion
              + " "
              + kind
              + " (for a custom resource, seed its CustomResourceDefinition first)",
          null,
          null);
    }
    String ns = Json.string(Json.object(object, "metadata"), "namespace");
    if (r.get().namespaced() && ns.isEmpty()) {
      ns = "default";
      Json.object(object, "metadata").addProperty("namespace", ns);
    }
    String path = r.get().collectionPath(ns);
    return handle(
        new ApiRequest("POST", path, Map.of(), ApiResponse.JSON, Json.GSON.toJson(object)));
  }

  private ApiResponse get(ApiRequest req, Supplier<ApiResponse> answer) {
    if (!req.method().equals("GET") && !req.method().equals("HEAD")) {
      return StatusBodies.failure(
          405, "the server does not allow this method on the requested " + "resource");
    }
    return answer.get();
  }

  private static ApiResponse notFound() {
    return StatusBodies.failure(404, "the server could not find the requested resource");
  }

  // ---------------------------------------------------------------- discovery

  private ResourceTable table() {
    ApiResource crds =
        ResourceTable.builtIn()
            .find("apiextensions.k8s.io", "v1", "customresourcedefinitions")
            .orElseThrow();
    return ResourceTable.withCrds(storedItems(crds, null));
  }

  private ApiResponse apiVersions() {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIVersions");
    o.add("versions", ResourceTable.strings(List.of("v1")));
    JsonArray addresses = new JsonArray();
    JsonObject a = new JsonObject();
    a.addProperty("clientCIDR", "0.0.0.0/0");
    a.addProperty("serverAddress", serverAddress.get());
    addresses.add(a);
    o.add("serverAddressByClientCIDRs", addresses);
    return json(200, o);
  }

  private ApiResponse apiGroupList() {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIGroupList");
    o.addProperty("apiVersion", "v1");
    JsonArray groups = new JsonArray();
    for (Map.Entry<String, List<String>> g : table().groupVersions().entrySet()) {
      if (!g.getKey().isEmpty()) {
        groups.add(groupObject(g.getKey(), g.getValue()));
      }
    }
    o.add("groups", groups);
    return json(200, o);
  }

  private ApiResponse apiGroup(String group) {
    List<String> versions = table().groupVersions().get(group);
    if (versions == null || group.isEmpty()) {
      return notFound();
    }
    JsonObject o = groupObject(group, versions);
    o.addProperty("kind", "APIGroup");
    o.addProperty("apiVersion", "v1");
    return json(200, o);
  }

  private static JsonObject groupObject(String group, List<String> versions) {
    JsonObject g = new JsonObject();
    g.addProperty("name", group);
    JsonArray vs = new JsonArray();
    for (String v : versions) {
      JsonObject gv = new JsonObject();
      gv.addProperty("groupVersion", group + "/" + v);
      gv.addProperty("version", v);
      vs.add(gv);
    }
    g.add("versions", vs);
    g.add("preferredVersion", vs.get(0).deepCopy());
    return g;
  }

  private ApiResponse resourceList(String group, String version) {
    List<ApiResource> resources = table().resources(group, version);
    if (resources.isEmpty()) {
      return notFound();
    }
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIResourceList");
    o.addProperty("apiVersion", "v1");
    o.addProperty("groupVersion", group.isEmpty() ? version : group + "/" + version);
    JsonArray rs = new JsonArray();
    for (ApiResource r : resources) {
      JsonObject j = new JsonObject();
      j.addProperty("name", r.plural());
      j.addProperty("singularName", r.singular());
      j.addProperty("namespaced", r.namespaced());
      j.addProperty("kind", r.kind());
      j.add("verbs", ResourceTable.strings(r.verbs()));
      if (!r.shortNames().isEmpty()) {
        j.add("shortNames", ResourceTable.strings(r.shortNames()));
      }
      rs.add(j);
    }
    o.add("resources", rs);
    return json(200, o);
  }

  // ---------------------------------------------------------------- resources

  private ApiResponse resourceRequest(ApiRequest req, String group, String version, String[] rest) {
    if (rest.length == 0) {
      return get(req, () -> resourceList(group, version));
    }
    ResourceTable table = table();
    String namespace = null;
    String plural;
    String name = null;
    String sub = null;
    if (rest[0].equals("namespaces")
        && rest.length >= 3
        && table.find(group, version, rest[2]).map(ApiResource::namespaced).orElse(false)) {
      namespace = rest[1];
      plural = rest[2];
      name = rest.length > 3 ? rest[3] : null;
      sub = rest.length > 4 ? rest[4] : null;
      if (rest.length > 5) {
        return notFound();
      }
    } else {
      plural = rest[0];
      name = rest.length > 1 ? rest[1] : null;
      sub = rest.length > 2 ? rest[2] : null;
      if (rest.length > 3) {
        return notFound();
      }
    }
    Optional<ApiResource> found = table.find(group, version, plural);
    if (found.isEmpty()) {
      return notFound();
    }
    ApiResource r = found.get();
    if (!r.stored()) {
      return review(req, r);
    }
    if (name == null) {
      switch (req.method()) {
        case "GET":
          return req.param("watch").map(w -> w.equals("true") || w.equals("1")).orElse(false)
              ? watch(req, r, namespace)
              : list(req, r, namespace);
        case "POST":
          ApiResponse created = create(req, r, namespace);
          if (simulated(r) && created.code() < 300 && !req.dryRun()) {
            JsonObject meta = Json.object(Json.parseObject(created.body()), "metadata");
            workloads.written(
                itemPath(r, Json.string(meta, "namespace"), Json.string(meta, "name")));
          }
          return created;
        default:
          return StatusBodies.failure(
              405, "the server does not allow this method on the " + "requested resource");
      }
    }
    String objectPath = itemPath(r, namespace, name) + (sub == null ? "" : "/" + sub);
    ApiResponse written;
    switch (req.method()) {
      case "GET":
        return getObject(r, objectPath, name);
      case "PUT":
        written = write(req, r, namespace, name, objectPath, HttpMethod.PUT);
        break;
      case "PATCH":
        written = write(req, r, namespace, name, objectPath, HttpMethod.PATCH);
        break;
      case "DELETE":
        if (req.dryRun()) {
          return getObject(r, objectPath, name);
        }
        ApiResponse deleted = passThrough(r, name, crud(HttpMethod.DELETE, objectPath, "", ""));
        if (simulated(r) && sub == null && deleted.code() < 300) {
          workloads.deleted(objectPath);
        }
        return deleted;
      default:
        return StatusBodies.failure(
            405, "the server does not allow this method on the " + "requested resource");
    }
    if (simulated(r) && sub == null && written.code() < 300 && !req.dryRun()) {
      workloads.written(objectPath);
    }
    return written;
  }

  private boolean simulated(ApiResource r) {
    return workloads != null
        && r.group().equals("apps")
        && r.version().equals("v1")
        && Workloads.PLURALS.contains(r.plural());
  }

  /**
   * Turns on the workload simulation (see {@link Workloads}).
   *
   * @param delay how long after a write, on the server's clock, a workload becomes ready
   */
  public void simulateWorkloads(java.time.Duration delay) {
    this.workloads =
        new Workloads(
            new Workloads.Store() {
              @Override
              public Optional<JsonObject> get(String path) {
                MockResponse m = crud(HttpMethod.GET, path, "", "");
                return m.code() == 200 && !body(m).isEmpty()
                    ? Optional.of(Json.parseObject(body(m)))
                    : Optional.empty();
              }

              @Override
              public List<JsonObject> list(String path) {
                MockResponse m = crud(HttpMethod.GET, path, "", "");
                List<JsonObject> out = new ArrayList<>();
                if (m.code() == 200 && !body(m).isEmpty()) {
                  JsonElement items = Json.parseObject(body(m)).get("items");
                  if (items != null && items.isJsonArray()) {
                    items.getAsJsonArray().forEach(i -> out.add(i.getAsJsonObject()));
                  }
                }
                return out;
              }

              @Override
              public void create(String collectionPath, JsonObject object) {
                crud(HttpMethod.POST, collectionPath, ApiResponse.JSON, Json.GSON.toJson(object));
              }

              @Override
              public void putStatus(String path, JsonObject object) {
                crud(HttpMethod.PUT, path + "/status", ApiResponse.JSON, Json.GSON.toJson(object));
              }

              @Override
              public void delete(String path) {
                crud(HttpMethod.DELETE, path, "", "");
              }
            },
            clock,
            delay);
  }

  private static String itemPath(ApiResource r, String namespace, String name) {
    return r.collectionPath(namespace) + "/" + name;
  }

  private ApiResponse getObject(ApiResource r, String path, String name) {
    MockResponse m = crud(HttpMethod.GET, path, "", "");
    if (m.code() == 404 || body(m).isEmpty()) {
      return StatusBodies.notFound(r, name);
    }
    if (m.code() >= 300) {
      return passThrough(r, name, m);
    }
    JsonObject o = Json.parseObject(body(m));
    return json(200, injected(o));
  }

  private ApiResponse create(ApiRequest req, ApiResource r, String namespace) {
    JsonObject o = body(req, r, namespace);
    String name = Json.string(Json.object(o, "metadata"), "name");
    if (name.isEmpty() && Json.string(Json.object(o, "metadata"), "generateName").isEmpty()) {
      return StatusBodies.failure(
          422,
          "Invalid",
          r.kind()
              + " \"\" is invalid: metadata.name: "
              + "Required value: name or generateName is required",
          r,
          "");
    }
    if (r.namespaced() && Json.string(Json.object(o, "metadata"), "namespace").isEmpty()) {
      return StatusBodies.failure(
          400,
          "BadRequest",
          "the server could not find the requested "
              + "resource: a namespaced object must be created in a namespace",
          r,
          name);
    }
    String ns = Json.string(Json.object(o, "metadata"), "namespace");
    if (!name.isEmpty()) {
      MockResponse existing = crud(HttpMethod.GET, itemPath(r, ns, name), "", "");
      if (existing.code() == 200 && !body(existing).isEmpty()) {
        return StatusBodies.alreadyExists(r, name);
      }
    }
    if (req.dryRun()) {
      JsonObject meta = o.getAsJsonObject("metadata");
      if (name.isEmpty()) {
        meta.addProperty("name", Json.string(meta, "generateName") + "dryrun");
      }
      meta.addProperty("uid", UUID.randomUUID().toString());
      meta.addProperty(
          "creationTimestamp", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
      return json(201, o);
    }
    if (name.isEmpty()) {
      o.getAsJsonObject("metadata")
          .addProperty(
              "name",
              Json.string(Json.object(o, "metadata"), "generateName")
                  + UUID.randomUUID().toString().substring(0, 5));
    }
    if (r.kind().equals("CustomResourceDefinition")) {
      completeCrd(o);
      establish(o, false);
    }
    return passThrough(
        r,
        name,
        crud(HttpMethod.POST, r.collectionPath(ns), ApiResponse.JSON, Json.GSON.toJson(o)));
  }

  /**
   * Fills in the {@code spec.group} and {@code spec.names} that fabric8's store needs to hold a
   * CRD, derived from its name ({@code <plural>.<group>}), and records them for {@link #injected}.
   */
  private void completeCrd(JsonObject o) {
    String name = Json.string(Json.object(o, "metadata"), "name");
    int dot = name.indexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return;
    }
    if (!o.has("spec") || !o.get("spec").isJsonObject()) {
      o.add("spec", new JsonObject());
    }
    JsonObject spec = o.getAsJsonObject("spec");
    List<String> added = new ArrayList<>();
    if (Json.string(spec, "group").isEmpty()) {
      spec.addProperty("group", name.substring(dot + 1));
      added.add("group");
    }
    if (!spec.has("names")) {
      String plural = name.substring(0, dot);
      String singular = plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
      String kind = Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
      JsonObject names = new JsonObject();
      names.addProperty("plural", plural);
      names.addProperty("singular", singular);
      names.addProperty("kind", kind);
      names.addProperty("listKind", kind + "List");
      spec.add("names", names);
      added.add("names");
    }
    if (!added.isEmpty()) {
      completedCrds.put(name, List.copyOf(added));
    }
  }

  private ApiResponse write(
      ApiRequest req,
      ApiResource r,
      String namespace,
      String name,
      String path,
      HttpMethod method) {
    String contentType = req.contentType();
    String text = req.body();
    if (method == HttpMethod.PUT) {
      JsonObject o = body(req, r, namespace);
      String bodyName = Json.string(Json.object(o, "metadata"), "name");
      if (!bodyName.isEmpty() && !bodyName.equals(name)) {
        return StatusBodies.failure(
            400,
            "BadRequest",
            "the name of the object ("
                + bodyName
                + ") does not match the name on the URL ("
                + name
                + ")",
            r,
            name);
      }
      if (bodyName.isEmpty()) {
        o.getAsJsonObject("metadata").addProperty("name", name);
      }
      if (r.kind().equals("CustomResourceDefinition")
          && path.equals(itemPath(r, namespace, name))) {
        MockResponse current = crud(HttpMethod.GET, path, "", "");
        if (current.code() == 200 && !body(current).isEmpty() && !o.has("status")) {
          o.add("status", Json.object(Json.parseObject(body(current)), "status").deepCopy());
        }
        completeCrd(o);
        establish(o, true);
      }
      text = Json.GSON.toJson(o);
      contentType = ApiResponse.JSON;
    } else if (contentType.startsWith("application/strategic-merge-patch+json")) {
      contentType = "application/merge-patch+json";
    } else if (contentType.startsWith("application/apply-patch")) {
      return apply(req, r, namespace, name, path);
    }
    if (req.dryRun()) {
      return getObject(r, path, name);
    }
    MockResponse m = crud(method, path, contentType, text);
    if (m.code() == 404 || (m.code() == 200 && body(m).isEmpty())) {
      return StatusBodies.notFound(r, name);
    }
    if (m.code() == 409) {
      return StatusBodies.failure(
          409,
          "Conflict",
          "Operation cannot be fulfilled on "
              + r.qualifiedPlural()
              + " \""
              + name
              + "\": the object has been modified; please apply "
              + "your changes to the latest version and try again",
          r,
          name);
    }
    return passThrough(r, name, m);
  }

  // ---------------------------------------------------------------- server-side apply

  private ApiResponse apply(
      ApiRequest req, ApiResource r, String namespace, String name, String path) {
    if (!path.equals(itemPath(r, namespace, name))) {
      return StatusBodies.failure(
          415,
          "UnsupportedMediaType",
          "server-side apply of a subresource is not supported by the mesh-testing API server",
          r,
          name);
    }
    String manager = req.param("fieldManager").orElse("");
    if (manager.isEmpty()) {
      return StatusBodies.failure(
          400,
          "BadRequest",
          "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required"
              + " for apply patch",
          r,
          name);
    }
    if (manager.length() > 128) {
      return StatusBodies.failure(
          422,
          "Invalid",
          "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Too long: may not be longer"
              + " than 128",
          r,
          name);
    }
    String forceText = req.param("force").orElse("false");
    if (!forceText.equals("true") && !forceText.equals("false")) {
      return StatusBodies.failure(
          400, "BadRequest", "force: invalid value \"" + forceText + "\"", r, name);
    }
    JsonObject config = bodyFrom(applyConfiguration(req, r), r, namespace);
    JsonObject meta = config.getAsJsonObject("metadata");
    String bodyName = Json.string(meta, "name");
    if (!bodyName.isEmpty() && !bodyName.equals(name)) {
      return StatusBodies.failure(
          400,
          "BadRequest",
          "the name of the object ("
              + bodyName
              + ") does not match the name on the URL ("
              + name
              + ")",
          r,
          name);
    }
    meta.addProperty("name", name);
    MockResponse existing = crud(HttpMethod.GET, path, "", "");
    JsonObject live =
        existing.code() == 200 && !body(existing).isEmpty()
            ? restoreCrd(Json.parseObject(body(existing)))
            : null;
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    ServerSideApply.Result result;
    try {
      result = ServerSideApply.apply(live, config, manager, forceText.equals("true"), now);
    } catch (ServerSideApply.Conflicts c) {
      JsonObject s =
          Json.parseObject(StatusBodies.failure(409, "Conflict", c.message(), r, name).body());
      s.getAsJsonObject("details").add("causes", c.causes());
      return ApiResponse.json(409, Json.GSON.toJson(s));
    }
    JsonObject o = result.object();
    if (live == null) {
      if (req.dryRun()) {
        o.getAsJsonObject("metadata").addProperty("uid", UUID.randomUUID().toString());
        o.getAsJsonObject("metadata").addProperty("creationTimestamp", now);
        o.getAsJsonObject("metadata").addProperty("generation", 1);
        return json(201, injected(o));
      }
      if (r.kind().equals("CustomResourceDefinition")) {
        completeCrd(o);
        establish(o, false);
      }
      String ns = Json.string(o.getAsJsonObject("metadata"), "namespace");
      return passThrough(
          r,
          name,
          crud(HttpMethod.POST, r.collectionPath(ns), ApiResponse.JSON, Json.GSON.toJson(o)));
    }
    if (!result.changed()) {
      return json(200, injected(live));
    }
    if (req.dryRun()) {
      return json(200, injected(o));
    }
    if (r.kind().equals("CustomResourceDefinition")) {
      completeCrd(o);
      establish(o, true);
    }
    return passThrough(r, name, crud(HttpMethod.PUT, path, ApiResponse.JSON, Json.GSON.toJson(o)));
  }

  /**
   * What the API server's CRD controllers record once a CRD is stored: {@code NamesAccepted} and
   * {@code Established} conditions, {@code acceptedNames} and {@code storedVersions}. On create, a
   * status the object already carries (a seed's) is kept and only what it lacks is added; on update
   * the accepted names follow {@code spec.names}.
   */
  private void establish(JsonObject crd, boolean update) {
    if (!crd.has("status") || !crd.get("status").isJsonObject()) {
      crd.add("status", new JsonObject());
    }
    JsonObject status = crd.getAsJsonObject("status");
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    JsonArray conditions =
        status.has("conditions") && status.get("conditions").isJsonArray()
            ? status.getAsJsonArray("conditions")
            : new JsonArray();
    String[][] wanted = {
      {"NamesAccepted", "NoConflicts", "no conflicts found"},
      {"Established", "InitialNamesAccepted", "the initial names have been accepted"}
    };
    for (String[] w : wanted) {
      boolean present = false;
      for (JsonElement c : conditions) {
        present |= c.isJsonObject() && Json.string(c.getAsJsonObject(), "type").equals(w[0]);
      }
      if (!present) {
        JsonObject c = new JsonObject();
        c.addProperty("type", w[0]);
        c.addProperty("status", "True");
        c.addProperty("lastTransitionTime", now);
        c.addProperty("reason", w[1]);
        c.addProperty("message", w[2]);
        conditions.add(c);
      }
    }
    status.add("conditions", conditions);
    JsonObject names = Json.object(Json.object(crd, "spec"), "names");
    if (!names.isEmpty() && (update || !status.has("acceptedNames"))) {
      status.add("acceptedNames", names.deepCopy());
    }
    JsonArray stored =
        status.has("storedVersions") && status.get("storedVersions").isJsonArray()
            ? status.getAsJsonArray("storedVersions")
            : new JsonArray();
    JsonElement versions = Json.object(crd, "spec").get("versions");
    if (versions != null && versions.isJsonArray()) {
      for (JsonElement v : versions.getAsJsonArray()) {
        if (v.isJsonObject()
            && Boolean.TRUE.equals(bool(v.getAsJsonObject().get("storage")))
            && !stored.contains(new JsonPrimitive(Json.string(v.getAsJsonObject(), "name")))) {
          stored.add(Json.string(v.getAsJsonObject(), "name"));
        }
      }
    }
    if (!stored.isEmpty()) {
      status.add("storedVersions", stored);
    }
  }

  private static Boolean bool(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()
        ? e.getAsBoolean()
        : null;
  }

  /** The body of an apply patch: JSON, or YAML (one document). */
  private static JsonObject applyConfiguration(ApiRequest req, ApiResource r) {
    if (req.body().isBlank()) {
      throw new IllegalArgumentException("the request has no body; expected a " + r.kind());
    }
    try {
      return Json.parseObject(req.body());
    } catch (IllegalArgumentException notJson) {
      List<io.meshsdk.core.manifest.Manifest> docs;
      try {
        docs = io.meshsdk.core.manifest.ManifestReader.create().readAll(req.body(), "<apply>");
      } catch (io.meshsdk.core.MeshException e) {
        throw new IllegalArgumentException(
            "the apply patch is neither JSON nor YAML: " + e.getMessage(), e);
      }
      if (docs.size() != 1 || docs.get(0).object().isEmpty()) {
        throw new IllegalArgumentException(
            "the apply patch must be one object, not " + docs.size() + " documents");
      }
      return Json.GSON.toJsonTree(docs.get(0).object().get()).getAsJsonObject();
    }
  }

  private JsonObject body(ApiRequest req, ApiResource r, String namespace) {
    if (req.body().isBlank()) {
      throw new IllegalArgumentException("the request has no body; expected a " + r.kind());
    }
    return bodyFrom(Json.parseObject(req.body()), r, namespace);
  }

  private JsonObject bodyFrom(JsonObject o, ApiResource r, String namespace) {
    String apiVersion = Json.string(o, "apiVersion");
    String kind = Json.string(o, "kind");
    if (!apiVersion.isEmpty() && !apiVersion.equals(r.apiVersion())
        || !kind.isEmpty() && !kind.equals(r.kind())) {
      throw new IllegalArgumentException(
          "the API version in the data ("
              + apiVersion
              + " "
              + kind
              + ") does not match the expected API version ("
              + r.apiVersion()
              + " "
              + r.kind()
              + ")");
    }
    // the object's TypeMeta and namespace come from the URL, as the API server fills them
    JsonObject out = new JsonObject();
    out.addProperty("apiVersion", r.apiVersion());
    out.addProperty("kind", r.kind());
    JsonObject meta = Json.object(o, "metadata").deepCopy();
    if (r.namespaced() && namespace != null) {
      String bodyNs = Json.string(meta, "namespace");
      if (!bodyNs.isEmpty() && !bodyNs.equals(namespace)) {
        throw new IllegalArgumentException(
            "the namespace of the provided object ("
                + bodyNs
                + ") does not match the namespace sent on the request ("
                + namespace
                + ")");
      }
      meta.addProperty("namespace", namespace);
    }
    out.add("metadata", meta);
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      if (!out.has(e.getKey())) {
        out.add(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private ApiResponse passThrough(ApiResource r, String name, MockResponse m) {
    String text = body(m);
    if (m.code() < 300) {
      if (text.isEmpty()) {
        return json(m.code(), new JsonObject());
      }
      JsonElement e = com.google.gson.JsonParser.parseString(text);
      return json(m.code(), e.isJsonObject() ? injected(e.getAsJsonObject()) : e);
    }
    if (m.code() == 404) {
      return StatusBodies.notFound(r, name);
    }
    if (m.code() == 409) {
      return StatusBodies.alreadyExists(r, name);
    }
    String message = text;
    try {
      JsonObject s = Json.parseObject(text);
      if (Json.string(s, "kind").equals("Status")) {
        return ApiResponse.json(m.code(), text);
      }
    } catch (IllegalArgumentException notJson) {
      // keep the text as the message
    }
    return StatusBodies.failure(
        m.code(),
        StatusBodies.reason(m.code()),
        message.isEmpty() ? "request failed" : message,
        r,
        name);
  }

  // ---------------------------------------------------------------- lists

  private ApiResponse list(ApiRequest req, ApiResource r, String namespace) {
    LabelSelector labels = LabelSelector.parse(req.param("labelSelector").orElse(null));
    FieldSelector fields = FieldSelector.parse(req.param("fieldSelector").orElse(null), r);
    List<JsonObject> items = new ArrayList<>();
    String[] rvHolder = new String[1];
    for (JsonObject o : storedItems(r, namespace, rvHolder)) {
      if (labels.matches(labels(o)) && fields.matches(o)) {
        items.add(o);
      }
    }
    String rv = rvHolder[0];
    int start = 0;
    Optional<String> token = req.param("continue").filter(t -> !t.isEmpty());
    if (token.isPresent()) {
      String after = continueKey(token.get());
      while (start < items.size() && key(items.get(start)).compareTo(after) <= 0) {
        start++;
      }
    }
    int limit = req.param("limit").map(KubeApi::limit).orElse(0);
    int end = limit > 0 ? Math.min(items.size(), start + limit) : items.size();
    JsonObject list = new JsonObject();
    list.addProperty("apiVersion", r.apiVersion());
    list.addProperty("kind", r.kind() + "List");
    JsonObject meta = new JsonObject();
    meta.addProperty("resourceVersion", rv);
    if (end < items.size()) {
      meta.addProperty("continue", continueToken(rv, key(items.get(end - 1))));
      meta.addProperty("remainingItemCount", items.size() - end);
    }
    list.add("metadata", meta);
    JsonArray array = new JsonArray();
    for (JsonObject o : items.subList(start, end)) {
      array.add(injected(o));
    }
    list.add("items", array);
    return json(200, injected(list));
  }

  private ApiResponse watch(ApiRequest req, ApiResource r, String namespace) {
    ApiResponse listed =
        list(
            new ApiRequest(
                "GET",
                req.path(),
                Map.of(
                    "labelSelector", req.query().getOrDefault("labelSelector", List.of()),
                    "fieldSelector", req.query().getOrDefault("fieldSelector", List.of())),
                "",
                ""),
            r,
            namespace);
    StringBuilder events = new StringBuilder();
    for (JsonElement item : Json.parseObject(listed.body()).getAsJsonArray("items")) {
      JsonObject event = new JsonObject();
      event.addProperty("type", "ADDED");
      event.add("object", item);
      events.append(Json.GSON.toJson(event)).append('\n');
    }
    return new ApiResponse(200, ApiResponse.JSON, events.toString(), Map.of());
  }

  /**
   * The stored objects of a resource, in the API server's order.
   *
   * @param r the resource
   * @param namespace the namespace, or null for all
   * @return the objects (copies)
   */
  public List<JsonObject> storedItems(ApiResource r, String namespace) {
    List<JsonObject> items = storedItems(r, namespace, new String[1]);
    items.forEach(this::restoreCrd);
    return items;
  }

  private List<JsonObject> storedItems(ApiResource r, String namespace, String[] rv) {
    MockResponse m = crud(HttpMethod.GET, r.collectionPath(namespace), "", "");
    List<JsonObject> items = new ArrayList<>();
    String text = body(m);
    rv[0] = "1";
    if (m.code() != 200 || text.isEmpty()) {
      return items;
    }
    JsonObject listed = Json.parseObject(text);
    String listRv = Json.string(Json.object(listed, "metadata"), "resourceVersion");
    if (!listRv.isEmpty()) {
      rv[0] = listRv;
    }
    JsonElement array = listed.get("items");
    if (array != null && array.isJsonArray()) {
      for (JsonElement e : array.getAsJsonArray()) {
        if (e.isJsonObject()) {
          JsonObject o = e.getAsJsonObject();
          // fabric8 matches the group's plural only; keep the version's own objects
          if (Json.string(o, "apiVersion").equals(r.apiVersion())
              || Json.string(o, "apiVersion").isEmpty()) {
            items.add(o);
          }
        }
      }
    }
    items.sort(Comparator.comparing(KubeApi::key));
    return items;
  }

  private static String key(JsonObject o) {
    JsonObject meta = Json.object(o, "metadata");
    return Json.string(meta, "namespace") + "/" + Json.string(meta, "name");
  }

  private static Map<String, String> labels(JsonObject o) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonElement> e :
        Json.object(Json.object(o, "metadata"), "labels").entrySet()) {
      out.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : "");
    }
    return out;
  }

  private static int limit(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 0) {
        throw new IllegalArgumentException("limit must not be negative: " + text);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit is not a number: " + text, e);
    }
  }

  private static String continueToken(String rv, String lastKey) {
    JsonObject t = new JsonObject();
    t.addProperty("v", "meta.k8s.io/v1");
    t.addProperty("rv", Long.parseLong(rv));
    t.addProperty("start", lastKey + "\u0000");
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.GSON.toJson(t).getBytes(StandardCharsets.UTF_8));
  }

  private static String continueKey(String token) {
    try {
      JsonObject t =
          Json.parseObject(
              new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      String start = Json.string(t, "start");
      if (!Json.string(t, "v").equals("meta.k8s.io/v1") || !start.endsWith("\u0000")) {
        throw new IllegalArgumentException("bad token");
      }
      return start.substring(0, start.length() - 1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("continue key is not valid: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- reviews

  private ApiResponse review(ApiRequest req, ApiResource r) {
    if (!req.method().equals("POST")) {
      return StatusBodies.failure(
          405, "the server does not allow this method on the requested " + "resource");
    }
    JsonObject o = body(req, r, null);
    JsonObject spec = Json.object(o, "spec");
    JsonObject status = new JsonObject();
    if (r.kind().equals("SelfSubjectAccessReview")) {
      V1ResourceAttributes attributes;
      if (spec.has("resourceAttributes")) {
        JsonObject a = Json.object(spec, "resourceAttributes");
        String resource = Json.string(a, "resource");
        String subresource = Json.string(a, "subresource");
        attributes =
            new V1ResourceAttributes()
                .verb(Json.string(a, "verb"))
                .group(Json.string(a, "group"))
                .resource(subresource.isEmpty() ? resource : resource + "/" + subresource)
                .namespace(Json.string(a, "namespace"))
                .name(Json.string(a, "name"));
      } else if (spec.has("nonResourceAttributes")) {
        // a non-resource URL is decided as a core-group "resource" named by its path
        JsonObject a = Json.object(spec, "nonResourceAttributes");
        attributes =
            new V1ResourceAttributes()
                .verb(Json.string(a, "verb"))
                .group("")
                .resource(Json.string(a, "path"))
                .namespace("");
      } else {
        return StatusBodies.failure(
            422,
            "Invalid",
            "SelfSubjectAccessReview is invalid: "
                + "spec.resourceAttributes: Invalid value: exactly one of nonResourceAttributes or "
                + "resourceAttributes must be specified",
            r,
            null);
      }
      V1SubjectAccessReviewStatus d = policy.get().decide(attributes);
      boolean allowed = Boolean.TRUE.equals(d.getAllowed());
      status.addProperty("allowed", allowed);
      if (Boolean.TRUE.equals(d.getDenied())) {
        status.addProperty("denied", true);
      }
      if (d.getReason() != null) {
        status.addProperty("reason", d.getReason());
      }
    } else {
      status.add("resourceRules", new JsonArray());
      status.add("nonResourceRules", new JsonArray());
      status.addProperty("incomplete", true);
      status.addProperty(
          "evaluationError",
          "rules reviews are not evaluated by the mesh-testing "
              + "API server; use SelfSubjectAccessReview");
    }
    o.add("status", status);
    return json(201, injected(o));
  }

  // ---------------------------------------------------------------- helpers

  private MockResponse crud(HttpMethod method, String path, String contentType, String body) {
    Headers.Builder h = Headers.builder();
    if (!contentType.isEmpty()) {
      h.add("Content-Type", contentType);
    }
    return crud.dispatch(
        new RecordedRequest("HTTP/1.1", method, path, h.build(), new Buffer().writeUtf8(body)));
  }

  private static String body(MockResponse m) {
    return m.getBody() == null ? "" : new String(m.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  /** Leaves out of a CRD the fields {@link #completeCrd} filled in for fabric8's store. */
  private JsonObject restoreCrd(JsonObject o) {
    if (!completedCrds.isEmpty()) {
      List<String> added = completedCrds.get(Json.string(Json.object(o, "metadata"), "name"));
      JsonElement spec = o.get("spec");
      if (added != null
          && spec != null
          && spec.isJsonObject()
          && Json.string(o, "kind").matches("|CustomResourceDefinition")) {
        added.forEach(spec.getAsJsonObject()::remove);
      }
    }
    return o;
  }

  private JsonObject injected(JsonObject o) {
    restoreCrd(o);
    if (!unknownFields.get()) {
      return o;
    }
    JsonObject future = new JsonObject();
    future.addProperty("injectedBy", "mesh-testing");
    future.add("values", ResourceTable.strings(List.of("a", "b")));
    o.add(UNKNOWN_FIELD, future);
    for (String part : List.of("metadata", "spec", "status")) {
      JsonElement e = o.get(part);
      if (e != null && e.isJsonObject()) {
        e.getAsJsonObject().add(UNKNOWN_FIELD, new JsonPrimitive("unknown to this client"));
      }
    }
    return o;
  }

  private static ApiResponse json(int code, JsonElement body) {
    return ApiResponse.json(code, Json.GSON.toJson(body));
  }
}
