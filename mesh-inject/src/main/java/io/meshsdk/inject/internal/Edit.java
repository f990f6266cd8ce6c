package io.meshsdk.inject.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copy-on-write editing of one document tree. The input tree is never mutated: a map or list is
 * copied (shallowly) the first time it is changed, together with the maps on the path to it, and
 * everything else is shared with the input. Not thread-safe: one per document.
 */
final class Edit {
  private final Set<Object> owned = Collections.newSetFromMap(new IdentityHashMap<>());

  /** The document root, owned (copied once). */
  Map<String, Object> own(Map<String, Object> m) {
    if (owned.contains(m)) {
      return m;
    }
    Map<String, Object> copy = new LinkedHashMap<>(m);
    owned.add(copy);
    return copy;
  }

  /** A list, owned (copied once). */
  List<Object> own(List<Object> l) {
    if (owned.contains(l)) {
      return l;
    }
    List<Object> copy = new ArrayList<>(l);
    owned.add(copy);
    return copy;
  }

  /** A new map owned by this edit. */
  Map<String, Object> newMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    owned.add(m);
    return m;
  }

  /** A new list owned by this edit. */
  List<Object> newList() {
    List<Object> l = new ArrayList<>();
    owned.add(l);
    return l;
  }

  /**
   * The child map under {@code key} of an owned parent, owned; created (appended) when absent and
   * {@code create} is set, replacing a null or scalar in place.
   */
  Map<String, Object> map(Map<String, Object> ownedParent, String key, boolean create) {
    Object v = ownedParent.get(key);
    Map<String, Object> m = Trees.map(v);
    if (m != null) {
      Map<String, Object> mine = own(m);
      if (mine != m) {
        ownedParent.put(key, mine);
      }
      return mine;
    }
    if (!create) {
      return null;
    }
    Map<String, Object> fresh = newMap();
    ownedParent.put(key, fresh);
    return fresh;
  }

  /**
   * Like {@link #map(Map, String, boolean)} with {@code create}, but a created key goes before
   * {@code beforeKey} when the parent has it (a missing pod {@code metadata} goes before {@code
   * spec}), else it is appended.
   */
  Map<String, Object> mapBefore(Map<String, Object> ownedParent, String key, String beforeKey) {
    Map<String, Object> m = map(ownedParent, key, false);
    if (m != null) {
      return m;
    }
    Map<String, Object> fresh = newMap();
    putBefore(ownedParent, key, fresh, beforeKey);
    return fresh;
  }

  /** Puts a value: in place when the key exists, else before {@code beforeKey}, else last. */
  private static void putBefore(
      Map<String, Object> ownedParent, String key, Object value, String beforeKey) {
    if (ownedParent.containsKey(key) || beforeKey == null || !ownedParent.containsKey(beforeKey)) {
      ownedParent.put(key, value);
      return;
    }
    List<Map.Entry<String, Object>> entries = new ArrayList<>(ownedParent.entrySet());
    ownedParent.clear();
    for (Map.Entry<String, Object> e : entries) {
      if (e.getKey().equals(beforeKey)) {
        ownedParent.put(key, value);
      }
      ownedParent.put(e.getKey(), e.getValue());
    }
  }

  /** The child list under {@code key} of an owned parent, owned; null when absent. */
  List<Object> list(Map<String, Object> ownedParent, String key) {
    List<Object> l = Trees.list(ownedParent.get(key));
    if (l == null) {
      return null;
    }
    List<Object> mine = own(l);
    if (mine != l) {
      ownedParent.put(key, mine);
    }
    return mine;
  }

  /**
   * The child list under {@code key}, owned; when absent (or not a list) a new empty list is put
   * there: in place when the key exists, else before {@code beforeKey} when that key exists, else
   * appended.
   */
  List<Object> listOrCreate(Map<String, Object> ownedParent, String key, String beforeKey) {
    List<Object> l = list(ownedParent, key);
    if (l != null) {
      return l;
    }
    List<Object> fresh = newList();
    putBefore(ownedParent, key, fresh, beforeKey);
    return fresh;
  }

  /** Walks a path of maps from an owned root, owning each; null when a step is missing. */
  Map<String, Object> path(Map<String, Object> ownedRoot, String... keys) {
    Map<String, Object> cur = ownedRoot;
    for (String k : keys) {
      cur = map(cur, k, false);
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }
}
