package io.meshsdk.core.values;

import io.meshsdk.core.internal.BoundedRead;
import io.meshsdk.core.internal.go.GoJson;
import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.values.internal.Coalescer;
import io.meshsdk.core.values.internal.HelmYaml;
import io.meshsdk.core.values.internal.PathSyntax;
import io.meshsdk.core.values.internal.StrvalsParser;
import io.meshsdk.core.values.internal.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Helm values: an immutable, insertion-ordered tree of {@code Map<String,Object>}, {@code
 * List<Object>}, {@code String}, {@code Boolean}, numbers and {@code null}.
 *
 * <p>Numbers are {@code Long} when {@code --set} made them (Helm's int64), {@code Double} when
 * {@code --set-json} made them (Go's float64), and {@code Integer}, {@code Long} or {@code Double}
 * when a values file held them. Every map and list returned is unmodifiable; "changing" methods
 * return a new instance. Instances are thread-safe.
 *
 * <p><b>Paths.</b> The getters and {@link #with}/{@link #without} take a dotted path: {@code
 * proxy.image.name}; {@code [n]} indexes a list ({@code imagePullSecrets[0].name}); a backslash
 * escapes the next character inside a key, so {@code proxy.tracing.labels.k8s\.pod\.ip} reads the
 * key {@code k8s.pod.ip}.
 *
 * <p><b>Typed getters.</b> A missing key and an explicit {@code null} both read as empty. A value
 * of the wrong kind is an error ({@link ValuesException} naming the path), not an empty result:
 *
 * <ul>
 *   <li>{@link #getString}: strings as they are; booleans and numbers as the text Helm's templates
 *       print for them ({@code true}, {@code 4191}, {@code 0.5}); maps and lists are errors.
 *   <li>{@link #getBoolean}: booleans only. The string {@code "true"} is an error, as it is for
 *       Linkerd's typed values (and Helm templates would treat {@code "false"} as true).
 *   <li>{@link #getLong}: {@code Integer}, {@code Long}, and {@code Double} with an integral value
 *       (values files and {@code --set-json} make doubles). Strings such as {@code "10"} are not
 *       converted: Linkerd's values type refuses them too.
 *   <li>{@link #getDouble}: any number.
 * </ul>
 */
public final class HelmValues {
  private static final HelmValues EMPTY =
      new HelmValues(Collections.unmodifiableMap(new LinkedHashMap<>()));

  private final Map<String, Object> root;

  private HelmValues(Map<String, Object> frozenRoot) {
    this.root = frozenRoot;
  }

  /**
   * The empty values {@code {}}.
   *
   * @return the empty values
   */
  public static HelmValues empty() {
    return EMPTY;
  }

  /**
   * Values from a tree, deep-copied. Byte and short numbers become {@code Integer}, floats and
   * {@code BigDecimal}s {@code Double}, {@code BigInteger}s {@code Long} (or {@code Double} when
   * too large).
   *
   * @param tree maps with string keys, lists, strings, booleans, numbers, nulls
   * @return the values
   * @throws ValuesException for other node types or non-string keys
   */
  public static HelmValues of(Map<String, ?> tree) {
    return new HelmValues(Trees.freezeMap(tree, ""));
  }

  /**
   * Reads a values document, YAML or JSON, as Helm reads {@code -f} files: only the first document
   * counts, plain scalars resolve with go-yaml v2's rules ({@code yes}/{@code no}/{@code on}/
   * {@code off}/{@code y}/{@code n} are booleans), integers become {@code Integer} or {@code Long},
   * other numbers {@code Double}. An empty document or {@code null} is the empty map.
   *
   * @param text the document text
   * @param sourceName a name for messages (usually the file name)
   * @return the values
   * @throws ValuesException naming the source, line and column for malformed YAML, or when the top
   *     level is not a map
   */
  public static HelmValues fromYaml(String text, String sourceName) {
    Map<String, Object> tree = HelmYaml.load(text, sourceName);
    try {
      return new HelmValues(Trees.freezeMap(tree, ""));
    } catch (ValuesException e) { // e.g. !!binary or !!timestamp values: name the source
      throw new ValuesException(sourceName + ": " + e.getMessage(), e);
    }
  }

  /** The largest values file read: 16 MiB, the manifest reader's document limit. */
  private static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /**
   * Reads a values file, YAML or JSON (see {@link #fromYaml}). An empty file is the empty map. A
   * file larger than 16 MiB (the manifest reader's document limit) is refused without being read
   * whole, devices such as {@code /dev/zero} included.
   *
   * @param file the file
   * @return the values
   * @throws ValuesException when the file cannot be read or is not a values document
   */
  public static HelmValues fromFile(Path file) {
    String text;
    try {
      byte[] bytes = BoundedRead.readFile(file, MAX_FILE_BYTES);
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (NoSuchFileException e) {
      throw new ValuesException("values file " + file + ": no such file", e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ValuesException("values file " + file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new ValuesException("values file " + file + ": " + e.getMessage(), e);
    }
    return fromYaml(text, file.toString());
  }

  /**
   * The whole tree, deeply unmodifiable, in insertion order.
   *
   * @return the root map
   */
  public Map<String, Object> asMap() {
    return root;
  }

  /**
   * Whether there are no top-level keys.
   *
   * @return true for {@code {}}
   */
  public boolean isEmpty() {
    return root.isEmpty();
  }

  /**
   * The value at a path.
   *
   * @param path dotted path, see the class documentation
   * @return the value; empty when the path is missing, its value is null, or it runs through a
   *     scalar
   * @throws ValuesException when the path itself is malformed
   */
  public Optional<Object> get(String path) {
    return Optional.ofNullable(lookup(PathSyntax.parse(path)).value);
  }

  /**
   * Whether a path exists (its value may be null).
   *
   * @param path dotted path
   * @return true when the last key or index is present
   */
  public boolean contains(String path) {
    return lookup(PathSyntax.parse(path)).found;
  }

  /**
   * A string value; booleans and numbers read as their text.
   *
   * @param path dotted path
   * @return the text, or empty when missing or null
   * @throws ValuesException when the value is a map or a list
   */
  public Optional<String> getString(String path) {
    Object v = get(path).orElse(null);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return Optional.of(s);
    }
    if (v instanceof Double d) {
      return Optional.of(GoText.formatFloat(d));
    }
    if (v instanceof Boolean || v instanceof Number) {
      return Optional.of(v.toString());
    }
    throw wrongType(path, v, "a string");
  }

  /**
   * A boolean value.
   *
   * @param path dotted path
   * @return the boolean, or empty when missing or null
   * @throws ValuesException when the value is not a boolean (strings included)
   */
  public Optional<Boolean> getBoolean(String path) {
    Object v = get(path).orElse(null);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    throw wrongType(path, v, "a boolean");
  }

  /**
   * An integer value.
   *
   * @param path dotted path
   * @return the number, or empty when missing or null
   * @throws ValuesException when the value is not a number with an integral value in the range of
   *     {@code long} (strings are not converted)
   */
  public OptionalLong getLong(String path) {
    Object v = get(path).orElse(null);
    if (v == null) {
      return OptionalLong.empty();
    }
    if (v instanceof Integer || v instanceof Long) {
      return OptionalLong.of(((Number) v).longValue());
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.2e18) {
      return OptionalLong.of(d.longValue());
    }
    throw wrongType(path, v, "an integer");
  }

  /**
   * A number value.
   *
   * @param path dotted path
   * @return the number, or empty when missing or null
   * @throws ValuesException when the value is not a number
   */
  public OptionalDouble getDouble(String path) {
    Object v = get(path).orElse(null);
    if (v == null) {
      return OptionalDouble.empty();
    }
    if (v instanceof Number n) {
      return OptionalDouble.of(n.doubleValue());
    }
    throw wrongType(path, v, "a number");
  }

  /**
   * A map value (unmodifiable).
   *
   * @param path dotted path
   * @return the map, or empty when missing or null
   * @throws ValuesException when the value is not a map
   */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> getMap(String path) {
    Object v = get(path).orElse(null);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map<?, ?> m) {
      return Optional.of((Map<String, Object>) m);
    }
    throw wrongType(path, v, "a map");
  }

  /**
   * A list value (unmodifiable).
   *
   * @param path dotted path
   * @return the list, or empty when missing or null
   * @throws ValuesException when the value is not a list
   */
  @SuppressWarnings("unchecked")
  public Optional<List<Object>> getList(String path) {
    Object v = get(path).orElse(null);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof List<?> l) {
      return Optional.of((List<Object>) l);
    }
    throw wrongType(path, v, "a list");
  }

  /**
   * These values with one path set. Missing maps on the way are created; a list index past the end
   * pads the list with nulls (as {@code --set} does).
   *
   * @param path dotted path
   * @param value the new value (a tree as accepted by {@link #of}; deep-copied)
   * @return new values
   * @throws ValuesException when the path runs through a scalar, or through a list with a key or a
   *     map with an index
   */
  @SuppressWarnings("unchecked")
  public HelmValues with(String path, Object value) {
    List<Object> segs = PathSyntax.parse(path);
    Object frozen = Trees.freeze(value, path);
    Map<String, Object> copy = Trees.thawMap(root);
    Object container = copy;
    for (int i = 0; i < segs.size(); i++) {
      Object seg = segs.get(i);
      boolean last = i == segs.size() - 1;
      Object next = last ? null : segs.get(i + 1);
      Object child;
      if (seg instanceof String key) {
        if (!(container instanceof Map<?, ?> m)) {
          throw notA(segs, i, "a map", container);
        }
        Map<String, Object> map = (Map<String, Object>) m;
        if (last) {
          map.put(key, frozen);
          break;
        }
        child = map.get(key);
        if (child == null) {
          child = next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
          map.put(key, child);
        }
      } else {
        int idx = (Integer) seg;
        if (!(container instanceof List<?> l)) {
          throw notA(segs, i, "a list", container);
        }
        List<Object> list = (List<Object>) l;
        while (list.size() <= idx) {
          list.add(null);
        }
        if (last) {
          list.set(idx, frozen);
          break;
        }
        child = list.get(idx);
        if (child == null) {
          child = next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
          list.set(idx, child);
        }
      }
      container = child;
    }
    return of(copy);
  }

  /**
   * These values without one path. Removing a list element shifts the later ones. A missing path is
   * not an error.
   *
   * @param path dotted path
   * @return new values (this instance when nothing was removed)
   */
  @SuppressWarnings("unchecked")
  public HelmValues without(String path) {
    List<Object> segs = PathSyntax.parse(path);
    if (!lookup(segs).found) {
      return this;
    }
    Map<String, Object> copy = Trees.thawMap(root);
    Object container = copy;
    for (int i = 0; i < segs.size() - 1; i++) {
      Object seg = segs.get(i);
      container =
          seg instanceof String k
              ? ((Map<String, Object>) container).get(k)
              : ((List<Object>) container).get((Integer) seg);
    }
    Object last = segs.get(segs.size() - 1);
    if (last instanceof String k) {
      ((Map<String, Object>) container).remove(k);
    } else {
      ((List<Object>) container).remove((int) (Integer) last);
    }
    return of(copy);
  }

  /**
   * Merges later values over these as Helm merges {@code -f} files ({@code mergeMaps}): maps merge
   * deeply; any other value of {@code later}, null included, replaces the earlier value; lists
   * replace whole.
   *
   * @param later the values that win
   * @return the merged values
   */
  public HelmValues merge(HelmValues later) {
    if (later.isEmpty()) {
      return this;
    }
    return of(Trees.mergeMaps(root, later.root));
  }

  /**
   * Coalesces these (user) values onto chart defaults as Helm's {@code CoalesceValues} does: the
   * user wins; maps merge deeply; lists and scalars replace; a user {@code null} deletes the
   * default's key (at the top level a {@code null} without a default is kept; inside a map that has
   * defaults Helm removes every {@code null}); a type conflict keeps the user's value and adds
   * Helm's warning.
   *
   * @param chartDefaults the defaults (a chart without name or subcharts)
   * @return the values and the warnings
   */
  public Coalesced coalesceOnto(HelmValues chartDefaults) {
    return coalesceOnto(ChartDefaults.of("", chartDefaults));
  }

  /**
   * Coalesces these (user) values onto a chart with subcharts (see {@link
   * #coalesceOnto(HelmValues)}); warning paths start with the chart name as in Helm.
   *
   * @param chart the chart defaults
   * @return the values and the warnings
   * @throws ValuesException when a subchart's key holds something other than a map
   */
  public Coalesced coalesceOnto(ChartDefaults chart) {
    List<String> warnings = new ArrayList<>();
    Map<String, Object> out = new Coalescer(warnings).coalesceValues(chart, root);
    return new Coalesced(of(out), warnings);
  }

  /**
   * Block-style YAML, key order kept; strings that would read back as another type are quoted,
   * multi-line strings are literal blocks. {@code {}} for empty values.
   *
   * @return the YAML text, ending with a newline
   */
  public String toYaml() {
    return HelmYaml.dump(root);
  }

  /**
   * Compact JSON on one line, key order kept, nulls kept ({@code --set a=null} gives {@code
   * {"a":null}}), doubles in Go's form ({@code 3}, {@code 0.5}, {@code 1e+21}).
   *
   * @return the JSON text, without a trailing newline
   * @throws ValuesException for NaN or infinite numbers, which JSON cannot hold
   */
  public String toJson() {
    try {
      return GoJson.write(root);
    } catch (IllegalArgumentException e) {
      throw new ValuesException("cannot write values as JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HelmValues h && root.equals(h.root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  /** Returns the values as compact JSON (NaN and infinities as Go prints them). */
  @Override
  public String toString() {
    try {
      return GoJson.write(root);
    } catch (IllegalArgumentException e) {
      return GoText.value(root);
    }
  }

  private record Lookup(boolean found, Object value) {}

  private Lookup lookup(List<Object> segs) {
    Object cur = root;
    for (Object seg : segs) {
      if (seg instanceof String k) {
        if (!(cur instanceof Map<?, ?> m) || !m.containsKey(k)) {
          return new Lookup(false, null);
        }
        cur = m.get(k);
      } else {
        int idx = (Integer) seg;
        if (!(cur instanceof List<?> l) || idx >= l.size()) {
          return new Lookup(false, null);
        }
        cur = l.get(idx);
      }
    }
    return new Lookup(true, cur);
  }

  private static ValuesException wrongType(String path, Object v, String wanted) {
    return new ValuesException(
        path + " is " + StrvalsParser.describe(v) + " (" + abbreviate(v) + "), not " + wanted);
  }

  private static ValuesException notA(List<Object> segs, int i, String wanted, Object found) {
    String at = i == 0 ? "the top level" : PathSyntax.format(segs.subList(0, i));
    return new ValuesException(
        "cannot set "
            + PathSyntax.format(segs)
            + ": "
            + at
            + " is "
            + StrvalsParser.describe(found)
            + ", not "
            + wanted);
  }

  private static String abbreviate(Object v) {
    String s = GoText.value(v);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
