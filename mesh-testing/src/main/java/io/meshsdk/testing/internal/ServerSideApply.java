package io.meshsdk.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Server-side apply as the API server's structured merge does it, simplified: the applied
 * configuration is the field manager's whole intent.
 *
 * <ul>
 *   <li>Maps merge; lists are atomic (replaced whole) except the associative lists Kubernetes keys
 *       by a field ({@link #KEYS}: containers, env, volumes, volumeMounts, ports, …), whose items
 *       merge by key. A list whose items lack the key is atomic.
 *   <li>Ownership: every leaf (scalar, atomic list, empty map) and every associative list item the
 *       manager applies is owned by it, recorded in {@code metadata.managedFields} as {@code
 *       FieldsV1} ({@code f:<field>}, {@code k:{"name":"x"}} with {@code "."} for the item).
 *   <li>Fields the manager applied before and now leaves out are removed unless another manager
 *       owns them (or something under them); maps emptied that way go too.
 *   <li>A leaf another manager owns with a different value is a conflict; with force the manager
 *       takes it over (the other manager loses it).
 *   <li>An object without managed fields gets a {@code before-first-apply} manager (operation
 *       Update) owning everything it holds, as the API server does.
 *   <li>The server's fields are never applied or owned: {@code status}, {@code apiVersion}, {@code
 *       kind} and {@code metadata}'s name, namespace, uid, resourceVersion, generation,
 *       creationTimestamp, managedFields, selfLink and deletion fields.
 * </ul>
 */
public final class ServerSideApply {

  /** The key fields of the associative lists, by list field name. */
  static final Map<String, List<String>> KEYS =
      Map.ofEntries(
          Map.entry("containers", List.of("name")),
          Map.entry("initContainers", List.of("name")),
          Map.entry("ephemeralContainers", List.of("name")),
          Map.entry("env", List.of("name")),
          Map.entry("volumes", List.of("name")),
          Map.entry("volumeMounts", List.of("mountPath")),
          Map.entry("volumeDevices", List.of("devicePath")),
          Map.entry("imagePullSecrets", List.of("name")),
          Map.entry("conditions", List.of("type")),
          Map.entry("hostAliases", List.of("ip")),
          Map.entry("ownerReferences", List.of("uid")),
          Map.entry("webhooks", List.of("name")),
          Map.entry("versions", List.of("name")),
          Map.entry("resourceClaims", List.of("name")));

  /** The manager the API server records for an object's fields before its first apply. */
  public static final String BEFORE_FIRST_APPLY = "before-first-apply";

  private static final Set<String> SERVER_TOP = Set.of("apiVersion", "kind", "status");
  private static final Set<String> SERVER_METADATA =
      Set.of(
          "name",
          "namespace",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "managedFields",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  /** A path into an object: FieldsV1 tokens ({@code f:spec}, {@code k:{"name":"app"}}). */
  record Path(List<String> tokens) implements Comparable<Path> {
    Path child(String token) {
      List<String> t = new ArrayList<>(tokens.size() + 1);
      t.addAll(tokens);
      t.add(token);
      return new Path(List.copyOf(t));
    }

    boolean isPrefixOf(Path other) {
      return other.tokens.size() >= tokens.size()
          && other.tokens.subList(0, tokens.size()).equals(tokens);
    }

    boolean isItem() {
      return !tokens.isEmpty() && tokens.get(tokens.size() - 1).startsWith("k:");
    }

    /** As the API server prints it: {@code .spec.template.spec.containers[name="app"].image}. */
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (String t : tokens) {
        if (t.startsWith("f:")) {
          b.append('.').append(t.substring(2));
        } else if (!t.startsWith("k:")) {
          b.append('[').append(t).append(']'); // v: (set value) or i: (index) of other writers
        } else {
          JsonObject key = Json.parseObject(t.substring(2));
          b.append('[');
          boolean first = true;
          for (Map.Entry<String, JsonElement> e : key.entrySet()) {
            b.append(first ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
            first = false;
          }
          b.append(']');
        }
      }
      return b.toString();
    }

    @Override
    public int compareTo(Path o) {
      return toString().compareTo(o.toString());
    }
  }

  /** A managedFields entry. */
  static final class Manager {
    final String name;
    final String operation;
    final String apiVersion;
    String time;
    final String subresource;
    Set<Path> fields;

    Manager(
        String name,
        String operation,
        String apiVersion,
        String time,
        String subresource,
        Set<Path> fields) {
      this.name = name;
      this.operation = operation;
      this.apiVersion = apiVersion;
      this.time = time;
      this.subresource = subresource;
      this.fields = fields;
    }

    boolean isApplier(String manager) {
      return name.equals(manager) && operation.equals("Apply") && subresource.isEmpty();
    }

    /** As the API server names a manager in a conflict. */
    String display() {
      String m = Json.GSON.toJson(name);
      if (operation.equals("Update")) {
        return m + " using " + apiVersion;
      }
      return subresource.isEmpty() ? m : m + " with subresource \"" + subresource + "\"";
    }

    JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("manager", name);
      o.addProperty("operation", operation);
      o.addProperty("apiVersion", apiVersion);
      if (!time.isEmpty()) {
        o.addProperty("time", time);
      }
      o.addProperty("fieldsType", "FieldsV1");
      o.add("fieldsV1", encode(fields));
      if (!subresource.isEmpty()) {
        o.addProperty("subresource", subresource);
      }
      return o;
    }
  }

  /** An apply refused for conflicts; {@link #message()} is the API server's text. */
  public static final class Conflicts extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The conflicts: manager display name to field paths. */
    private final transient Map<String, List<Path>> byManager;

    Conflicts(Map<String, List<Path>> byManager) {
      super(message(byManager));
      this.byManager = byManager;
    }

    /**
     * The API server's message, e.g. {@code Apply failed with 1 conflict: conflict with "kubectl"
     * using apps/v1: .spec.replicas}.
     *
     * @return the message
     */
    public String message() {
      return getMessage();
    }

    /**
     * The {@code Status} causes: one {@code FieldManagerConflict} per field.
     *
     * @return the causes
     */
    public JsonArray causes() {
      JsonArray a = new JsonArray();
      byManager.forEach(
          (m, paths) -> {
            for (Path p : paths) {
              JsonObject c = new JsonObject();
              c.addProperty("reason", "FieldManagerConflict");
              c.addProperty("message", "conflict with " + m);
              c.addProperty("field", p.toString());
              a.add(c);
            }
          });
      return a;
    }

    private static String message(Map<String, List<Path>> byManager) {
      int n = byManager.values().stream().mapToInt(List::size).sum();
      if (n == 1) {
        Map.Entry<String, List<Path>> e = byManager.entrySet().iterator().next();
        return "Apply failed with 1 conflict: conflict with "
            + e.getKey()
            + ": "
            + e.getValue().get(0);
      }
      List<String> lines = new ArrayList<>();
      byManager.forEach(
          (m, paths) -> {
            lines.add("conflicts with " + m + ":");
            paths.forEach(p -> lines.add("- " + p));
          });
      return "Apply failed with " + n + " conflicts: " + String.join("\n", lines);
    }
  }

  /**
   * The result of an apply.
   *
   * @param object the object as it would be stored (managedFields included, server fields of the
   *     live object kept)
   * @param changed whether it differs from the live object (false for an apply that changes
   *     nothing, which the server does not store)
   */
  public record Result(JsonObject object, boolean changed) {}

  private ServerSideApply() {}

  /**
   * Applies a configuration.
   *
   * @param live the stored object, or null when absent
   * @param config the applied configuration
   * @param manager the field manager
   * @param force whether to take over conflicting fields
   * @param now the time to record, RFC 3339
   * @return the object to store
   * @throws Conflicts when another manager owns a field with a different value and not forced
   */
  public static Result apply(
      JsonObject live, JsonObject config, String manager, boolean force, String now) {
    String apiVersion = Json.string(config, "apiVersion");
    JsonObject base = live == null ? new JsonObject() : live.deepCopy();
    List<Manager> managers = live == null ? new ArrayList<>() : managers(live);
    if (live != null && managers.isEmpty()) {
      managers.add(
          new Manager(
              BEFORE_FIRST_APPLY,
              "Update",
              Json.string(live, "apiVersion"),
              now,
              "",
              fieldsOf(live)));
    }
    Set<Path> applied = fieldsOf(config);
    Manager self = null;
    for (Manager m : managers) {
      if (m.isApplier(manager)) {
        self = m;
      }
    }
    Set<Path> previous = self == null ? Set.of() : self.fields;

    // conflicts: leaves others own whose live value the configuration changes
    Map<String, List<Path>> conflicts = new TreeMap<>();
    Map<Manager, Set<Path>> lost = new LinkedHashMap<>();
    if (live != null) {
      for (Path p : applied) {
        if (p.isItem()) {
          continue;
        }
        JsonElement was = at(live, p);
        if (was == null || was.equals(at(config, p))) {
          continue;
        }
        for (Manager m : managers) {
          if (m != self && m.fields.contains(p)) {
            conflicts.computeIfAbsent(m.display(), k -> new ArrayList<>()).add(p);
            lost.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(p);
          }
        }
      }
    }
    if (!conflicts.isEmpty() && !force) {
      conflicts.values().forEach(l -> l.sort(Comparator.naturalOrder()));
      throw new Conflicts(conflicts);
    }
    lost.forEach(
        (m, paths) -> {
          Set<Path> kept = new LinkedHashSet<>(m.fields);
          kept.removeAll(paths);
          m.fields = kept;
        });

    JsonObject merged = mergeObject(base, config, true);

    // removal: what this manager applied before, leaves out now and nobody else holds
    List<Path> gone = new ArrayList<>();
    for (Path p : previous) {
      if (applied.contains(p)) {
        continue;
      }
      boolean held = false;
      for (Manager m : managers) {
        if (m == self) {
          continue;
        }
        for (Path q : m.fields) {
          if (p.isPrefixOf(q)) {
            held = true;
            break;
          }
        }
        if (held) {
          break;
        }
      }
      if (!held) {
        gone.add(p);
      }
    }
    // shallowest first; a path under one already removed went with it
    gone.sort(Comparator.comparingInt((Path p) -> p.tokens().size()));
    List<Path> removed = new ArrayList<>();
    for (Path p : gone) {
      if (removed.stream().noneMatch(q -> q.isPrefixOf(p))) {
        remove(merged, p);
        removed.add(p);
      }
    }

    // managed fields
    JsonObject plainBefore = live == null ? null : withoutManagedFields(live);
    JsonObject plainAfter = withoutManagedFields(merged);
    boolean contentChanged = live == null || !plainAfter.equals(plainBefore);
    if (self == null) {
      self = new Manager(manager, "Apply", apiVersion, now, "", applied);
      managers.add(self);
    } else if (!self.fields.equals(applied) || contentChanged || !lost.isEmpty()) {
      self.fields = applied;
      self.time = now;
    }
    JsonArray entries = new JsonArray();
    for (Manager m : managers) {
      if (!m.fields.isEmpty()) {
        entries.add(m.toJson());
      }
    }
    JsonObject meta = merged.getAsJsonObject("metadata");
    if (meta == null) {
      meta = new JsonObject();
      merged.add("metadata", meta);
    }
    meta.add("managedFields", entries);
    boolean changed = live == null || !merged.equals(live);
    return new Result(merged, changed);
  }

  // ---------------------------------------------------------------- merging

  private static JsonObject mergeObject(JsonObject live, JsonObject config, boolean top) {
    JsonObject out = live.deepCopy();
    for (Map.Entry<String, JsonElement> e : config.entrySet()) {
      String k = e.getKey();
      if (top && SERVER_TOP.contains(k) && !k.equals("apiVersion") && !k.equals("kind")) {
        continue;
      }
      if (top && k.equals("metadata") && e.getValue().isJsonObject()) {
        JsonObject liveMeta = Json.object(live, "metadata");
        JsonObject m = liveMeta.deepCopy();
        for (Map.Entry<String, JsonElement> me : e.getValue().getAsJsonObject().entrySet()) {
          if (SERVER_METADATA.contains(me.getKey())
              && !me.getKey().equals("name")
              && !me.getKey().equals("namespace")) {
            continue;
          }
          m.add(me.getKey(), merge(liveMeta.get(me.getKey()), me.getValue(), me.getKey()));
        }
        out.add("metadata", m);
        continue;
      }
      out.add(k, merge(live.get(k), e.getValue(), k));
    }
    return out;
  }

  private static JsonElement merge(JsonElement live, JsonElement config, String field) {
    if (config.isJsonObject() && live != null && live.isJsonObject()) {
      return mergeObject(live.getAsJsonObject(), config.getAsJsonObject(), false);
    }
    if (config.isJsonArray()
        && live != null
        && live.isJsonArray()
        && keyed(field, config.getAsJsonArray())
        && keyed(field, live.getAsJsonArray())) {
      JsonArray out = live.getAsJsonArray().deepCopy();
      for (JsonElement item : config.getAsJsonArray()) {
        String key = key(field, item.getAsJsonObject());
        int found = -1;
        for (int i = 0; i < out.size(); i++) {
          if (key(field, out.get(i).getAsJsonObject()).equals(key)) {
            found = i;
            break;
          }
        }
        if (found < 0) {
          out.add(item.deepCopy());
        } else {
          out.set(found, merge(out.get(found), item, ""));
        }
      }
      return out;
    }
    return config.deepCopy();
  }

  /** Whether a list is associative: a keyed field whose items are objects with the key. */
  private static boolean keyed(String field, JsonArray list) {
    List<String> keys = keys(field, list);
    if (keys.isEmpty()) {
      return false;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (JsonElement e : list) {
      if (!e.isJsonObject()) {
        return false;
      }
      JsonObject o = e.getAsJsonObject();
      boolean any = false;
      for (String k : keys) {
        any |= o.has(k) && o.get(k).isJsonPrimitive();
      }
      if (!any || !seen.add(key(field, o))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> keys(String field, JsonArray list) {
    if (field.equals("ports")) {
      for (JsonElement e : list) {
        if (e.isJsonObject() && e.getAsJsonObject().has("containerPort")) {
          return List.of("containerPort", "protocol");
        }
      }
      return List.of("port", "protocol");
    }
    return KEYS.getOrDefault(field, List.of());
  }

  /** The FieldsV1 key token of an item: {@code k:{"name":"app"}}. */
  private static String key(String field, JsonObject item) {
    JsonObject k = new JsonObject();
    for (String f :
        field.equals("ports")
            ? (item.has("containerPort")
                ? List.of("containerPort", "protocol")
                : List.of("port", "protocol"))
            : KEYS.getOrDefault(field, List.of())) {
      JsonElement v = item.get(f);
      if (v != null && v.isJsonPrimitive()) {
        k.add(f, v.deepCopy());
      }
    }
    return "k:" + Json.GSON.toJson(k);
  }

  // ---------------------------------------------------------------- field sets

  /**
   * The fields an object sets, as ownership records them.
   *
   * @param object the object
   * @return the paths of its leaves and associative list items
   */
  static Set<Path> fieldsOf(JsonObject object) {
    Set<Path> out = new LinkedHashSet<>();
    Path root = new Path(List.of());
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      String k = e.getKey();
      if (SERVER_TOP.contains(k)) {
        continue;
      }
      if (k.equals("metadata") && e.getValue().isJsonObject()) {
        Path meta = root.child("f:metadata");
        for (Map.Entry<String, JsonElement> me : e.getValue().getAsJsonObject().entrySet()) {
          if (!SERVER_METADATA.contains(me.getKey())) {
            walk(me.getValue(), me.getKey(), meta.child("f:" + me.getKey()), out);
          }
        }
        continue;
      }
      walk(e.getValue(), k, root.child("f:" + k), out);
    }
    return out;
  }

  private static void walk(JsonElement value, String field, Path path, Set<Path> out) {
    if (value.isJsonObject() && !value.getAsJsonObject().isEmpty()) {
      for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
        walk(e.getValue(), e.getKey(), path.child("f:" + e.getKey()), out);
      }
    } else if (value.isJsonArray() && keyed(field, value.getAsJsonArray())) {
      for (JsonElement item : value.getAsJsonArray()) {
        Path p = path.child(key(field, item.getAsJsonObject()));
        out.add(p);
        for (Map.Entry<String, JsonElement> e : item.getAsJsonObject().entrySet()) {
          walk(e.getValue(), e.getKey(), p.child("f:" + e.getKey()), out);
        }
      }
    } else {
      out.add(path);
    }
  }

  /** The value at a path, or null. */
  static JsonElement at(JsonObject object, Path path) {
    JsonElement cur = object;
    String field = "";
    for (String t : path.tokens()) {
      if (cur == null) {
        return null;
      }
      if (t.startsWith("f:")) {
        if (!cur.isJsonObject()) {
          return null;
        }
        field = t.substring(2);
        cur = cur.getAsJsonObject().get(field);
      } else {
        if (!cur.isJsonArray()) {
          return null;
        }
        JsonElement found = null;
        for (JsonElement item : cur.getAsJsonArray()) {
          if (item.isJsonObject() && key(field, item.getAsJsonObject()).equals(t)) {
            found = item;
            break;
          }
        }
        cur = found;
      }
    }
    return cur;
  }

  /** Removes the value at a path, and maps (below the top level) that become empty. */
  private static void remove(JsonObject object, Path path) {
    List<String> t = path.tokens();
    if (t.isEmpty()) {
      return;
    }
    Path parentPath = new Path(t.subList(0, t.size() - 1));
    JsonElement parent = at(object, parentPath);
    String last = t.get(t.size() - 1);
    if (parent == null) {
      return;
    }
    if (last.startsWith("f:") && parent.isJsonObject()) {
      parent.getAsJsonObject().remove(last.substring(2));
      if (parent.getAsJsonObject().isEmpty() && parentPath.tokens().size() >= 2) {
        remove(object, parentPath);
      }
    } else if (last.startsWith("k:") && parent.isJsonArray()) {
      String field = parentPath.tokens().get(parentPath.tokens().size() - 1).substring(2);
      JsonArray list = parent.getAsJsonArray();
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).isJsonObject() && key(field, list.get(i).getAsJsonObject()).equals(last)) {
          list.remove(i);
          break;
        }
      }
    }
  }

  // ---------------------------------------------------------------- managedFields

  private static List<Manager> managers(JsonObject live) {
    List<Manager> out = new ArrayList<>();
    JsonElement mf = Json.object(live, "metadata").get("managedFields");
    if (mf == null || !mf.isJsonArray()) {
      return out;
    }
    for (JsonElement e : mf.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        continue;
      }
      JsonObject o = e.getAsJsonObject();
      Set<Path> fields = new LinkedHashSet<>();
      decode(Json.object(o, "fieldsV1"), new Path(List.of()), fields);
      out.add(
          new Manager(
              Json.string(o, "manager"),
              Json.string(o, "operation").isEmpty() ? "Update" : Json.string(o, "operation"),
              Json.string(o, "apiVersion"),
              Json.string(o, "time"),
              Json.string(o, "subresource"),
              fields));
    }
    return out;
  }

  static JsonObject encode(Set<Path> fields) {
    JsonObject root = new JsonObject();
    List<Path> sorted = new ArrayList<>(fields);
    sorted.sort(Comparator.comparing(p -> String.join("\u0000", p.tokens())));
    List<JsonObject> members = new ArrayList<>();
    for (Path p : sorted) {
      JsonObject node = root;
      for (String t : p.tokens()) {
        JsonElement child = node.get(t);
        if (child == null || !child.isJsonObject()) {
          child = new JsonObject();
          node.add(t, child);
        }
        node = child.getAsJsonObject();
      }
      members.add(node);
    }
    // a member that also has members below it says so with "." (an item and its fields)
    for (JsonObject node : members) {
      if (!node.isEmpty() && !node.has(".")) {
        List<Map.Entry<String, JsonElement>> children = new ArrayList<>(node.entrySet());
        children.forEach(e -> node.remove(e.getKey()));
        node.add(".", new JsonObject());
        children.forEach(e -> node.add(e.getKey(), e.getValue())); // the same nodes, in order
      }
    }
    return root;
  }

  private static void decode(JsonObject node, Path path, Set<Path> out) {
    for (Map.Entry<String, JsonElement> e : node.entrySet()) {
      if (e.getKey().equals(".")) {
        out.add(path);
        continue;
      }
      Path p = path.child(e.getKey());
      JsonObject child = e.getValue().isJsonObject() ? e.getValue().getAsJsonObject() : null;
      if (child == null || child.isEmpty()) {
        out.add(p);
      } else {
        decode(child, p, out);
      }
    }
  }

  private static JsonObject withoutManagedFields(JsonObject o) {
    JsonObject c = o.deepCopy();
    JsonElement meta = c.get("metadata");
    if (meta != null && meta.isJsonObject()) {
      meta.getAsJsonObject().remove("managedFields");
    }
    return c;
  }
}
