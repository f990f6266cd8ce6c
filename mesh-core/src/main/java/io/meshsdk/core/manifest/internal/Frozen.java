package io.meshsdk.core.manifest.internal;

import io.meshsdk.core.manifest.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Deeply unmodifiable trees: {@link FrozenMap} and {@link FrozenList} are only ever created around
 * collections whose contents are already frozen, so a frozen collection can be reused as it is when
 * a new tree is frozen.
 */
public final class Frozen {
  private Frozen() {}

  /**
   * Wraps a map whose values are already frozen; the caller must not keep a reference to it.
   *
   * @param m the map to wrap
   * @return the frozen map
   */
  public static Map<String, Object> map(LinkedHashMap<String, Object> m) {
    return new FrozenMap(m);
  }

  /**
   * Wraps a list whose items are already frozen; the caller must not keep a reference to it.
   *
   * @param l the list to wrap
   * @return the frozen list
   */
  public static List<Object> list(ArrayList<Object> l) {
    return new FrozenList(l);
  }

  /**
   * A deeply unmodifiable copy of a generic tree; frozen sub-trees are shared, not copied.
   *
   * @param tree a tree of maps with string keys, lists and scalars
   * @return the frozen tree
   * @throws IllegalArgumentException naming the path of a value that a manifest cannot hold
   */
  public static Object freeze(Object tree) {
    return freeze(tree, "");
  }

  private static Object freeze(Object v, String path) {
    if (v == null
        || v instanceof String
        || v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof BigInteger
        || v instanceof Double
        || v instanceof BigDecimal
        || v instanceof YamlScalar
        || v instanceof FrozenMap
        || v instanceof FrozenList) {
      return v;
    }
    if (v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    }
    if (v instanceof Float) {
      return ((Float) v).doubleValue();
    }
    if (v instanceof CharSequence || v instanceof Character) {
      return v.toString();
    }
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      LinkedHashMap<String, Object> copy = new LinkedHashMap<>(capacity(m.size()));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException(
              "mapping keys must be strings, found "
                  + (e.getKey() == null ? "null" : e.getKey().getClass().getName())
                  + " at "
                  + display(path));
        }
        String k = (String) e.getKey();
        copy.put(k, freeze(e.getValue(), path.isEmpty() ? k : path + "." + k));
      }
      return new FrozenMap(copy);
    }
    if (v instanceof Collection) {
      Collection<?> c = (Collection<?>) v;
      ArrayList<Object> copy = new ArrayList<>(c.size());
      int i = 0;
      for (Object item : c) {
        copy.add(freeze(item, path + "[" + i++ + "]"));
      }
      return new FrozenList(copy);
    }
    throw new IllegalArgumentException(
        "a manifest cannot hold a value of type "
            + v.getClass().getName()
            + " at "
            + display(path));
  }

  private static String display(String path) {
    return path.isEmpty() ? "the root" : path;
  }

  /**
   * A deep mutable copy: {@link LinkedHashMap} for mappings, {@link ArrayList} for sequences;
   * scalars are shared (they are immutable).
   *
   * @param tree a tree
   * @return the copy
   */
  public static Object mutableCopy(Object tree) {
    if (tree instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) tree;
      LinkedHashMap<String, Object> copy = new LinkedHashMap<>(capacity(m.size()));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        copy.put(String.valueOf(e.getKey()), mutableCopy(e.getValue()));
      }
      return copy;
    }
    if (tree instanceof List) {
      List<?> l = (List<?>) tree;
      ArrayList<Object> copy = new ArrayList<>(l.size());
      for (Object item : l) {
        copy.add(mutableCopy(item));
      }
      return copy;
    }
    return tree;
  }

  /**
   * The initial capacity of a hash map that holds {@code n} entries without rehashing.
   *
   * @param n entries
   * @return capacity
   */
  public static int capacity(int n) {
    return n < 3 ? 4 : (int) (n / 0.75f) + 1;
  }

  /** A deeply unmodifiable, insertion-ordered map. */
  static final class FrozenMap extends AbstractMap<String, Object> {
    private final Map<String, Object> m;

    FrozenMap(LinkedHashMap<String, Object> m) {
      this.m = Collections.unmodifiableMap(m);
    }

    @Override
    public Object get(Object key) {
      return m.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return m.containsKey(key);
    }

    @Override
    public int size() {
      return m.size();
    }

    @Override
    public boolean isEmpty() {
      return m.isEmpty();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return m.entrySet();
    }

    @Override
    public Set<String> keySet() {
      return m.keySet();
    }

    @Override
    public Collection<Object> values() {
      return m.values();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
      m.forEach(action);
    }
  }

  /** A deeply unmodifiable list. */
  static final class FrozenList extends AbstractList<Object> implements RandomAccess {
    private final ArrayList<Object> l;

    FrozenList(ArrayList<Object> l) {
      this.l = l;
    }

    @Override
    public Object get(int index) {
      return l.get(index);
    }

    @Override
    public int size() {
      return l.size();
    }
  }
}
