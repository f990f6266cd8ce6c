package io.meshsdk.inject.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linkerd's uninject ({@code pkg/inject/uninject.go}) on ordered trees, plus the removal of what
 * Linkerd leaves behind ({@code linkerd-debug}, {@code linkerd-network-validator}, the {@code
 * linkerd-podinfo} volume). As in Linkerd, {@code config.linkerd.io/*} annotations are kept: they
 * may be the user's own ({@code enable-debug-sidecar}, {@code close-wait-timeout}), so they survive
 * re-injection and uninjection. A {@code metadata} left empty by the removal is removed. Stateless
 * and thread-safe.
 */
public final class UninjectEngine {
  private static final Set<String> INIT_NAMES =
      Set.of(Names.INIT_CONTAINER, Names.PROXY_CONTAINER, Names.VALIDATOR_CONTAINER);
  private static final Set<String> CONTAINER_NAMES =
      Set.of(Names.PROXY_CONTAINER, Names.DEBUG_CONTAINER);
  private static final Set<String> VOLUME_NAMES =
      Set.of(
          Names.END_ENTITY_VOLUME, Names.XTABLES_VOLUME, Names.TOKEN_VOLUME, Names.PODINFO_VOLUME);

  private UninjectEngine() {}

  /**
   * Uninjects one document ({@code kind: List} item by item).
   *
   * @param root the document root (not changed)
   * @return the result with one report per resource
   */
  public static DocResult uninject(Object root) {
    return DocResult.eachItem(root, UninjectEngine::uninjectOne);
  }

  static DocResult uninjectOne(Object root) {
    Map<String, Object> doc = Trees.map(root);
    Report rep = InjectEngine.newReport(doc);
    if (doc == null || rep.kind.isEmpty()) {
      rep.unsupported = true;
      return new DocResult(root, false, List.of(rep));
    }
    Kind k = Kind.of(rep.kind);
    if (k == null) {
      rep.unsupported = true;
      return new DocResult(root, false, List.of(rep));
    }
    Edit e = new Edit();
    Map<String, Object> out = apply(doc, k, e, rep);
    rep.changed = out != doc;
    return new DocResult(out, rep.changed, List.of(rep));
  }

  /**
   * Removes Linkerd's injection from a document of a known kind.
   *
   * @return the new root (an owned copy) or {@code doc} itself when nothing was removed
   */
  static Map<String, Object> apply(Map<String, Object> doc, Kind k, Edit e, Report rep) {
    Map<String, Object> root = doc;
    if (!k.hasPodTemplate()) {
      return stripMeta(root, e, rep, null);
    }
    Map<String, Object> template = k.template(root);
    if (template != null) {
      Map<String, Object> spec = Trees.map(template, "spec");
      if (spec != null && needsPodSpecChange(spec)) {
        root = e.own(root);
        Map<String, Object> t = k.ownTemplate(root, e);
        Map<String, Object> s = e.map(t, "spec", false);
        if (removeByName(s, "initContainers", INIT_NAMES, e)) {
          rep.uninjected = true;
        }
        if (removeByName(s, "containers", CONTAINER_NAMES, e)) {
          rep.uninjected = true;
        }
        removeByName(s, "volumes", VOLUME_NAMES, e);
      }
    }
    root = stripMeta(root, e, rep, null);
    if (k != Kind.POD && template != null) {
      root = stripMeta(root, e, rep, k);
    }
    return root;
  }

  private static boolean needsPodSpecChange(Map<String, Object> spec) {
    return hasName(Trees.list(spec, "initContainers"), INIT_NAMES)
        || hasName(Trees.list(spec, "containers"), CONTAINER_NAMES)
        || hasName(Trees.list(spec, "volumes"), VOLUME_NAMES);
  }

  private static boolean hasName(List<Object> items, Set<String> names) {
    if (items == null) {
      return false;
    }
    for (Object o : items) {
      String n = Trees.text(Trees.map(o), "name");
      if (n != null && names.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** Removes the named items of a list; drops the key when the list becomes empty. */
  private static boolean removeByName(
      Map<String, Object> ownedSpec, String key, Set<String> names, Edit e) {
    List<Object> items = Trees.list(ownedSpec, key);
    if (!hasName(items, names)) {
      return false;
    }
    List<Object> mine = e.list(ownedSpec, key);
    mine.removeIf(
        o -> {
          String n = Trees.text(Trees.map(o), "name");
          return n != null && names.contains(n);
        });
    if (mine.isEmpty()) {
      ownedSpec.remove(key);
    }
    return true;
  }

  /**
   * Strips Linkerd's metadata: the workload's own metadata when {@code templateOf} is null, else
   * the pod template's metadata.
   */
  private static Map<String, Object> stripMeta(
      Map<String, Object> root, Edit e, Report rep, Kind templateOf) {
    Map<String, Object> holder = templateOf == null ? root : templateOf.template(root);
    Map<String, Object> meta = Trees.map(holder, "metadata");
    if (meta == null) {
      return root;
    }
    Map<String, Object> labels = Trees.map(meta, "labels");
    if (labels != null && labels.containsKey(Names.CONTROL_PLANE_COMPONENT)) {
      return root;
    }
    Map<String, Object> annotations = Trees.map(meta, "annotations");
    List<String> dropAnnotations = new ArrayList<>();
    boolean dropped = false;
    if (annotations != null) {
      for (Map.Entry<String, Object> a : annotations.entrySet()) {
        if (a.getKey().startsWith(Names.PREFIX)
            && !(a.getKey().equals(Names.INJECT) && "disabled".equals(Trees.text(a.getValue())))) {
          dropAnnotations.add(a.getKey());
          dropped = true;
        }
      }
    }
    List<String> dropLabels = new ArrayList<>();
    if (labels != null) {
      for (String key : labels.keySet()) {
        if (key.startsWith(Names.PREFIX)) {
          dropLabels.add(key);
        }
      }
    }
    if (dropAnnotations.isEmpty() && dropLabels.isEmpty()) {
      return root;
    }
    if (dropped) {
      rep.uninjected = true;
    }
    Map<String, Object> ownedRoot = e.own(root);
    Map<String, Object> ownedHolder =
        templateOf == null ? ownedRoot : templateOf.ownTemplate(ownedRoot, e);
    Map<String, Object> m = e.map(ownedHolder, "metadata", false);
    if (!dropAnnotations.isEmpty()) {
      Map<String, Object> a = e.map(m, "annotations", false);
      a.keySet().removeAll(dropAnnotations);
      if (a.isEmpty()) {
        m.remove("annotations");
      }
    }
    if (!dropLabels.isEmpty()) {
      Map<String, Object> l = e.map(m, "labels", false);
      l.keySet().removeAll(dropLabels);
      if (l.isEmpty()) {
        m.remove("labels");
      }
    }
    if (m.isEmpty()) {
      // what injection added was all there was (inject adds a missing metadata)
      ownedHolder.remove("metadata");
    }
    return ownedRoot;
  }
}
