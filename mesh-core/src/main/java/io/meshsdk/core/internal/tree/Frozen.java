package io.meshsdk.core.internal.tree;

import io.meshsdk.core.manifest.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The one implementation of deeply unmodifiable trees, for manifests and Helm values alike: {@link
 * FrozenMap} and {@link FrozenList} are only ever created around collections whose contents are
 * already frozen, so a frozen collection is reused as it is when a new tree is frozen with the same
 * {@link Kind} (or a wider one: a values tree is a valid manifest tree).
 */
public final class Frozen {
  /** How deep a values tree may nest (the values reader's and {@code --set}'s limit). */
  public static final int MAX_VALUES_DEPTH = 1000;

  private Frozen() {}

  private static void checkDepth(Kind kind, int depth) {
    if (kind == Kind.VALUES && depth > MAX_VALUES_DEPTH) {
      throw new Refused(null, false, true);
    }
  }

  /** What a tree may hold, and how its scalars are normalized. */
  public enum Kind {
    /**
     * Helm values: strings, booleans, {@code Integer}, {@code Long}, {@code Double} and null. Byte
     * and short become {@code Integer}, float and {@code BigDecimal} {@code Double} (a {@code
     * BigDecimal} without fraction {@code Long}), {@code BigInteger} {@code Long} or {@code Double}
     * when too large, characters strings; lists and arrays become lists.
     */
    VALUES,
    /**
     * Kubernetes manifests: the values scalars plus {@code BigInteger}, {@code BigDecimal} and
     * {@link YamlScalar}; byte and short become {@code Integer}, float {@code Double}, any
     * character sequence a string; any collection becomes a list.
     */
    MANIFEST;

    boolean accepts(Kind frozenAs) {
      return frozenAs == this || this == MANIFEST;
    }
  }

  /**
   * A tree that cannot be frozen: a mapping key that is not a string, or a value of a type the
   * {@link Kind} does not hold. The caller words the message (each kind has its own path syntax).
   */
  public static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Object offender;
    private final boolean key;
    private final boolean tooDeep;
    private final transient List<Object> path;

    Refused(Object offender, boolean key) {
      this(offender, key, false);
    }

    private Refused(Object offender, boolean key, boolean tooDeep) {
      super(
          tooDeep
              ? "nested deeper than " + MAX_VALUES_DEPTH + " levels"
              : key ? "mapping key is not a string" : "unsupported value");
      this.offender = offender;
      this.key = key;
      this.tooDeep = tooDeep;
      this.path = new ArrayList<>();
    }

    /**
     * Whether the tree nests deeper than {@link #MAX_VALUES_DEPTH} (values only); {@link #path()}
     * then leads to the first collection past the limit.
     *
     * @return true for a tree nested too deep
     */
    public boolean isTooDeep() {
      return tooDeep;
    }

    /**
     * The offending key (when {@link #isKey()}) or value.
     *
     * @return the key or value, possibly null (a null key)
     */
    public Object offender() {
      return offender;
    }

    /**
     * Whether a mapping key is the problem (otherwise a value is).
     *
     * @return true for a key that is not a string
     */
    public boolean isKey() {
      return key;
    }

    /**
     * Where the offender sits below the frozen root: raw string keys and {@code Integer} list
     * indices, outermost first (for a key: the path of the mapping that holds it).
     *
     * @return the path segments, empty for the root
     */
    public List<Object> path() {
      return Collections.unmodifiableList(path);
    }

    private Refused under(Object segment) {
      path.add(0, segment);
      return this;
    }
  }

  /**
   * Wraps a map whose values are already frozen as manifest values; the caller must not keep a
   * reference to it.
   *
   * @param m the map to wrap
   * @return the frozen map
   */
  public static Map<String, Object> map(LinkedHashMap<String, Object> m) {
    return new FrozenMap(m, Kind.MANIFEST);
  }

  /**
   * Wraps a list whose items are already frozen as manifest values; the caller must not keep a
   * reference to it.
   *
   * @param l the list to wrap
   * @return the frozen list
   */
  public static List<Object> list(ArrayList<Object> l) {
    return new FrozenList(l, Kind.MANIFEST);
  }

  /**
   * A deeply unmodifiable manifest copy of a generic tree; frozen sub-trees are shared, not copied.
   *
   * @param tree a tree of maps with string keys, lists and scalars
   * @return the frozen tree
   * @throws Refused for a value that a manifest cannot hold
   */
  public static Object freeze(Object tree) {
    return freeze(tree, Kind.MANIFEST);
  }

  /**
   * A deeply unmodifiable copy of a generic tree for the given kind; frozen sub-trees of the same
   * kind (or, for {@link Kind#MANIFEST}, of any kind) are shared, not copied.
   *
   * @param tree a tree of maps with string keys, lists and scalars
   * @param kind what the tree may hold
   * @return the frozen tree
   * @throws Refused for a key or value that the kind cannot hold
   */
  public static Object freeze(Object tree, Kind kind) {
    return freeze(tree, kind, 0);
  }

  private static Object freeze(Object tree, Kind kind, int depth) {
    if (tree == null
        || tree instanceof String
        || tree instanceof Boolean
        || tree instanceof Integer
        || tree instanceof Long
        || tree instanceof Double) {
      return tree;
    }
    if (tree instanceof FrozenMap && kind.accepts(((FrozenMap) tree).kind)) {
      return tree;
    }
    if (tree instanceof FrozenList && kind.accepts(((FrozenList) tree).kind)) {
      return tree;
    }
    if (tree instanceof Map) {
      return freezeMap((Map<?, ?>) tree, kind, depth + 1);
    }
    if (kind == Kind.VALUES) {
      if (tree instanceof List) {
        return freezeItems((List<?>) tree, kind, depth + 1);
      }
      if (tree instanceof Object[]) {
        return freezeItems(Arrays.asList((Object[]) tree), kind, depth + 1);
      }
      if (tree instanceof Number) {
        return valuesNumber((Number) tree);
      }
      if (tree instanceof Character) {
        return tree.toString();
      }
    } else {
      if (tree instanceof BigInteger || tree instanceof BigDecimal || tree instanceof YamlScalar) {
        return tree;
      }
      if (tree instanceof Short || tree instanceof Byte) {
        return ((Number) tree).intValue();
      }
      if (tree instanceof Float) {
        return ((Float) tree).doubleValue();
      }
      if (tree instanceof CharSequence || tree instanceof Character) {
        return tree.toString();
      }
      if (tree instanceof Collection) {
        return freezeItems((Collection<?>) tree, kind, depth + 1);
      }
    }
    throw new Refused(tree, false);
  }

  /**
   * A deeply unmodifiable copy of a map for the given kind (see {@link #freeze(Object, Kind)}).
   *
   * @param map the map
   * @param kind what the tree may hold
   * @return the frozen map
   * @throws Refused for a key or value that the kind cannot hold
   */
  public static Map<String, Object> freezeMap(Map<?, ?> map, Kind kind) {
    return freezeMap(map, kind, 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> freezeMap(Map<?, ?> map, Kind kind, int depth) {
    if (map instanceof FrozenMap && kind.accepts(((FrozenMap) map).kind)) {
      return (Map<String, Object>) map;
    }
    checkDepth(kind, depth);
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(capacity(map.size()));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String)) {
        throw new Refused(e.getKey(), true);
      }
      String k = (String) e.getKey();
      try {
        copy.put(k, freeze(e.getValue(), kind, depth));
      } catch (Refused r) {
        throw r.under(k);
      }
    }
    return new FrozenMap(copy, kind);
  }

  private static List<Object> freezeItems(Collection<?> c, Kind kind, int depth) {
    checkDepth(kind, depth);
    ArrayList<Object> copy = new ArrayList<>(c.size());
    int i = 0;
    for (Object item : c) {
      try {
        copy.add(freeze(item, kind, depth));
      } catch (Refused r) {
        throw r.under(i);
      }
      i++;
    }
    return new FrozenList(copy, kind);
  }

  private static Object valuesNumber(Number n) {
    if (n instanceof Byte || n instanceof Short) {
      return n.intValue();
    }
    if (n instanceof Float) {
      return Double.parseDouble(Float.toString((Float) n));
    }
    if (n instanceof BigInteger) {
      BigInteger b = (BigInteger) n;
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (n instanceof BigDecimal) {
      try {
        return ((BigDecimal) n).longValueExact();
      } catch (ArithmeticException e) {
        return n.doubleValue();
      }
    }
    double dv = n.doubleValue();
    long lv = n.longValue();
    return dv == lv ? (Object) lv : (Object) dv;
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
    private final Kind kind;

    FrozenMap(LinkedHashMap<String, Object> m, Kind kind) {
      this.m = Collections.unmodifiableMap(m);
      this.kind = kind;
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
    private final Kind kind;

    FrozenList(ArrayList<Object> l, Kind kind) {
      this.l = l;
      this.kind = kind;
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
