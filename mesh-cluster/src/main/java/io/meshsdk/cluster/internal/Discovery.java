package io.meshsdk.cluster.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.cluster.GroupVersionResource;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a manifest's {@code apiVersion} and {@code kind} to the resource that serves it (plural,
 * scope) and checks the manifest names an object: the well-known kinds of {@link ResourceKind}
 * without a request, every other kind through discovery ({@code /api/v1}, {@code
 * /apis/<group>/<version>}), cached per instance and read again once when a kind is missing (a CRD
 * applied a moment ago). Thread-safe.
 */
public final class Discovery {

  /**
   * The object a manifest names.
   *
   * @param apiVersion e.g. {@code apps/v1}
   * @param kind e.g. {@code Deployment}
   * @param resource the resource serving the kind
   * @param namespace the namespace, empty for a cluster-scoped kind
   * @param name the object's name
   * @param path the object's URL path
   */
  public record Target(
      String apiVersion,
      String kind,
      GroupVersionResource resource,
      Optional<String> namespace,
      String name,
      String path) {

    /**
     * The object for messages.
     *
     * @return e.g. {@code Deployment linkerd/linkerd-destination (apps/v1)}
     */
    public String describe() {
      return kind + " " + namespace.map(n -> n + "/").orElse("") + name + " (" + apiVersion + ")";
    }
  }

  /** What discovery says about one kind. */
  private record Served(String plural, boolean namespaced) {}

  private final Transport transport;
  private final Map<String, Map<String, Served>> byGroupVersion = new ConcurrentHashMap<>();

  /**
   * Creates a discovery over a transport.
   *
   * @param transport the transport
   */
  public Discovery(Transport transport) {
    this.transport = transport;
  }

  /**
   * Checks a manifest and finds its object.
   *
   * @param object the manifest
   * @param what what the object is needed for, in messages, e.g. {@code a server-side apply}
   * @return the target
   * @throws ManifestException if the manifest lacks apiVersion, kind or name, has no namespace for
   *     a namespaced kind or one for a cluster-scoped kind
   * @throws ClusterAccessException if the kind is not served (NOT_FOUND) or discovery fails
   */
  public Target target(Manifest object, String what) {
    ManifestLocation at = object.location();
    if (object.isList()) {
      throw refused(
          at,
          what
              + " needs one object, not a List of "
              + object.items().size()
              + "; pass its items one by one (Manifest.items())");
    }
    Map<String, Object> tree =
        object
            .object()
            .orElseThrow(
                () -> refused(at, what + " needs an object (a mapping), not " + shape(object)));
    String apiVersion = text(tree.get("apiVersion"));
    String kind = text(tree.get("kind"));
    Object meta = tree.get("metadata");
    Map<?, ?> metadata = meta instanceof Map<?, ?> m ? m : Map.of();
    String name = text(metadata.get("name"));
    String namespace = text(metadata.get("namespace"));
    StringBuilder missing = new StringBuilder();
    for (String[] part :
        new String[][] {{"apiVersion", apiVersion}, {"kind", kind}, {"metadata.name", name}}) {
      if (part[1].isEmpty()) {
        missing.append(missing.length() == 0 ? "" : ", ").append(part[0]);
      }
    }
    if (missing.length() > 0) {
      throw refused(
          at,
          what
              + " needs apiVersion, kind and metadata.name; "
              + (kind.isEmpty() ? "the object" : kind + (name.isEmpty() ? "" : " " + name))
              + " has no "
              + missing);
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    Served served = served(apiVersion, kind, group);
    if (served.namespaced && namespace.isEmpty()) {
      throw refused(
          at,
          kind
              + " "
              + name
              + " ("
              + apiVersion
              + ") is namespaced but has no metadata.namespace; set the namespace to write to");
    }
    if (!served.namespaced && !namespace.isEmpty()) {
      throw refused(
          at,
          kind
              + " "
              + name
              + " ("
              + apiVersion
              + ") is cluster-scoped but has metadata.namespace \""
              + namespace
              + "\"; remove it");
    }
    GroupVersionResource r = GroupVersionResource.of(group, version, served.plural);
    Optional<String> ns = served.namespaced ? Optional.of(namespace) : Optional.empty();
    return new Target(apiVersion, kind, r, ns, name, Requests.path(r, ns, Optional.of(name)));
  }

  private Served served(String apiVersion, String kind, String group) {
    Optional<ResourceKind<?>> known = ResourceKind.of(apiVersion, kind);
    if (known.isPresent()) {
      return new Served(known.get().plural(), known.get().namespaced());
    }
    Map<String, Served> kinds = byGroupVersion.get(apiVersion);
    if (kinds == null || !kinds.containsKey(kind)) {
      kinds = read(apiVersion, group);
      byGroupVersion.put(apiVersion, kinds);
    }
    Served s = kinds.get(kind);
    if (s == null) {
      String path = group.isEmpty() ? "/api/" + apiVersion : "/apis/" + apiVersion;
      throw ClusterAccessException.builder(
              Failure.NOT_FOUND,
              "the server does not serve "
                  + apiVersion
                  + " "
                  + kind
                  + " (discovery GET "
                  + path
                  + (kinds.isEmpty() ? " found no such group version" : " lists no such kind")
                  + "); for a custom resource, apply its CustomResourceDefinition first")
          .status(404)
          .reason("NotFound")
          .request("GET", path)
          .build();
    }
    return s;
  }

  private Map<String, Served> read(String apiVersion, String group) {
    String path = group.isEmpty() ? "/api/" + apiVersion : "/apis/" + apiVersion;
    Optional<JsonObject> list = transport.get(path);
    Map<String, Served> out = new LinkedHashMap<>();
    if (list.isEmpty()) {
      return out;
    }
    JsonElement resources = list.get().get("resources");
    if (resources == null || !resources.isJsonArray()) {
      return out;
    }
    for (JsonElement e : resources.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        continue;
      }
      JsonObject r = e.getAsJsonObject();
      String name = string(r.get("name"));
      String kind = string(r.get("kind"));
      if (name.isEmpty() || kind.isEmpty() || name.contains("/")) {
        continue; // subresources such as deployments/status share the kind
      }
      JsonElement ns = r.get("namespaced");
      out.putIfAbsent(
          kind, new Served(name, ns != null && ns.isJsonPrimitive() && ns.getAsBoolean()));
    }
    return out;
  }

  private static ManifestException refused(ManifestLocation at, String problem) {
    return new ManifestException(problem, at.source(), at.documentIndex(), at.line(), 0, List.of());
  }

  private static String shape(Manifest m) {
    if (m.isEmpty()) {
      return "an empty document";
    }
    Object root = m.root();
    return root instanceof List<?> ? "a list" : "a scalar";
  }

  private static String text(Object o) {
    return o instanceof String s && !s.isBlank() ? s : "";
  }

  private static String string(JsonElement e) {
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }
}
