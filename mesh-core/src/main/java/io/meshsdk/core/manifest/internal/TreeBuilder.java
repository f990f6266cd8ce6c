package io.meshsdk.core.manifest.internal;

import io.meshsdk.core.internal.tree.Frozen;
import io.meshsdk.core.manifest.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds the generic tree of one document straight from SnakeYAML's parser events (no composer, no
 * constructor), applying the manifest rules: string keys, canonical scalars typed, everything
 * ambiguous kept as {@link YamlScalar}, aliases expanded (shared, since the tree is immutable),
 * merge keys applied, and the limits checked. Not thread-safe; one instance per document.
 */
public final class TreeBuilder {

  /** A problem in the document, at a 0-based line and column relative to the document's text. */
  public static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** 0-based line within the document's text. */
    public final int line;

    /** 0-based column. */
    public final int column;

    Problem(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }

    Problem(String message, Mark mark) {
      this(message, mark == null ? 0 : mark.getLine(), mark == null ? 0 : mark.getColumn());
    }
  }

  /**
   * The limits applied to one document.
   *
   * @param maxAliasesForCollections the most aliases to mappings or sequences
   * @param maxNestingDepth the deepest nesting of mappings and sequences
   * @param maxAliasExpansion the most nodes that aliases may add when expanded
   * @param maxAliasExpansionChars the most characters (of keys and scalars) that aliases may add
   *     when expanded, to scalars and collections alike
   */
  public record Limits(
      int maxAliasesForCollections,
      int maxNestingDepth,
      long maxAliasExpansion,
      long maxAliasExpansionChars) {}

  /**
   * A duplicate mapping key that was accepted (the last value wins), when duplicates are allowed.
   *
   * @param key the key
   * @param line 0-based line of the later occurrence
   * @param column 0-based column of the later occurrence
   */
  public record Duplicate(String key, int line, int column) {}

  /**
   * The result of building one document.
   *
   * @param root the frozen tree (null for an empty document or an explicit null)
   * @param empty true when the document has no content (empty or comment-only)
   * @param rootLine 0-based line of the root node
   * @param rootColumn 0-based column of the root node
   * @param duplicates the duplicate keys accepted, in document order (empty unless allowed)
   */
  public record Result(
      Object root, boolean empty, int rootLine, int rootColumn, List<Duplicate> duplicates) {}

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  private static final String MERGE = "tag:yaml.org,2002:merge";
  private static final Object IN_PROGRESS = new Object();

  private final ParserImpl parser;
  private final Limits limits;
  private final String text;
  private final Map<String, Object> anchors = new HashMap<>();
  private final Map<String, Long> anchorWeights = new HashMap<>();
  private final Map<String, String> anchorTexts = new HashMap<>();
  private final List<Duplicate> duplicates; // null: duplicates are errors
  private final Map<String, Long> anchorChars = new HashMap<>();
  private final StreamReader reader;
  private int collectionAliases;
  private long nodes;
  private long chars;
  private long expansion;
  private long expansionChars;

  private TreeBuilder(String text, Limits limits, boolean allowDuplicates) {
    this.duplicates = allowDuplicates ? new ArrayList<>() : null;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    this.reader = new StreamReader(text);
    this.parser = new ParserImpl(reader, options);
    this.limits = limits;
    this.text = text;
  }

  /**
   * Builds the tree of a document's text.
   *
   * @param text the text of exactly one document
   * @param limits the limits
   * @return the tree
   * @throws Problem for malformed YAML or a limit exceeded
   */
  public static Result build(String text, Limits limits) {
    return build(text, limits, false);
  }

  /**
   * Builds the tree of a document's text, optionally accepting duplicate mapping keys as Linkerd
   * (go-yaml) does: the last value wins, in the first key's place.
   *
   * @param text the text of exactly one document
   * @param limits the limits
   * @param allowDuplicates whether duplicate keys are accepted (else they are a problem)
   * @return the tree, with the duplicates accepted
   * @throws Problem for malformed YAML or a limit exceeded
   */
  public static Result build(String text, Limits limits, boolean allowDuplicates) {
    return new TreeBuilder(text, limits, allowDuplicates).document();
  }

  private List<Duplicate> duplicates() {
    return duplicates == null ? List.of() : List.copyOf(duplicates);
  }

  private Result document() {
    try {
      parser.getEvent(); // stream start
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return new Result(null, true, 0, 0, List.of());
      }
      parser.getEvent(); // document start
      Event first = parser.peekEvent();
      boolean empty = isEmptyNode(first);
      Object root = node(1);
      parser.getEvent(); // document end
      if (!parser.checkEvent(Event.ID.StreamEnd)) {
        Event extra = parser.getEvent();
        throw new Problem(
            "expected a single document, but found another one", extra.getStartMark());
      }
      Mark m = first.getStartMark();
      return new Result(root, empty, m.getLine(), m.getColumn(), duplicates());
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null) {
        message = message + " (" + e.getContext() + ")";
      }
      throw new Problem(message, mark);
    } catch (ReaderException e) {
      int[] lc = lineColumn(e.getPosition());
      throw new Problem(
          "special characters are not allowed: #"
              + Integer.toHexString(e.getCodePoint()).toUpperCase(java.util.Locale.ROOT),
          lc[0],
          lc[1]);
    } catch (YAMLException e) {
      throw new Problem(e.getMessage(), 0, 0);
    } catch (Problem e) {
      throw e;
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      // SnakeYAML's scanner lets these escape, e.g. for "\x cut off at the end of the text
      throw new Problem(
          "malformed escape sequence in a double-quoted scalar (\\x, \\u and \\U take 2, 4"
              + " and 8 hexadecimal digits)",
          reader.getMark());
    } catch (StackOverflowError e) {
      throw new Problem("nesting too deep to read", reader.getMark());
    } catch (RuntimeException e) {
      throw new Problem("malformed YAML (" + e.getClass().getSimpleName() + ")", reader.getMark());
    }
  }

  private static boolean isEmptyNode(Event e) {
    if (!(e instanceof ScalarEvent)) {
      return false;
    }
    ScalarEvent s = (ScalarEvent) e;
    return s.isPlain() && s.getValue().isEmpty() && s.getTag() == null && s.getAnchor() == null;
  }

  private int[] lineColumn(int index) {
    int line = 0;
    int col = 0;
    int cp = 0;
    for (int i = 0; i < text.length() && cp < index; i++, cp++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        i++;
      }
      if (c == '\n') {
        line++;
        col = 0;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  private Object node(int depth) {
    Event e = parser.getEvent();
    switch (e.getEventId()) {
      case Scalar:
        {
          nodes++;
          ScalarEvent s = (ScalarEvent) e;
          Object v = scalar(s);
          chars += s.getValue().length();
          String anchor = s.getAnchor();
          if (anchor != null) {
            anchors.put(anchor, v);
            anchorWeights.put(anchor, 1L);
            anchorTexts.put(anchor, s.getValue());
            anchorChars.put(anchor, (long) s.getValue().length());
          }
          return v;
        }
      case Alias:
        return alias((AliasEvent) e);
      case SequenceStart:
        return sequence((CollectionStartEvent) e, depth);
      case MappingStart:
        return mapping((CollectionStartEvent) e, depth);
      default:
        throw new Problem("unexpected " + e.getEventId(), e.getStartMark());
    }
  }

  private Object alias(AliasEvent e) {
    String name = e.getAnchor();
    Object v = anchors.get(name);
    if (v == null && !anchors.containsKey(name)) {
      throw new Problem("undefined alias *" + name, e.getStartMark());
    }
    if (v == IN_PROGRESS) {
      throw new Problem("recursive alias *" + name + " is not supported", e.getStartMark());
    }
    long weight = anchorWeights.get(name);
    if (v instanceof Map || v instanceof List) {
      if (++collectionAliases > limits.maxAliasesForCollections()) {
        throw new Problem(
            "too many aliases to mappings or sequences (more than "
                + limits.maxAliasesForCollections()
                + "): alias expansion is limited against alias bombs",
            e.getStartMark());
      }
      expansion += weight;
      if (expansion > limits.maxAliasExpansion()) {
        throw new Problem(
            "aliases expand to more than "
                + limits.maxAliasExpansion()
                + " nodes: alias expansion is limited against alias bombs",
            e.getStartMark());
      }
    }
    chargeChars(anchorChars.get(name), e.getStartMark());
    nodes += weight;
    chars += anchorChars.get(name);
    return v;
  }

  /** Counts characters an alias adds against the expansion budget. */
  private void chargeChars(long added, Mark mark) {
    expansionChars += added;
    if (expansionChars > limits.maxAliasExpansionChars()) {
      throw new Problem(
          "aliases expand to more than "
              + limits.maxAliasExpansionChars()
              + " characters: alias expansion (of scalars too) is limited against alias bombs",
          mark);
    }
  }

  private void enter(CollectionStartEvent e, int depth) {
    if (depth > limits.maxNestingDepth()) {
      throw new Problem(
          "nesting deeper than " + limits.maxNestingDepth() + " levels", e.getStartMark());
    }
    String tag = e.getTag();
    if (tag != null
        && !tag.equals("!")
        && !tag.equals(TAG_PREFIX + "map")
        && !tag.equals(TAG_PREFIX + "seq")) {
      throw new Problem(
          "tags on mappings and sequences are not supported ("
              + (tag.length() > 100
                  ? YamlEmitter.shorthand(tag.substring(0, 100)) + "…"
                  : YamlEmitter.shorthand(tag))
              + "): the tag would be lost when the document is written",
          e.getStartMark());
    }
    if (e.getAnchor() != null) {
      anchors.put(e.getAnchor(), IN_PROGRESS);
    }
  }

  private Object done(NodeEvent e, Object v, long before, long charsBefore) {
    if (e.getAnchor() != null) {
      anchors.put(e.getAnchor(), v);
      anchorWeights.put(e.getAnchor(), nodes - before);
      anchorChars.put(e.getAnchor(), chars - charsBefore);
      anchorTexts.remove(e.getAnchor());
    }
    return v;
  }

  private Object sequence(CollectionStartEvent e, int depth) {
    enter(e, depth);
    long charsBefore = chars;
    long before = nodes++;
    ArrayList<Object> list = new ArrayList<>();
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      list.add(node(depth + 1));
    }
    parser.getEvent();
    list.trimToSize();
    return done(e, Frozen.list(list), before, charsBefore);
  }

  private Object mapping(CollectionStartEvent e, int depth) {
    enter(e, depth);
    long charsBefore = chars;
    long before = nodes++;
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    List<Object> merges = null;
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event k = parser.getEvent();
      String key;
      boolean merge = false;
      if (k instanceof ScalarEvent) {
        ScalarEvent s = (ScalarEvent) k;
        key = s.getValue();
        merge = MERGE.equals(s.getTag()) || (s.getTag() == null && s.isPlain() && "<<".equals(key));
        if (s.getAnchor() != null) {
          anchors.put(s.getAnchor(), scalar(s));
          anchorWeights.put(s.getAnchor(), 1L);
          anchorTexts.put(s.getAnchor(), key);
          anchorChars.put(s.getAnchor(), (long) key.length());
        }
      } else if (k instanceof AliasEvent) {
        key = anchorTexts.get(((AliasEvent) k).getAnchor());
        if (key == null) {
          alias((AliasEvent) k); // reports undefined or recursive aliases
          throw new Problem(
              "mapping keys must be scalars, but *"
                  + ((AliasEvent) k).getAnchor()
                  + " is a mapping or sequence",
              k.getStartMark());
        }
        chargeChars(key.length(), k.getStartMark());
      } else {
        throw new Problem(
            "mapping keys must be scalars (complex keys are not supported)", k.getStartMark());
      }
      nodes++;
      chars += key.length();
      Object value = node(depth + 1);
      if (merge) {
        if (merges == null) {
          merges = new ArrayList<>(2);
        }
        addMerge(merges, value, k.getStartMark());
        continue;
      }
      int size = map.size();
      map.put(key, value);
      if (map.size() == size) {
        if (duplicates == null) {
          throw new Problem("duplicate key \"" + key + "\"", k.getStartMark());
        }
        duplicates.add(
            new Duplicate(key, k.getStartMark().getLine(), k.getStartMark().getColumn()));
      }
    }
    parser.getEvent();
    if (merges != null) {
      LinkedHashMap<String, Object> merged = new LinkedHashMap<>();
      for (Object m : merges) {
        for (Map.Entry<?, ?> en : ((Map<?, ?>) m).entrySet()) {
          merged.putIfAbsent((String) en.getKey(), en.getValue());
        }
      }
      merged.putAll(map);
      map = merged;
    }
    return done(e, Frozen.map(map), before, charsBefore);
  }

  private static void addMerge(List<Object> merges, Object value, Mark mark) {
    if (value instanceof Map) {
      merges.add(value);
    } else if (value instanceof List) {
      for (Object item : (List<?>) value) {
        if (!(item instanceof Map)) {
          throw new Problem("a merge key (<<) takes a mapping or a sequence of mappings", mark);
        }
        merges.add(item);
      }
    } else {
      throw new Problem("a merge key (<<) takes a mapping or a sequence of mappings", mark);
    }
  }

  private static Object scalar(ScalarEvent s) {
    String tag = s.getTag();
    String v = s.getValue();
    if (tag == null) {
      return s.isPlain() ? Scalars.plain(v) : v;
    }
    if (tag.equals("!") || tag.equals(TAG_PREFIX + "str")) {
      return v;
    }
    if (tag.startsWith(TAG_PREFIX)) {
      switch (tag.substring(TAG_PREFIX.length())) {
        case "null":
          if (v.isEmpty() || v.equals("~") || v.equalsIgnoreCase("null")) {
            return null;
          }
          break;
        case "bool":
          if (v.equals("true") || v.equals("True") || v.equals("TRUE")) {
            return Boolean.TRUE;
          }
          if (v.equals("false") || v.equals("False") || v.equals("FALSE")) {
            return Boolean.FALSE;
          }
          break;
        case "int":
          if (!v.isEmpty()) {
            Number n = Scalars.canonicalInteger(v);
            if (n != null) {
              return n;
            }
          }
          break;
        default:
          break;
      }
    }
    return YamlScalar.tagged(tag, v);
  }
}
