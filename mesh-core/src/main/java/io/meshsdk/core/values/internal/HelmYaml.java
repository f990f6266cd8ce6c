package io.meshsdk.core.values.internal;

import io.meshsdk.core.internal.YamlBudget;
import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.values.ValuesException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Values files as Helm reads them (sigs.k8s.io/yaml over go-yaml v2) and block-style YAML output.
 *
 * <p>Plain scalars resolve with go-yaml v2's rules, not SnakeYAML's: {@code y}/{@code n}/{@code
 * yes}/{@code on}/… are booleans, {@code ~}/{@code null}/empty are null, integers may be written in
 * base 10, {@code 0x}, {@code 0o}, {@code 0b} or with a leading {@code 0} (octal), underscores are
 * ignored, there are no sexagesimal numbers. Integers become {@code Integer} or {@code Long}
 * (larger ones {@code Double}), floats {@code Double}. Timestamps stay strings as written (Helm
 * would turn {@code 2001-12-14} into {@code "2001-12-14T00:00:00Z"}). Non-string map keys become
 * strings as sigs.k8s.io/yaml makes them ({@code true}, {@code 1}). Only the first document of a
 * stream is read, as Helm does. Not API.
 */
public final class HelmYaml {
  private static final Tag PLAIN = new Tag("tag:mesh-sdk.io,2025:plain");
  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern DOT_FLOAT = Pattern.compile("^\\.[0-9]+([eE][-+]?[0-9]+)?$");
  private static final Object NULL = new Object();
  private static final Map<String, Object> RESOLVE_MAP = new LinkedHashMap<>();

  static {
    for (String s :
        new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
      RESOLVE_MAP.put(s, Boolean.TRUE);
    }
    for (String s :
        new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
      RESOLVE_MAP.put(s, Boolean.FALSE);
    }
    for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
      RESOLVE_MAP.put(s, NULL);
    }
    for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
      RESOLVE_MAP.put(s, Double.NaN);
    }
    for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      RESOLVE_MAP.put(s, Double.POSITIVE_INFINITY);
    }
    for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
      RESOLVE_MAP.put(s, Double.NEGATIVE_INFINITY);
    }
  }

  private HelmYaml() {}

  /**
   * Reads a values document (YAML or JSON) into a mutable tree with string keys.
   *
   * @param text the document text
   * @param source the source name for messages
   * @return the top-level map; empty for an empty document or {@code null}
   * @throws ValuesException naming the source, line and column for malformed input, or when the top
   *     level is not a map
   */
  public static Map<String, Object> load(String text, String source) {
    LoaderOptions lo = new LoaderOptions();
    lo.setAllowDuplicateKeys(true);
    lo.setMaxAliasesForCollections(200);
    lo.setNestingDepthLimit(1000);
    lo.setCodePointLimit(256 * 1024 * 1024);
    DumperOptions dop = new DumperOptions();
    Yaml yaml =
        new Yaml(new PlainConstructor(lo), new Representer(dop), dop, lo, new LoadResolver());
    Object doc;
    try {
      YamlBudget.check(text, YamlBudget.MAX_NODES, YamlBudget.MAX_CHARS);
      Iterator<Object> docs = yaml.loadAll(text).iterator();
      doc = docs.hasNext() ? docs.next() : null;
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where =
          m == null ? "" : ": line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : oneLine(e.getMessage());
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      throw new ValuesException(source + where + ": " + oneLine(problem) + context, e);
    } catch (YAMLException e) {
      throw new ValuesException(source + ": " + oneLine(e.getMessage()), e);
    } catch (YamlBudget.Problem e) {
      throw new ValuesException(source + ": " + e.where() + ": " + e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new ValuesException(
          source + ": malformed YAML (" + e.getClass().getSimpleName() + ")", e);
    }
    if (doc == null) {
      return new LinkedHashMap<>();
    }
    if (!(doc instanceof Map<?, ?> m)) {
      throw new ValuesException(
          source
              + ": a values file must hold a map at the top level, found "
              + StrvalsParser.describe(doc));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) stringKeys(m, source, "");
    return out;
  }

  private static String oneLine(String s) {
    return s == null ? "malformed YAML" : s.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private static Object stringKeys(Object v, String source, String path) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = keyString(e.getKey(), source, path);
        out.put(k, stringKeys(e.getValue(), source, Trees.child(path, k)));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(stringKeys(l.get(i), source, path + "[" + i + "]"));
      }
      return out;
    }
    return v;
  }

  private static String keyString(Object k, String source, String path) {
    if (k instanceof String s) {
      return s;
    }
    if (k instanceof Boolean || k instanceof Integer || k instanceof Long) {
      return k.toString();
    }
    if (k instanceof Double d) {
      if (d.isNaN()) {
        return ".nan";
      }
      if (d.isInfinite()) {
        return d > 0 ? ".inf" : "-.inf";
      }
      return GoText.formatFloat(d);
    }
    throw new ValuesException(
        source
            + ": unsupported map key "
            + (k == null ? "null" : "of type " + k.getClass().getSimpleName())
            + (path.isEmpty() ? "" : " under " + path));
  }

  /**
   * Resolves a plain (unquoted) scalar with go-yaml v2's rules.
   *
   * @param in the scalar text
   * @return null, Boolean, Integer, Long, Double or the text itself
   */
  public static Object resolvePlain(String in) {
    char c0 = in.isEmpty() ? 'N' : in.charAt(0);
    char hint;
    if (c0 == '+' || c0 == '-') {
      hint = 'S';
    } else if (c0 >= '0' && c0 <= '9') {
      hint = 'D';
    } else if ("yYnNtTfFoO~".indexOf(c0) >= 0) {
      hint = 'M';
    } else if (c0 == '.') {
      hint = '.';
    } else {
      return in;
    }
    if (RESOLVE_MAP.containsKey(in)) {
      Object v = RESOLVE_MAP.get(in);
      return v == NULL ? null : v;
    }
    switch (hint) {
      case '.':
        return DOT_FLOAT.matcher(in).matches() ? (Object) Double.parseDouble(in) : in;
      case 'D':
      case 'S':
        {
          String plain = in.replace("_", "");
          BigInteger iv = parseGoInt(plain, true);
          if (iv != null && iv.bitLength() < 64) {
            long l = iv.longValue();
            return l == (int) l ? (Object) (int) l : (Object) l;
          }
          BigInteger uv = parseGoInt(plain, false);
          if (uv != null && uv.signum() >= 0 && uv.bitLength() <= 64) {
            return uv.doubleValue();
          }
          if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            return Double.parseDouble(plain);
          }
          return in;
        }
      default:
        return in;
    }
  }

  /** Go's strconv.ParseInt/ParseUint with base 0, without the range check. */
  private static BigInteger parseGoInt(String s, boolean signed) {
    if (s.isEmpty()) {
      return null;
    }
    boolean neg = false;
    if (signed && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
      if (s.isEmpty()) {
        return null;
      }
    }
    int base = 10;
    if (s.charAt(0) == '0') {
      char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
      if (p == 'b') {
        base = 2;
        s = s.substring(2);
      } else if (p == 'o') {
        base = 8;
        s = s.substring(2);
      } else if (p == 'x') {
        base = 16;
        s = s.substring(2);
      } else {
        base = 8;
        s = s.substring(1);
      }
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d =
          c >= '0' && c <= '9'
              ? c - '0'
              : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
      if (d >= base) {
        return null;
      }
    }
    BigInteger v = s.isEmpty() ? BigInteger.ZERO : new BigInteger(s, base);
    return neg ? v.negate() : v;
  }

  /**
   * Writes a values tree as block-style YAML: key order kept, strings that would read back as
   * something else quoted, multi-line strings as literal blocks, integral doubles as integers.
   *
   * @param tree the tree
   * @return the YAML text, ending with a newline
   */
  public static String dump(Object tree) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(0);
    o.setWidth(Integer.MAX_VALUE);
    o.setSplitLines(false);
    o.setAllowUnicode(true);
    o.setLineBreak(DumperOptions.LineBreak.UNIX);
    LoaderOptions lo = new LoaderOptions();
    Yaml yaml =
        new Yaml(new SafeConstructor(lo), new HelmRepresenter(o), o, lo, new DumpResolver());
    return yaml.dump(tree);
  }

  private static final class LoadResolver extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar && implicit) {
        return "<<".equals(value) ? Tag.MERGE : PLAIN;
      }
      return super.resolve(kind, value, implicit);
    }
  }

  private static final class DumpResolver extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      Tag t = super.resolve(kind, value, implicit);
      if (kind == NodeId.scalar && implicit && Tag.STR.equals(t)) {
        Object v = resolvePlain(value);
        if (v == null) {
          return Tag.NULL;
        }
        if (v instanceof Boolean) {
          return Tag.BOOL;
        }
        if (v instanceof Double) {
          return Tag.FLOAT;
        }
        if (!(v instanceof String)) {
          return Tag.INT;
        }
      }
      return t;
    }
  }

  private static final class PlainConstructor extends SafeConstructor {
    PlainConstructor(LoaderOptions lo) {
      super(lo);
      this.yamlConstructors.put(PLAIN, new ConstructPlain());
    }

    private static final class ConstructPlain extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        return resolvePlain(((ScalarNode) node).getValue());
      }
    }
  }

  /**
   * Whether a string holds a character a YAML reader would not give back from a plain or block
   * scalar: CR, NEL, LS, PS (line breaks to YAML 1.1) and the byte-order mark. Such strings are
   * written double-quoted, where the emitter escapes them.
   */
  static boolean hasBreakLike(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r'
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || c == '\uFEFF'
          || (c >= '\u0080' && c <= '\u009F')) {
        return true;
      }
    }
    return false;
  }

  private static final class HelmRepresenter extends Representer {
    HelmRepresenter(DumperOptions o) {
      super(o);
      this.representers.put(String.class, new RepresentHelmString());
      this.representers.put(Double.class, new RepresentHelmDouble());
    }

    private final class RepresentHelmString implements Represent {
      @Override
      public Node representData(Object data) {
        String s = (String) data;
        if (!StreamReader.isPrintable(s) || hasBreakLike(s)) {
          return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        }
        if (s.indexOf('\n') >= 0) {
          return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL);
        }
        return representScalar(Tag.STR, s);
      }
    }

    private final class RepresentHelmDouble implements Represent {
      @Override
      public Node representData(Object data) {
        double d = (Double) data;
        if (Double.isNaN(d)) {
          return representScalar(Tag.FLOAT, ".nan");
        }
        if (Double.isInfinite(d)) {
          return representScalar(Tag.FLOAT, d > 0 ? ".inf" : "-.inf");
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
          return representScalar(Tag.INT, new BigDecimal(d).toBigInteger().toString());
        }
        return representScalar(Tag.FLOAT, GoText.formatFloat(d));
      }
    }
  }
}
