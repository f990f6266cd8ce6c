package io.meshsdk.inject.internal;

import java.util.List;
import java.util.Map;

/**
 * The shapes Linkerd's typed decoding (Kubernetes' Go types) requires of the parts of a resource
 * that injection reads or writes: {@code metadata}, its {@code labels} and {@code annotations}, the
 * pod template and its spec, the container, init container and volume lists and what inject reads
 * in a container. Linkerd refuses a resource whose {@code metadata} is a list or whose {@code
 * containers} is a map ({@code cannot unmarshal array into Go struct field …}); so does this check,
 * instead of replacing the user's data. Nulls stand for absent, as in Go. Stateless.
 */
final class Shapes {
  private Shapes() {}

  /**
   * The first part of a resource of a known kind with the wrong shape.
   *
   * @param root the resource
   * @param k its kind
   * @return the path and the problem, or null when the shapes fit
   */
  static String problem(Map<String, Object> root, Kind k) {
    String p = meta(root, "");
    if (p != null || !k.hasPodTemplate()) {
      return p;
    }
    Object holder = root;
    String path = "";
    String[] templatePath =
        k == Kind.CRONJOB
            ? new String[] {"spec", "jobTemplate", "spec", "template"}
            : k == Kind.POD ? new String[0] : new String[] {"spec", "template"};
    for (String key : templatePath) {
      Object child = ((Map<?, ?>) holder).get(key);
      path = join(path, key);
      if (child == null) {
        return null;
      }
      if (!(child instanceof Map)) {
        return wrong(path, "a mapping", child);
      }
      holder = child;
    }
    Map<String, Object> template = Trees.map(holder);
    if (k != Kind.POD) {
      p = meta(template, path);
      if (p != null) {
        return p;
      }
    }
    Object spec = template.get("spec");
    String specPath = join(path, "spec");
    if (spec == null) {
      return null;
    }
    if (!(spec instanceof Map)) {
      return wrong(specPath, "a mapping", spec);
    }
    Map<String, Object> s = Trees.map(spec);
    for (String key : new String[] {"containers", "initContainers"}) {
      p = items(s, key, specPath);
      if (p != null) {
        return p;
      }
      List<Object> cs = Trees.list(s, key);
      if (cs != null) {
        for (int i = 0; i < cs.size(); i++) {
          p = container(Trees.map(cs.get(i)), join(specPath, key) + "[" + i + "]");
          if (p != null) {
            return p;
          }
        }
      }
    }
    return items(s, "volumes", specPath);
  }

  private static String container(Map<String, Object> c, String path) {
    if (c == null) {
      return null;
    }
    String p = items(c, "ports", path);
    if (p == null) {
      p = items(c, "volumeMounts", path);
    }
    if (p == null) {
      p = mapping(c, "securityContext", path);
    }
    if (p == null) {
      Map<String, Object> sc = Trees.map(c, "securityContext");
      p = sc == null ? null : mapping(sc, "capabilities", join(path, "securityContext"));
      Map<String, Object> caps = Trees.map(sc, "capabilities");
      String capsPath = join(path, "securityContext.capabilities");
      if (p == null && caps != null) {
        p = sequence(caps, "add", capsPath);
        if (p == null) {
          p = sequence(caps, "drop", capsPath);
        }
      }
    }
    for (String probe : new String[] {"readinessProbe", "livenessProbe"}) {
      if (p == null) {
        p = mapping(c, probe, path);
        Map<String, Object> pr = Trees.map(c, probe);
        if (p == null && pr != null) {
          p = mapping(pr, "httpGet", join(path, probe));
        }
      }
    }
    return p;
  }

  /** {@code metadata}, its labels and annotations (maps of scalars) and its name. */
  private static String meta(Map<String, Object> holder, String path) {
    Object m = holder.get("metadata");
    String mp = join(path, "metadata");
    if (m == null) {
      return null;
    }
    if (!(m instanceof Map)) {
      return wrong(mp, "a mapping", m);
    }
    Map<String, Object> meta = Trees.map(m);
    for (String key : new String[] {"labels", "annotations"}) {
      String p = mapping(meta, key, mp);
      if (p != null) {
        return p;
      }
      Map<String, Object> entries = Trees.map(meta, key);
      if (entries != null) {
        for (Map.Entry<String, Object> e : entries.entrySet()) {
          if (e.getValue() instanceof Map || e.getValue() instanceof List) {
            return wrong(join(mp, key) + "[" + e.getKey() + "]", "a string", e.getValue());
          }
        }
      }
    }
    for (String key : new String[] {"name", "namespace", "generateName"}) {
      Object v = meta.get(key);
      if (v instanceof Map || v instanceof List) {
        return wrong(join(mp, key), "a string", v);
      }
    }
    return null;
  }

  private static String mapping(Map<String, Object> parent, String key, String path) {
    Object v = parent.get(key);
    return v == null || v instanceof Map ? null : wrong(join(path, key), "a mapping", v);
  }

  private static String sequence(Map<String, Object> parent, String key, String path) {
    Object v = parent.get(key);
    return v == null || v instanceof List ? null : wrong(join(path, key), "a sequence", v);
  }

  /** A sequence of mappings (nulls allowed, as Go decodes them to empty structs). */
  private static String items(Map<String, Object> parent, String key, String path) {
    String p = sequence(parent, key, path);
    if (p != null) {
      return p;
    }
    List<Object> l = Trees.list(parent, key);
    if (l != null) {
      for (int i = 0; i < l.size(); i++) {
        Object o = l.get(i);
        if (o != null && !(o instanceof Map)) {
          return wrong(join(path, key) + "[" + i + "]", "a mapping", o);
        }
      }
    }
    return null;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String wrong(String path, String want, Object found) {
    String kind =
        found instanceof Map ? "a mapping" : found instanceof List ? "a sequence" : "a scalar";
    return path + " must be " + want + ", not " + kind;
  }
}
