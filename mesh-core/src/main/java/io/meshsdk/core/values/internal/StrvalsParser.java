package io.meshsdk.core.values.internal;

import io.meshsdk.core.internal.go.GoJson;
import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.values.SetFileReader;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.core.values.ValuesException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line-by-line port of Helm v3.21.4 {@code pkg/strvals} ({@code parser.go} and {@code
 * literal_parser.go}) onto mutable Java trees. The structure (key, listItem, valList, emptyVal,
 * setIndex) and the order of every check follow the Go code, because the exact behaviour on odd
 * input (which errors win, what a half-written path leaves behind) lives in that order. Not API.
 */
public final class StrvalsParser {
  /** Largest list index Helm accepts. */
  static final long MAX_INDEX = 65536;

  /** Deepest dotted nesting Helm accepts. */
  static final int MAX_NESTED_NAME_LEVEL = 30;

  private static final int EOF = -1;

  /** The estimated bytes of one list slot or map entry, for the {@link Budget}. */
  static final long CELL_BYTES = 16;

  /**
   * What the {@code --set*} arguments of one values build may create, in estimated bytes: list
   * slots (indices pad lists with nulls) and map entries at {@link #CELL_BYTES} each, strings and
   * file contents at their length. Helm has no such limit; {@code a[65536][65536]…} would make
   * billions of slots. Shared by every argument of a build. Not thread-safe.
   */
  public static final class Budget {
    /** The default budget: 16 MiB (a million list slots; the values file limit alike). */
    public static final long DEFAULT_BYTES = 16L << 20;

    private final long limit;
    private long used;

    /**
     * A budget of {@code limit} estimated bytes.
     *
     * @param limit the limit
     */
    public Budget(long limit) {
      this.limit = limit;
    }

    /**
     * A budget of {@link #DEFAULT_BYTES}.
     *
     * @return the budget
     */
    public static Budget standard() {
      return new Budget(DEFAULT_BYTES);
    }

    boolean charge(long bytes) {
      if (bytes > limit - used) {
        return false;
      }
      used += bytes;
      return true;
    }

    long limit() {
      return limit;
    }
  }

  private final SetFlag flag;
  private final String input;
  private final Map<String, Object> data;
  private final SetFileReader reader;
  private final boolean literal;
  private final Budget budget;
  private int pos;
  private int lastStart = -1;
  private int level;

  private StrvalsParser(
      SetFlag flag, String input, Map<String, Object> data, SetFileReader reader, Budget budget) {
    this.flag = flag;
    this.input = input;
    this.data = data;
    this.reader = reader;
    this.literal = flag == SetFlag.SET_LITERAL;
    this.budget = budget;
  }

  /**
   * Parses one raw argument of the given kind into {@code data} (modified in place).
   *
   * @param flag the kind
   * @param input the raw argument
   * @param data the mutable tree to write into
   * @param reader reads {@code --set-file} paths
   * @throws ValuesException when Helm would refuse the argument
   */
  public static void apply(
      SetFlag flag, String input, Map<String, Object> data, SetFileReader reader) {
    apply(flag, input, data, reader, Budget.standard());
  }

  /**
   * Parses one raw argument into {@code data}, charging what it creates to {@code budget}.
   *
   * @param flag the kind
   * @param input the raw argument
   * @param data the mutable tree to write into
   * @param reader reads {@code --set-file} paths
   * @param budget what the arguments of this build may still create
   * @throws ValuesException when Helm would refuse the argument, when it nests deeper than {@link
   *     Trees#MAX_DEPTH} levels, or when it would exceed the budget
   */
  public static void apply(
      SetFlag flag, String input, Map<String, Object> data, SetFileReader reader, Budget budget) {
    new StrvalsParser(flag, input, data, reader, budget).parse();
  }

  private void charge(long bytes) {
    if (!budget.charge(bytes)) {
      throw fail(
          "the values the --set arguments create exceed the budget of "
              + (budget.limit() >> 20)
              + " MiB (list indices pad lists with nulls)");
    }
  }

  /** One level deeper (a list index or a dotted key); refused past {@link Trees#MAX_DEPTH}. */
  private void deeper() {
    if (++level > Trees.MAX_DEPTH) {
      throw fail("nesting deeper than " + Trees.MAX_DEPTH + " levels (the values limit)");
    }
  }

  // ---------------------------------------------------------------- scanner

  private int readRune() {
    if (pos >= input.length()) {
      lastStart = -1;
      return EOF;
    }
    int c = input.codePointAt(pos);
    lastStart = pos;
    pos += Character.charCount(c);
    return c;
  }

  private void unreadRune() {
    if (lastStart >= 0) {
      pos = lastStart;
      lastStart = -1;
    }
  }

  /** What {@code runesUntil} returns: the text read, the stop rune, and whether input ended. */
  private record Runes(String text, int last, boolean eof) {}

  private Runes runesUntil(String stop) {
    StringBuilder v = new StringBuilder();
    while (true) {
      int r = readRune();
      if (r == EOF) {
        return new Runes(v.toString(), EOF, true);
      }
      if (stop.indexOf(r) >= 0) {
        return new Runes(v.toString(), r, false);
      }
      if (r == '\\' && !literal) {
        int next = readRune();
        if (next == EOF) {
          return new Runes(v.toString(), EOF, true);
        }
        v.appendCodePoint(next);
      } else {
        v.appendCodePoint(r);
      }
    }
  }

  private ValuesException fail(String reason) {
    return new ValuesException(flag, input, input.codePointCount(0, pos), reason, null);
  }

  private ValuesException fail(String reason, int charIndex, Throwable cause) {
    return new ValuesException(
        flag,
        input,
        input.codePointCount(0, Math.min(charIndex, input.length())) + 1,
        reason,
        cause);
  }

  // ---------------------------------------------------------------- grammar

  private void parse() {
    while (true) {
      if (key(data, 0)) {
        return;
      }
    }
  }

  /**
   * Go's {@code key}: returns true where Go returns {@code io.EOF}, false where it returns nil, and
   * throws where it returns any other error.
   */
  private boolean key(Map<String, Object> data, int nestedNameLevel) {
    deeper();
    try {
      return keyAtLevel(data, nestedNameLevel);
    } finally {
      level--;
    }
  }

  private boolean keyAtLevel(Map<String, Object> data, int nestedNameLevel) {
    Runes r = runesUntil(literal ? "=[." : "=[,.");
    String k = r.text();
    if (r.eof()) {
      if (k.isEmpty()) {
        return true;
      }
      throw fail("key " + GoText.quote(k) + " has no value");
    }
    switch (r.last()) {
      case '[':
        {
          long i = keyIndex();
          List<Object> list = new ArrayList<>();
          if (data.containsKey(k)) {
            list = asList(data.get(k), k);
          }
          ListItem li = listItem(list, i, nestedNameLevel);
          set(data, k, li.list());
          return li.eof();
        }
      case '=':
        if (literal) {
          set(data, k, rest());
          return false;
        }
        if (flag == SetFlag.SET_JSON) {
          if (emptyVal()) {
            set(data, k, null);
            return false;
          }
          set(data, k, decodeJson());
          emptyVal();
          return false;
        }
        {
          ValList vl = valList();
          switch (vl.kind()) {
            case LIST:
              set(data, k, vl.list());
              return false;
            case EOF:
              set(data, k, "");
              return true;
            default:
              Runes v = runesUntil(",");
              set(data, k, read(v.text()));
              return false;
          }
        }
      case ',':
        set(data, k, "");
        throw fail("key " + GoText.quote(k) + " has no value (cannot end with ,)");
      case '.':
        {
          nestedNameLevel++;
          if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
            throw fail(
                "value name nested level is greater than maximum supported nested level of "
                    + MAX_NESTED_NAME_LEVEL);
          }
          Map<String, Object> inner = new LinkedHashMap<>();
          if (data.containsKey(k)) {
            inner = asMap(data.get(k), k);
          }
          int dot = pos;
          boolean eof = key(inner, nestedNameLevel);
          if (!eof && inner.isEmpty()) {
            // point at the '.' after the key whose map stayed empty
            throw fail("key map " + GoText.quote(k) + " has no value", dot - 1, null);
          }
          if (!inner.isEmpty()) {
            set(data, k, inner);
          }
          return eof;
        }
      default:
        throw fail("parse error: unexpected token " + new String(Character.toChars(r.last())));
    }
  }

  private record ListItem(List<Object> list, boolean eof) {}

  private ListItem listItem(List<Object> list, long i, int nestedNameLevel) {
    deeper();
    try {
      return listItemAtLevel(list, i, nestedNameLevel);
    } finally {
      level--;
    }
  }

  private ListItem listItemAtLevel(List<Object> list, long i, int nestedNameLevel) {
    if (i < 0) {
      throw fail("negative " + i + " index not allowed");
    }
    Runes r = runesUntil("[.=");
    if (!r.text().isEmpty()) {
      throw fail("unexpected data at end of array index: " + GoText.quoteRunes(r.text()));
    }
    if (r.eof()) {
      return new ListItem(list, true);
    }
    switch (r.last()) {
      case '=':
        if (literal) {
          return new ListItem(setIndex(list, i, rest()), false);
        }
        if (flag == SetFlag.SET_JSON) {
          if (emptyVal()) {
            return new ListItem(setIndex(list, i, null), false);
          }
          int before = pos;
          Object json = decodeJson();
          int after = pos;
          pos = before; // Go calls setIndex before discarding the decoded text
          List<Object> l = setIndex(list, i, json);
          pos = after;
          emptyVal();
          return new ListItem(l, false);
        }
        {
          ValList vl = valList();
          switch (vl.kind()) {
            case LIST:
              return new ListItem(setIndex(list, i, vl.list()), false);
            case EOF:
              return new ListItem(setIndex(list, i, ""), false);
            default:
              Runes v = runesUntil(",");
              Object value = read(v.text());
              return new ListItem(setIndex(list, i, value), false);
          }
        }
      case '[':
        {
          long nextI = keyIndex();
          List<Object> crtList = new ArrayList<>();
          if (list.size() > i) {
            Object existed = list.get((int) i);
            if (existed != null) {
              crtList = asList(existed, "[" + i + "]");
            }
          }
          ListItem nested = listItem(crtList, nextI, nestedNameLevel);
          if (nested.eof()) {
            return new ListItem(list, true);
          }
          return new ListItem(setIndex(list, i, nested.list()), false);
        }
      case '.':
        {
          Map<String, Object> inner = new LinkedHashMap<>();
          if (list.size() > i) {
            if (list.get((int) i) instanceof Map<?, ?> m) {
              inner = castMap(m);
            } else {
              // indices out of order: Helm silently replaces the element with an empty map
              list.set((int) i, inner);
            }
          }
          boolean eof = key(inner, nestedNameLevel);
          if (eof) {
            return new ListItem(list, true);
          }
          return new ListItem(setIndex(list, i, inner), false);
        }
      default:
        throw fail("parse error: unexpected token " + new String(Character.toChars(r.last())));
    }
  }

  private List<Object> setIndex(List<Object> list, long index, Object val) {
    if (index < 0) {
      throw fail("negative " + index + " index not allowed");
    }
    if (index > MAX_INDEX) {
      throw fail("index of " + index + " is greater than maximum supported index of " + MAX_INDEX);
    }
    if (list.size() <= index) {
      charge((index + 1 - list.size()) * CELL_BYTES);
    }
    while (list.size() <= index) {
      list.add(null);
    }
    list.set((int) index, val);
    return list;
  }

  private long keyIndex() {
    Runes r = runesUntil("]");
    if (r.eof()) {
      throw fail("error parsing index: missing ']'");
    }
    String v = r.text();
    if (!isSignedDigits(v)) {
      throw fail("error parsing index: " + GoText.quote(v) + " is not an integer");
    }
    BigInteger b = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
    if (b.bitLength() >= 64) {
      throw fail("error parsing index: " + GoText.quote(v) + " is out of range");
    }
    return b.longValue();
  }

  private static boolean isSignedDigits(String v) {
    int start = !v.isEmpty() && (v.charAt(0) == '+' || v.charAt(0) == '-') ? 1 : 0;
    if (start == v.length()) {
      return false;
    }
    for (int i = start; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code emptyVal}: skips blanks; true at end of input or after a comma. */
  private boolean emptyVal() {
    while (true) {
      int r = readRune();
      if (r == EOF || r == ',') {
        return true;
      }
      if (!isGoSpace(r)) {
        unreadRune();
        return false;
      }
    }
  }

  private Object decodeJson() {
    try {
      GoJson.Decoded d = GoJson.decode(input, pos, Trees.MAX_DEPTH - level);
      pos = d.end();
      return d.value();
    } catch (GoJson.SyntaxError e) {
      throw fail(e.getMessage(), e.offset(), e);
    }
  }

  private enum ValListKind {
    LIST,
    EOF,
    NOT_LIST
  }

  private record ValList(ValListKind kind, List<Object> list) {}

  private ValList valList() {
    int r = readRune();
    if (r == EOF) {
      return new ValList(ValListKind.EOF, null);
    }
    if (r != '{') {
      unreadRune();
      return new ValList(ValListKind.NOT_LIST, null);
    }
    List<Object> list = new ArrayList<>();
    while (true) {
      Runes rs = runesUntil(",}");
      if (rs.eof()) {
        throw fail("list must terminate with '}'");
      }
      if (rs.last() == '}') {
        int next = readRune();
        if (next != EOF && next != ',') {
          unreadRune();
        }
        charge(CELL_BYTES);
        list.add(read(rs.text()));
        return new ValList(ValListKind.LIST, list);
      }
      charge(CELL_BYTES);
      list.add(read(rs.text()));
    }
  }

  /** The whole rest of the input (set-literal values). */
  private String rest() {
    String s = input.substring(pos);
    pos = input.length();
    return s;
  }

  /** The mode's value reader: typed, string, or file contents. */
  private Object read(String text) {
    switch (flag) {
      case SET:
        return typedVal(text);
      case SET_FILE:
        try {
          String contents = reader.read(text);
          charge(contents.length());
          return contents;
        } catch (IOException e) {
          String why = e.getMessage();
          throw new ValuesException(
              flag,
              input,
              input.codePointCount(0, pos),
              why == null ? "cannot read " + GoText.quote(text) : why,
              e); // cause: not syntax
        }
      default:
        return text;
    }
  }

  /**
   * Helm's {@code typedVal} for {@code --set}: booleans and null in any letter case, {@code 0}, and
   * base-10 int64 text that does not start with {@code 0}; everything else stays a string.
   *
   * @param p the text
   * @return Boolean, null, Long or the text
   */
  public static Object typedVal(String p) {
    if (p.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (p.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    if (p.equalsIgnoreCase("null")) {
      return null;
    }
    if (p.equals("0")) {
      return 0L;
    }
    if (!p.isEmpty() && p.charAt(0) != '0' && isAsciiInt(p)) {
      BigInteger b = new BigInteger(p.charAt(0) == '+' ? p.substring(1) : p);
      if (b.bitLength() < 64) {
        return b.longValue();
      }
    }
    return p;
  }

  private static boolean isAsciiInt(String p) {
    int start = (p.charAt(0) == '+' || p.charAt(0) == '-') ? 1 : 0;
    if (start == p.length()) {
      return false;
    }
    for (int i = start; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isGoSpace(int r) {
    switch (r) {
      case '\t',
      '\n',
      0x0B,
      '\f',
      '\r',
      ' ',
      0x85,
      0xA0,
      0x1680,
      0x2028,
      0x2029,
      0x202F,
      0x205F,
      0x3000:
        return true;
      default:
        return r >= 0x2000 && r <= 0x200A;
    }
  }

  private void set(Map<String, Object> data, String key, Object val) {
    if (key.isEmpty()) {
      return;
    }
    if (!data.containsKey(key)) {
      charge(CELL_BYTES + key.length());
    }
    data.put(key, val);
  }

  private List<Object> asList(Object o, String key) {
    if (o instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) l;
      return list;
    }
    throw fail("unable to parse key: " + GoText.quote(key) + " is " + describe(o) + ", not a list");
  }

  private Map<String, Object> asMap(Object o, String key) {
    if (o instanceof Map<?, ?> m) {
      return castMap(m);
    }
    throw fail("unable to parse key: " + GoText.quote(key) + " is " + describe(o) + ", not a map");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /**
   * A short description of a value's type for messages: {@code null}, {@code a map}, ….
   *
   * @param o the value
   * @return the description
   */
  public static String describe(Object o) {
    if (o == null) {
      return "null";
    }
    if (o instanceof Map<?, ?>) {
      return "a map";
    }
    if (o instanceof List<?>) {
      return "a list";
    }
    if (o instanceof String) {
      return "a string";
    }
    if (o instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }
}
