package io.meshsdk.core.values;

import io.meshsdk.core.values.internal.PathSyntax;
import io.meshsdk.core.values.internal.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys a chart knows, for typo safety: Helm accepts any key silently, a {@code KeySchema}
 * reports the ones the chart never reads, each with the closest known key.
 *
 * <p>A schema starts from the chart's defaults: every key of {@code values.yaml} is known; below a
 * non-empty map only its keys are known; an empty map ({@code podAnnotations: {}}) takes any keys;
 * below a scalar, list or null default nothing is checked. Rules add what the defaults cannot say
 * (keys the chart reads without a default, free-form maps, renamed keys). Immutable and
 * thread-safe; the {@code with…} methods return new schemas.
 */
public final class KeySchema {
  private static final int MAX_SUGGESTION_DISTANCE = 3;

  private final Node root;
  private final Map<String, String> moved;

  private KeySchema(Node root, Map<String, String> moved) {
    this.root = root;
    this.moved = moved;
  }

  /** A schema node: known children, or open (any children), or a leaf (not checked below). */
  private static final class Node {
    final Map<String, Node> children = new LinkedHashMap<>();
    boolean open;
    boolean leaf;

    Node copy() {
      Node n = new Node();
      n.open = open;
      n.leaf = leaf;
      children.forEach((k, v) -> n.children.put(k, v.copy()));
      return n;
    }

    boolean checksChildren() {
      return !open && !leaf;
    }
  }

  /**
   * A schema whose known keys are the keys of {@code defaults}.
   *
   * @param defaults the chart's default values
   * @return the schema
   */
  public static KeySchema fromDefaults(HelmValues defaults) {
    Node root = new Node();
    addTree(root, defaults.asMap());
    return new KeySchema(root, Map.of());
  }

  private static void addTree(Node node, Map<?, ?> map) {
    if (map.isEmpty()) {
      node.open = true;
      return;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Node child = node.children.computeIfAbsent((String) e.getKey(), k -> new Node());
      if (e.getValue() instanceof Map<?, ?> m) {
        if (child.leaf && child.children.isEmpty()) {
          child.leaf = false;
        }
        addTree(child, m);
      } else if (child.children.isEmpty() && !child.open) {
        child.leaf = true;
      }
    }
  }

  /**
   * Adds every key of more defaults (e.g. an overlay such as {@code values-ha.yaml}).
   *
   * @param values values whose keys are known too
   * @return a new schema
   */
  public KeySchema withKeysOf(HelmValues values) {
    Node r = root.copy();
    if (!values.isEmpty()) {
      addTree(r, values.asMap());
    }
    return new KeySchema(r, moved);
  }

  /**
   * Adds a known key that the defaults do not hold; nothing below it is checked.
   *
   * @param path dotted path ({@code \.} escapes a dot inside a key)
   * @return a new schema
   */
  public KeySchema withKnown(String path) {
    Node r = root.copy();
    Node n = ensure(r, path);
    if (n.children.isEmpty() && !n.open) {
      n.leaf = true;
    }
    return new KeySchema(r, moved);
  }

  /**
   * Declares a free-form map: any keys below {@code path} are accepted.
   *
   * @param path dotted path
   * @return a new schema
   */
  public KeySchema withOpen(String path) {
    Node r = root.copy();
    Node n = ensure(r, path);
    n.open = true;
    n.leaf = false;
    return new KeySchema(r, moved);
  }

  /**
   * Gives {@code path} the same known keys as {@code likePath} (e.g. {@code destinationResources}
   * like {@code proxy.resources}).
   *
   * @param path dotted path to add
   * @param likePath an existing dotted path
   * @return a new schema
   * @throws ValuesException when {@code likePath} is not known
   */
  public KeySchema withAlias(String path, String likePath) {
    Node r = root.copy();
    Node like = find(r, likePath);
    if (like == null) {
      throw new ValuesException("key schema: " + likePath + " is not a known key");
    }
    Node copy = like.copy();
    Node n = ensure(r, path);
    n.children.clear();
    n.children.putAll(copy.children);
    n.open = copy.open;
    n.leaf = copy.leaf;
    return new KeySchema(r, moved);
  }

  /**
   * Records a key the chart no longer reads and what replaced it; such keys are reported as removed
   * with the replacement as suggestion.
   *
   * @param oldPath the former dotted path
   * @param replacement the dotted path that replaced it, or {@code ""} when nothing did
   * @return a new schema
   */
  public KeySchema withMoved(String oldPath, String replacement) {
    Map<String, String> m = new LinkedHashMap<>(moved);
    m.put(PathSyntax.format(PathSyntax.parse(oldPath)), replacement);
    return new KeySchema(root.copy(), m);
  }

  /**
   * Applies rules written one per line: {@code path} (a known key), {@code path.*} (a free-form
   * map), {@code path = other.path} (same keys as another path), {@code old.path -> new.path} (a
   * removed key and its replacement; nothing after the arrow when nothing replaced it). Blank lines
   * and {@code #} comments are ignored.
   *
   * @param rules the rules text
   * @return a new schema
   * @throws ValuesException for a malformed rule
   */
  public KeySchema withRules(String rules) {
    KeySchema s = this;
    int lineNo = 0;
    for (String raw : rules.split("\n", -1)) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        if (line.contains("->")) {
          String[] p = line.split("->", 2);
          s = s.withMoved(p[0].strip(), p[1].strip());
        } else if (line.contains("=")) {
          String[] p = line.split("=", 2);
          s = s.withAlias(p[0].strip(), p[1].strip());
        } else if (line.endsWith(".*")) {
          s = s.withOpen(line.substring(0, line.length() - 2));
        } else {
          s = s.withKnown(line);
        }
      } catch (ValuesException e) {
        throw new ValuesException(
            "key rules line " + lineNo + " (" + line + "): " + e.getMessage(), e);
      }
    }
    return s;
  }

  /**
   * Whether a dotted path is known (or lies below a free-form map or a leaf).
   *
   * @param path dotted path
   * @return true when the chart reads it
   */
  public boolean isKnown(String path) {
    Node n = root;
    for (Object seg : PathSyntax.parse(path)) {
      if (!(seg instanceof String k)) {
        return true;
      }
      if (!n.checksChildren()) {
        return true;
      }
      n = n.children.get(k);
      if (n == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The keys of {@code values} the chart does not know, in the order they appear. Below an unknown
   * key, each leaf is reported ({@code proxyinit: {runAsRoot: true}} gives {@code
   * proxyinit.runAsRoot}). Lists are not looked into.
   *
   * @param values user values (typically {@link LayeredValues#userValues()})
   * @return the findings, empty when every key is known
   */
  public List<UnknownKey> unknownKeys(HelmValues values) {
    List<UnknownKey> out = new ArrayList<>();
    walk(values.asMap(), root, List.of(), out);
    return out;
  }

  private void walk(Map<?, ?> map, Node node, List<String> prefix, List<UnknownKey> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = (String) e.getKey();
      List<String> path = append(prefix, key);
      Node child = node.children.get(key);
      if (child == null) {
        List<List<String>> leaves = new ArrayList<>();
        leaves(e.getValue(), path, leaves);
        for (List<String> leaf : leaves) {
          out.add(finding(leaf, prefix.size()));
        }
      } else if (child.checksChildren() && e.getValue() instanceof Map<?, ?> m) {
        walk(m, child, path, out);
      }
    }
  }

  private static void leaves(Object v, List<String> path, List<List<String>> out) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      m.forEach((k, x) -> leaves(x, append(path, (String) k), out));
    } else {
      out.add(path);
    }
  }

  private UnknownKey finding(List<String> path, int knownDepth) {
    String text = format(path);
    for (Map.Entry<String, String> mv : moved.entrySet()) {
      if (text.equals(mv.getKey()) || text.startsWith(mv.getKey() + ".")) {
        String replacement = mv.getValue();
        return new UnknownKey(
            text,
            replacement.isEmpty() ? null : replacement + text.substring(mv.getKey().length()),
            true);
      }
    }
    List<String> suggestion = suggest(path, knownDepth);
    return new UnknownKey(text, suggestion == null ? null : format(suggestion), false);
  }

  /**
   * The closest known path: similar spelling under the known prefix, else a unique misplacement.
   */
  private List<String> suggest(List<String> path, int knownDepth) {
    Node prefixNode = root;
    for (int i = 0; i < knownDepth; i++) {
      prefixNode = prefixNode.children.get(path.get(i));
    }
    List<String> rest = path.subList(knownDepth, path.size());
    List<List<String>> candidates = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    collect(prefixNode, List.of(), candidates, nodes);
    List<String> best = null;
    int bestDist = Integer.MAX_VALUE;
    for (int c = 0; c < candidates.size(); c++) {
      List<String> cand = candidates.get(c);
      Node cn = nodes.get(c);
      int m = cand.size();
      if (m > rest.size() || (m < rest.size() && cn.checksChildren())) {
        continue;
      }
      int dist = 0;
      int len = 0;
      for (int i = 0; i < m; i++) {
        dist += distance(rest.get(i), cand.get(i));
        len += rest.get(i).length();
      }
      int threshold = Math.max(1, Math.min(MAX_SUGGESTION_DISTANCE, len / 4));
      if (dist <= threshold && dist < bestDist) {
        bestDist = dist;
        List<String> s = new ArrayList<>(path.subList(0, knownDepth));
        s.addAll(cand);
        s.addAll(rest.subList(m, rest.size()));
        best = s;
      }
    }
    if (best != null) {
      return best;
    }
    // a key put at the wrong level: a unique known path that ends with the user's path
    List<List<String>> all = new ArrayList<>();
    collect(root, List.of(), all, new ArrayList<>());
    List<String> found = null;
    for (List<String> cand : all) {
      if (cand.size() > path.size() && endsWithIgnoreCase(cand, path)) {
        if (found != null) {
          return null;
        }
        found = cand;
      }
    }
    return found;
  }

  private static boolean endsWithIgnoreCase(List<String> cand, List<String> path) {
    int off = cand.size() - path.size();
    for (int i = 0; i < path.size(); i++) {
      if (!cand.get(off + i).equalsIgnoreCase(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static void collect(
      Node node, List<String> prefix, List<List<String>> out, List<Node> nodes) {
    for (Map.Entry<String, Node> e : node.children.entrySet()) {
      List<String> p = append(prefix, e.getKey());
      out.add(p);
      nodes.add(e.getValue());
      if (e.getValue().checksChildren()) {
        collect(e.getValue(), p, out, nodes);
      }
    }
  }

  /** Case-insensitive optimal-string-alignment distance; a case-only difference costs 0. */
  static int distance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    if (x.equals(y)) {
      return 0;
    }
    int[][] d = new int[x.length() + 1][y.length() + 1];
    for (int i = 0; i <= x.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= y.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && x.charAt(i - 1) == y.charAt(j - 2)
            && x.charAt(i - 2) == y.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[x.length()][y.length()];
  }

  private static Node ensure(Node root, String path) {
    Node n = root;
    for (Object seg : PathSyntax.parse(path)) {
      if (!(seg instanceof String k)) {
        throw new ValuesException("key schema paths cannot index lists: " + path);
      }
      Node child = n.children.get(k);
      if (child == null) {
        child = new Node();
        n.children.put(k, child);
        n.leaf = false;
      }
      n = child;
    }
    return n;
  }

  private static Node find(Node root, String path) {
    Node n = root;
    for (Object seg : PathSyntax.parse(path)) {
      n = seg instanceof String k ? n.children.get(k) : null;
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  private static List<String> append(List<String> l, String s) {
    List<String> out = new ArrayList<>(l.size() + 1);
    out.addAll(l);
    out.add(s);
    return out;
  }

  private static String format(List<String> path) {
    StringBuilder b = new StringBuilder();
    for (String k : path) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(Trees.escapeKey(k));
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "KeySchema[" + root.children.keySet() + "]";
  }
}
