package io.meshsdk.core.manifest.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Writes a changed document as its original text plus edits: a structural diff of the tree as read
 * and the new tree, mapped onto the positions (SnakeYAML marks) of the original text. Entries and
 * items that stay equal as data are kept byte for byte (whatever their key order in the new tree),
 * new mapping keys go after their predecessor in the new tree's order (so existing keys keep their
 * place), removed ones are cut as whole lines, changed scalars are replaced in place (keeping their
 * quoting style), and new parts are rendered in the document's own style: its indentation width,
 * its sequence indentation, its line ends, flow style inside flow collections and JSON in a JSON
 * document. An alias whose value must change is expanded in place (the anchor is left intact).
 *
 * <p>The patcher declines (and says why) where a text edit would not be safe, e.g. a change of the
 * root's type, a changed node that carries an anchor, a merge key ({@code <<}) that must change, or
 * a complex key; the caller then re-emits the document. Whenever the edit is not plainly safe
 * (anchors, aliases, merge keys, flow collections, JSON, block scalars) the patched text is read
 * back and compared with the new tree, and the patcher declines when they differ.
 *
 * <p>Linear in the document's size (one parse, one pass). Not thread-safe; one instance per
 * document.
 */
public final class TextPatcher {

  /** When the patched text is read back and compared with the new tree. */
  public enum Verify {
    /** Always (tests, or where the cost does not matter). */
    ALWAYS,
    /** Only when the edit touched something not plainly safe. */
    WHEN_RISKY
  }

  /**
   * One replacement of the original characters {@code [start, end)}.
   *
   * @param start first character replaced (0-based, in the document's text)
   * @param end end of the replaced characters (exclusive); equal to start for an insertion
   * @param text the new characters
   */
  public record Splice(int start, int end, String text) {}

  /**
   * The outcome: the patched text and its splices, or the reason the patcher declined.
   *
   * @param text the patched text, null when declined
   * @param splices the splices in text order, empty when declined or when nothing changed
   * @param declined why the patcher declined, null when it did not
   */
  public record Outcome(String text, List<Splice> splices, String declined) {
    /**
     * Whether the document could be patched.
     *
     * @return true when {@link #text()} holds the patched text
     */
    public boolean patched() {
      return declined == null;
    }
  }

  private static final String MERGE = "tag:yaml.org,2002:merge";
  private static final int SCALAR = 0;
  private static final int ALIAS = 1;
  private static final int MAP = 2;
  private static final int SEQ = 3;

  /** The exception that unwinds a patch the patcher declines. */
  private static final class Declined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Declined(String why) {
      super(why, null, false, false);
    }
  }

  /** Where a node sits in its parent. */
  private static final class Slot {
    static final Slot ROOT = new Slot(0, -1, -1, false);
    final int kind; // 0 root, 1 block mapping value, 2 block sequence item, 3 flow
    final int col; // key column (1), item content column (2)
    final int keyEnd; // end of the key (1)
    final boolean json;

    Slot(int kind, int col, int keyEnd, boolean json) {
      this.kind = kind;
      this.col = col;
      this.keyEnd = keyEnd;
      this.json = json;
    }
  }

  /** What a visited node looked like. */
  private static final class Node {
    int kind;
    int start;
    int end;
    boolean flow;
    int firstCol = -1; // column of the first key or item content (block)
    int firstStart = -1; // offset of the first key or item content
  }

  private record Pending(int start, int end, Supplier<String> text) {}

  private final String text;
  private final Object newRoot;
  private final boolean sameIndex; // code point index == char index
  private final ParserImpl parser;
  private final List<Pending> pending = new ArrayList<>();
  private int cpIndex;
  private int charIndex;
  private boolean risky;

  /** Whether parsing may stop once the last edit is placed (no anchors, aliases or merges). */
  private final boolean earlyStop;

  /** Set when parsing stopped early: every open node returns without reading further. */
  private boolean stopped;

  private boolean json;
  private StyledRenderer renderer;
  private String eol;

  private TextPatcher(String text, Object newRoot) {
    this.text = text;
    this.newRoot = newRoot;
    this.sameIndex = text.codePointCount(0, text.length()) == text.length();
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    this.parser = new ParserImpl(new StreamReader(text), options);
    this.earlyStop = text.indexOf('&') < 0 && text.indexOf('*') < 0 && !text.contains("<<");
  }

  /**
   * Patches a document's text from its tree as read to a new tree.
   *
   * @param text the document's source text (exactly one document)
   * @param oldRoot the tree as read from that text
   * @param newRoot the new tree
   * @param verify when to read the patched text back
   * @return the outcome; the text itself (no splices) when the trees are equal as data
   */
  public static Outcome patch(String text, Object oldRoot, Object newRoot, Verify verify) {
    if (Objects.equals(oldRoot, newRoot)) {
      return new Outcome(text, List.of(), null);
    }
    if (!(oldRoot instanceof Map) || !(newRoot instanceof Map)) {
      return new Outcome(null, List.of(), "the document's root is not a mapping before and after");
    }
    try {
      return new TextPatcher(text, newRoot).run(oldRoot, verify);
    } catch (Declined e) {
      return new Outcome(null, List.of(), e.getMessage());
    } catch (YAMLException | IllegalArgumentException | ClassCastException e) {
      return new Outcome(null, List.of(), "the source text cannot be patched: " + e.getMessage());
    }
  }

  private Outcome run(Object oldRoot, Verify verify) {
    parser.getEvent(); // stream start
    parser.getEvent(); // document start
    visit(oldRoot, newRoot, Slot.ROOT, true);
    List<Splice> splices = new ArrayList<>(pending.size());
    pending.sort(
        (a, b) ->
            a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(a.end, b.end));
    StringBuilder out = new StringBuilder(text.length() + 256);
    int at = 0;
    for (Pending p : pending) {
      if (p.start < at) {
        throw new Declined("two edits of the document overlap");
      }
      String t = p.text.get();
      if (crlf()) {
        t = t.replace("\n", "\r\n");
      }
      out.append(text, at, p.start).append(t);
      at = p.end;
      splices.add(new Splice(p.start, p.end, t));
    }
    out.append(text, at, text.length());
    String patched = out.toString();
    if (verify == Verify.ALWAYS || risky) {
      Object back;
      try {
        back =
            TreeBuilder.build(
                    patched, new TreeBuilder.Limits(1000, 1000, Long.MAX_VALUE, Long.MAX_VALUE))
                .root();
      } catch (TreeBuilder.Problem e) {
        throw new Declined("the patched text does not read back: " + e.getMessage());
      }
      if (!Objects.equals(back, newRoot)) {
        throw new Declined("the patched text does not read back as the new tree");
      }
    }
    return new Outcome(patched, List.copyOf(splices), null);
  }

  // --------------------------------------------------------------------------------- positions

  private int at(Mark m) {
    int cp = m.getIndex();
    if (sameIndex) {
      return cp;
    }
    charIndex = text.offsetByCodePoints(charIndex, cp - cpIndex);
    cpIndex = cp;
    return charIndex;
  }

  private int lineStart(int pos) {
    int i = pos;
    while (i > 0 && text.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  /** The start of the line after the one holding {@code pos} (pos itself at a line start). */
  private int lineEndAfter(int pos) {
    if (pos > 0 && text.charAt(pos - 1) == '\n') {
      return pos;
    }
    int nl = text.indexOf('\n', pos);
    return nl < 0 ? text.length() : nl + 1;
  }

  private boolean startsLine(int pos) {
    for (int i = pos - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (c != ' ') {
        return false;
      }
    }
    return true;
  }

  private int column(int pos) {
    return pos - lineStart(pos);
  }

  private boolean crlf() {
    if (eol == null) {
      int nl = text.indexOf('\n');
      eol = nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }
    return eol.length() == 2;
  }

  /** The text to put before an insertion at {@code pos}: a line break at an unterminated end. */
  private String lead(int pos) {
    return pos == text.length() && pos > 0 && text.charAt(pos - 1) != '\n' ? "\n" : "";
  }

  /**
   * New lines after a last line without a line break: the break goes before them and none after, so
   * that the file still ends without one (and removing them again restores it).
   */
  private static String unterminated(String lead, String lines) {
    if (lead.isEmpty()) {
      return lines;
    }
    return lead + lines.substring(0, lines.length() - 1);
  }

  /** A removal of whole lines; at an unterminated end it takes the line break before it. */
  private Pending cut(int start, int end) {
    if (end == text.length() && end > 0 && text.charAt(end - 1) != '\n' && start > 0) {
      start--;
      if (start > 0 && text.charAt(start - 1) == '\r') {
        start--;
      }
    }
    return new Pending(start, end, () -> "");
  }

  private StyledRenderer renderer() {
    if (renderer == null) {
      renderer = detectStyle();
    }
    return renderer;
  }

  /**
   * The document's indentation width and sequence indentation, from the first block mapping and the
   * first block sequence nested under a key (defaults: 2, and sequences not indented).
   */
  private StyledRenderer detectStyle() {
    int width = -1;
    int seq = -1;
    int prevIndent = -1;
    boolean prevOpens = false;
    int i = 0;
    int n = text.length();
    int lines = 0;
    while (i < n && (width < 0 || seq < 0) && lines++ < 2000) {
      int nl = text.indexOf('\n', i);
      int end = nl < 0 ? n : nl;
      int ind = i;
      while (ind < end && text.charAt(ind) == ' ') {
        ind++;
      }
      String line = text.substring(ind, end).stripTrailing();
      int indent = ind - i;
      if (!line.isEmpty() && !line.startsWith("#")) {
        if (prevOpens && indent >= prevIndent) {
          if (line.startsWith("- ") || line.equals("-")) {
            if (seq < 0) {
              seq = indent - prevIndent;
            }
          } else if (width < 0 && indent > prevIndent) {
            width = indent - prevIndent;
          }
        }
        int hash = line.indexOf(" #");
        String content = hash >= 0 ? line.substring(0, hash).stripTrailing() : line;
        prevOpens = content.endsWith(":") && !content.startsWith("-");
        prevIndent = indent;
      }
      i = end + 1;
    }
    return new StyledRenderer(width > 0 && width < 10 ? width : 2, seq >= 0 && seq < 10 ? seq : 0);
  }

  // ------------------------------------------------------------------------------------- walk

  /** Consumes the events of one node whose data does not change; returns its end offset. */
  private Node skip(Event first) {
    Node node = new Node();
    node.start = at(first.getStartMark());
    if (first instanceof NodeEvent && ((NodeEvent) first).getAnchor() != null) {
      risky = true;
    }
    switch (first.getEventId()) {
      case Scalar:
        node.kind = SCALAR;
        node.end = at(first.getEndMark());
        return node;
      case Alias:
        risky = true;
        node.kind = ALIAS;
        node.end = at(first.getEndMark());
        return node;
      default:
        break;
    }
    CollectionStartEvent c = (CollectionStartEvent) first;
    node.kind = first.getEventId() == Event.ID.MappingStart ? MAP : SEQ;
    node.flow = c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    int depth = 1;
    int lastEnd = node.start;
    boolean firstChild = true;
    while (depth > 0) {
      Event e = parser.getEvent();
      if (firstChild && depth == 1) {
        node.firstStart = at(e.getStartMark());
        node.firstCol = e.getStartMark().getColumn();
        firstChild = false;
      }
      switch (e.getEventId()) {
        case MappingStart:
        case SequenceStart:
          if (((NodeEvent) e).getAnchor() != null) {
            risky = true;
          }
          depth++;
          break;
        case MappingEnd:
        case SequenceEnd:
          depth--;
          if (isFlowEnd(e)) {
            lastEnd = at(e.getEndMark());
          }
          break;
        case Alias:
          risky = true;
          lastEnd = at(e.getEndMark());
          break;
        default:
          if (((NodeEvent) e).getAnchor() != null) {
            risky = true;
          }
          lastEnd = at(e.getEndMark());
      }
    }
    node.end = lastEnd;
    return node;
  }

  /** Whether a collection end event closes a flow collection (its end mark follows the bracket). */
  private boolean isFlowEnd(Event e) {
    int end = at(e.getEndMark());
    if (end == 0) {
      return false;
    }
    char c = text.charAt(end - 1);
    return (c == '}' || c == ']') && end - 1 >= at(e.getStartMark());
  }

  /**
   * Visits one node; {@code last} means nothing after it matters to the nodes around it, so parsing
   * may stop once its own last edit is placed.
   */
  private Node visit(Object oldV, Object newV, Slot slot, boolean last) {
    Event e = parser.getEvent();
    if (Objects.equals(oldV, newV)) {
      return skip(e);
    }
    switch (e.getEventId()) {
      case Alias:
        {
          Node n = skip(e);
          replace(slot, n, newV);
          return n;
        }
      case Scalar:
        {
          ScalarEvent s = (ScalarEvent) e;
          Node n = skip(e);
          if (s.getAnchor() != null) {
            throw new Declined("a changed scalar carries the anchor &" + s.getAnchor());
          }
          if (isCollection(newV) || slot.kind == 0) {
            replace(slot, n, newV);
          } else {
            if (s.isLiteral() || s.isFolded()) {
              risky = true; // a block scalar (| or >)
            }
            replaceScalar(n, s, newV, slot);
          }
          return n;
        }
      case MappingStart:
      case SequenceStart:
        {
          CollectionStartEvent c = (CollectionStartEvent) e;
          boolean map = e.getEventId() == Event.ID.MappingStart;
          boolean flow = c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
          if (flow) {
            risky = true;
          }
          if (slot.kind == 0 && flow && map) {
            json = isJsonStart(c);
          }
          boolean sameType =
              map
                  ? oldV instanceof Map && newV instanceof Map
                  : oldV instanceof List && newV instanceof List;
          boolean emptied = !flow && isEmptyCollection(newV);
          if (!sameType || emptied) {
            if (c.getAnchor() != null) {
              throw new Declined("a replaced collection carries the anchor &" + c.getAnchor());
            }
            Node n = skip(e);
            replace(slot, n, newV);
            return n;
          }
          if (c.getAnchor() != null) {
            risky = true; // aliases of it change too: the read-back check decides
          }
          return map
              ? mapping(c, flow, (Map<?, ?>) oldV, (Map<?, ?>) newV, slot, last)
              : sequence(c, flow, (List<?>) oldV, (List<?>) newV, slot, last);
        }
      default:
        throw new Declined("unexpected " + e.getEventId());
    }
  }

  private boolean isJsonStart(CollectionStartEvent c) {
    Event next = parser.peekEvent();
    return next instanceof ScalarEvent
            && ((ScalarEvent) next).getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
        || next.getEventId() == Event.ID.MappingEnd;
  }

  private static boolean isCollection(Object v) {
    return v instanceof Map || v instanceof List;
  }

  private static boolean isEmptyCollection(Object v) {
    return v instanceof Map && ((Map<?, ?>) v).isEmpty()
        || v instanceof List && ((List<?>) v).isEmpty();
  }

  // -------------------------------------------------------------------------------- mappings

  private static final class Entry {
    String key;
    int keyStart;
    int keyEnd;
    int keyCol;
    int valueStart;
    int valueEnd;
    boolean deleted;
  }

  /**
   * The index (in the old mapping's key order, which is the text order without merge keys) of the
   * last entry an edit needs: a changed or removed entry, or the entry new keys follow; -1 when a
   * new key goes first (entry 0 decides where), {@code Integer.MAX_VALUE} when unknown.
   */
  private static int[] neededEntries(Map<?, ?> old, Map<?, ?> neu) {
    java.util.HashMap<Object, Integer> pos = new java.util.HashMap<>();
    int needed = 0;
    int i = 0;
    for (Map.Entry<?, ?> x : old.entrySet()) {
      if (!neu.containsKey(x.getKey()) || !Objects.equals(x.getValue(), neu.get(x.getKey()))) {
        needed = i;
      }
      pos.put(x.getKey(), i++);
    }
    int anchor = -1;
    int first = 0;
    for (Object k : neu.keySet()) {
      Integer at = pos.get(k);
      if (at != null) {
        anchor = at;
      } else if (anchor < 0) {
        first = 1;
      } else {
        needed = Math.max(needed, anchor);
      }
    }
    return new int[] {needed, first};
  }

  private Node mapping(
      CollectionStartEvent c, boolean flow, Map<?, ?> old, Map<?, ?> neu, Slot slot, boolean last) {
    int lastNeeded = Integer.MAX_VALUE;
    boolean firstDecides = false;
    if (last && earlyStop && !flow) {
      int[] n = neededEntries(old, neu);
      lastNeeded = n[0];
      firstDecides = n[1] == 1;
    }
    int index = 0;
    Node node = new Node();
    node.kind = MAP;
    node.flow = flow;
    node.start = at(c.getStartMark());
    List<Entry> entries = new ArrayList<>();
    Set<String> explicit = new HashSet<>();
    boolean merges = false;
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event k = parser.getEvent();
      if (!(k instanceof ScalarEvent)) {
        throw new Declined("a mapping key is not a scalar (an alias or a complex key)");
      }
      ScalarEvent sk = (ScalarEvent) k;
      if (sk.getAnchor() != null) {
        risky = true;
      }
      String key = sk.getValue();
      boolean merge =
          MERGE.equals(sk.getTag()) || (sk.getTag() == null && sk.isPlain() && "<<".equals(key));
      if (merge) {
        merges = true;
        risky = true;
        skip(parser.getEvent());
        continue;
      }
      Entry en = new Entry();
      en.key = key;
      en.keyStart = at(k.getStartMark());
      en.keyEnd = at(k.getEndMark());
      en.keyCol = k.getStartMark().getColumn();
      if (node.firstStart < 0) {
        node.firstStart = en.keyStart;
        node.firstCol = en.keyCol;
      }
      explicit.add(key);
      Node v;
      if (!neu.containsKey(key)) {
        v = skip(parser.getEvent());
        en.deleted = true;
      } else {
        Slot s =
            flow
                ? new Slot(3, en.keyCol, en.keyEnd, json)
                : new Slot(1, en.keyCol, en.keyEnd, false);
        v = visit(old.get(key), neu.get(key), s, last && index >= lastNeeded);
      }
      en.valueStart = v.start;
      en.valueEnd = v.end;
      entries.add(en);
      if (stopped) {
        break;
      }
      if (index == 0 && firstDecides && !startsLine(en.keyStart)) {
        lastNeeded = Integer.MAX_VALUE; // new keys go after the last entry
      }
      if (last && index >= lastNeeded) {
        stopped = true;
        break;
      }
      index++;
    }
    if (stopped) {
      node.end = entries.get(entries.size() - 1).valueEnd;
    } else {
      Event end = parser.getEvent();
      node.end =
          flow
              ? at(end.getEndMark())
              : entries.isEmpty() ? node.start : entries.get(entries.size() - 1).valueEnd;
    }
    if (merges) {
      for (Map.Entry<?, ?> x : old.entrySet()) {
        if (!explicit.contains(x.getKey()) && !Objects.equals(x.getValue(), neu.get(x.getKey()))) {
          throw new Declined("a key that comes from a merge key (<<) changes: " + x.getKey());
        }
      }
    }
    // new keys, grouped by the entry they follow (null: before the first entry)
    List<Entry> kept = new ArrayList<>();
    for (Entry en : entries) {
      if (!en.deleted) {
        kept.add(en);
      }
    }
    List<Object[]> groups = new ArrayList<>(); // {Entry anchor, List<String> keys}
    Entry anchor = null;
    List<String> group = null;
    for (Object ko : neu.keySet()) {
      String key = (String) ko;
      if (explicit.contains(key)) {
        Entry en = find(entries, key);
        if (en != null && !en.deleted) {
          anchor = en;
          group = null;
        }
        continue;
      }
      if (old.containsKey(key)) {
        continue; // from a merge key, unchanged (checked above)
      }
      if (group == null) {
        group = new ArrayList<>();
        groups.add(new Object[] {anchor, group});
      }
      group.add(key);
    }
    for (Object[] g : groups) {
      @SuppressWarnings("unchecked")
      List<String> keys = (List<String>) g[1];
      insertEntries(node, flow, (Entry) g[0], keys, neu, kept, entries, slot);
    }
    deleteEntries(node, flow, entries);
    return node;
  }

  private static Entry find(List<Entry> entries, String key) {
    for (Entry en : entries) {
      if (en.key.equals(key)) {
        return en;
      }
    }
    return null;
  }

  private void insertEntries(
      Node node,
      boolean flow,
      Entry after,
      List<String> keys,
      Map<?, ?> neu,
      List<Entry> kept,
      List<Entry> all,
      Slot slot) {
    if (flow) {
      insertFlow(
          node,
          kept,
          all,
          size -> {
            List<Object> items = new ArrayList<>();
            for (String k : keys) {
              items.add(new Object[] {k, neu.get(k)});
            }
            return items;
          },
          true);
      return;
    }
    if (kept.isEmpty()) {
      // every entry is removed: the new ones go where the first one was
      Entry first = all.get(0);
      if (!startsLine(first.keyStart)) {
        throw new Declined("a mapping whose first key shares its line loses all its keys");
      }
      int pos = lineStart(first.keyStart);
      int col = first.keyCol;
      pending.add(new Pending(pos, pos, () -> renderEntries(keys, neu, col)));
      return;
    }
    int col = kept.get(0).keyCol;
    int pos;
    if (after == null && startsLine(kept.get(0).keyStart)) {
      pos = lineStart(kept.get(0).keyStart);
    } else {
      Entry a = after == null ? kept.get(kept.size() - 1) : after;
      pos = lineEndAfter(a.valueEnd);
    }
    int p = pos;
    String lead = lead(pos);
    pending.add(new Pending(p, p, () -> unterminated(lead, renderEntries(keys, neu, col))));
  }

  private String renderEntries(List<String> keys, Map<?, ?> neu, int col) {
    StringBuilder sb = new StringBuilder(64 * keys.size());
    for (String k : keys) {
      renderer().entry(k, neu.get(k), col, sb);
    }
    return sb.toString();
  }

  private void deleteEntries(Node node, boolean flow, List<Entry> entries) {
    if (flow) {
      List<int[]> spans = new ArrayList<>(entries.size());
      boolean[] deleted = new boolean[entries.size()];
      for (int i = 0; i < entries.size(); i++) {
        Entry en = entries.get(i);
        spans.add(new int[] {en.keyStart, en.valueEnd});
        deleted[i] = en.deleted;
      }
      deleteFlow(spans, deleted);
      return;
    }
    for (Entry en : entries) {
      if (en.deleted) {
        if (!startsLine(en.keyStart)) {
          throw new Declined("a removed key shares its line with other content: " + en.key);
        }
        pending.add(cut(lineStart(en.keyStart), lineEndAfter(en.valueEnd)));
      }
    }
  }

  // ------------------------------------------------------------------------------- sequences

  private Node sequence(
      CollectionStartEvent c, boolean flow, List<?> old, List<?> neu, Slot slot, boolean last) {
    Node node = new Node();
    node.kind = SEQ;
    node.flow = flow;
    node.start = at(c.getStartMark());
    int on = old.size();
    int nn = neu.size();
    int prefix = 0;
    while (prefix < on && prefix < nn && Objects.equals(old.get(prefix), neu.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < on - prefix
        && suffix < nn - prefix
        && Objects.equals(old.get(on - 1 - suffix), neu.get(nn - 1 - suffix))) {
      suffix++;
    }
    int midOld = on - prefix - suffix;
    int midNew = nn - prefix - suffix;
    int paired = Math.min(midOld, midNew);
    List<int[]> spans = new ArrayList<>(on);
    boolean[] deleted = new boolean[on];
    int dashCol = -1;
    int contentCol = -1;
    int lastNeeded = Integer.MAX_VALUE;
    if (last && earlyStop && !flow) {
      lastNeeded = Math.max(0, prefix + Math.max(midOld, paired) - 1);
    }
    for (int i = 0; i < on; i++) {
      Node item;
      int j = i - prefix;
      if (j >= 0 && j < paired) {
        int start = at(parser.peekEvent().getStartMark());
        int col = parser.peekEvent().getStartMark().getColumn();
        Slot s = flow ? new Slot(3, col, -1, json) : new Slot(2, column(start), -1, false);
        item = visit(old.get(i), neu.get(prefix + j), s, last && i >= lastNeeded);
      } else {
        item = skip(parser.getEvent());
        deleted[i] = j >= paired && j < midOld;
      }
      if (i == 0) {
        node.firstStart = item.start;
        node.firstCol = column(item.start);
        if (!flow) {
          int dash = dashBefore(item.start);
          dashCol = column(dash);
          contentCol = column(item.start);
          if (lineStart(dash) != lineStart(item.start)) {
            contentCol = dashCol + 2;
          }
        }
      }
      spans.add(new int[] {item.start, item.end});
      if (stopped) {
        break;
      }
      if (last && i >= lastNeeded) {
        stopped = true;
        break;
      }
    }
    if (stopped) {
      node.end = spans.get(spans.size() - 1)[1];
    } else {
      Event end = parser.getEvent();
      node.end = flow ? at(end.getEndMark()) : on == 0 ? node.start : spans.get(on - 1)[1];
    }
    if (midNew > paired) {
      List<Object> added = new ArrayList<>(neu.subList(prefix + paired, prefix + midNew));
      int afterIndex = prefix + paired - 1; // the old item the new ones follow, -1 for the start
      if (flow) {
        List<int[]> keptSpans = new ArrayList<>();
        for (int i = 0; i < on; i++) {
          if (!deleted[i]) {
            keptSpans.add(spans.get(i));
          }
        }
        insertFlowItems(node, spans, keptSpans, added, afterIndex);
      } else {
        int pos;
        if (afterIndex >= 0) {
          pos = lineEndAfter(spans.get(afterIndex)[1]);
        } else if (slot.kind == 1 && lineStart(slot.keyEnd) < lineStart(spans.get(0)[0])) {
          pos = lineEndAfter(slot.keyEnd);
        } else {
          int dash = dashBefore(spans.get(0)[0]);
          if (!startsLine(dash)) {
            throw new Declined("a sequence whose first item shares its line gains an item");
          }
          pos = lineStart(dash);
        }
        int dc = dashCol;
        int cc = contentCol;
        String lead = lead(pos);
        pending.add(
            new Pending(
                pos,
                pos,
                () -> {
                  StringBuilder sb = new StringBuilder();
                  for (Object v : added) {
                    StyledRenderer.spaces(sb, dc);
                    sb.append('-');
                    StyledRenderer.spaces(sb, Math.max(1, cc - dc - 1));
                    renderer().item(v, cc, sb);
                  }
                  return unterminated(lead, sb.toString());
                }));
      }
    }
    if (flow) {
      deleteFlow(spans, deleted);
    } else {
      for (int i = 0; i < spans.size(); i++) {
        if (deleted[i]) {
          int dash = dashBefore(spans.get(i)[0]);
          if (!startsLine(dash)) {
            throw new Declined("a removed sequence item shares its line with other content");
          }
          pending.add(cut(lineStart(dash), lineEndAfter(spans.get(i)[1])));
        }
      }
    }
    return node;
  }

  /** The offset of the {@code -} of a block sequence item whose content starts at pos. */
  private int dashBefore(int pos) {
    int i = pos - 1;
    while (i >= 0
        && (text.charAt(i) == ' '
            || text.charAt(i) == '\n'
            || text.charAt(i) == '\r'
            || text.charAt(i) == '\t')) {
      i--;
    }
    if (i < 0 || text.charAt(i) != '-') {
      throw new Declined("a block sequence item without a dash before it");
    }
    return i;
  }

  // ------------------------------------------------------------------------------------ flow

  private interface Items {
    List<Object> get(int size);
  }

  /** Appends entries ({key, value} pairs) to a flow mapping. */
  private void insertFlow(Node node, List<Entry> kept, List<Entry> all, Items items, boolean map) {
    if (kept.isEmpty() && !all.isEmpty()) {
      throw new Declined("a flow mapping loses all its keys and gains others");
    }
    List<Object> pairs = items.get(0);
    String sep;
    int pos;
    int col = -1;
    int step = 2;
    boolean multiLine = false;
    if (all.isEmpty()) {
      pos = node.start + 1;
      sep = ", ";
    } else {
      Entry first = all.get(0);
      Entry last = kept.get(kept.size() - 1);
      pos = last.valueEnd;
      multiLine = lineStart(first.keyStart) != lineStart(node.start);
      if (multiLine) {
        col = first.keyCol;
        step = Math.max(1, col - indentOf(node.start));
        sep = ",\n" + " ".repeat(col);
      } else if (all.size() >= 2) {
        sep = text.substring(all.get(0).valueEnd, all.get(1).keyStart);
        if (!sep.strip().equals(",")) {
          sep = ", ";
        }
      } else {
        sep = json ? "," : ", ";
      }
    }
    String kv = ": ";
    if (json && !all.isEmpty()) {
      String s = text.substring(all.get(0).keyEnd, all.get(0).valueStart);
      if (s.strip().equals(":")) {
        kv = s;
      }
    }
    boolean empty = all.isEmpty();
    boolean ml = multiLine;
    int c = col;
    int st = step;
    String s0 = sep;
    String kv0 = kv;
    pending.add(
        new Pending(
            pos,
            pos,
            () -> {
              StringBuilder sb = new StringBuilder();
              boolean firstOut = true;
              for (Object o : pairs) {
                Object[] p = (Object[]) o;
                if (!(firstOut && empty)) {
                  sb.append(s0);
                }
                firstOut = false;
                StyledRenderer.flowKey((String) p[0], json, sb);
                sb.append(kv0);
                if (json && ml) {
                  StyledRenderer.prettyJson(p[1], c, st, sb);
                } else {
                  StyledRenderer.flow(p[1], json, sb);
                }
              }
              return sb.toString();
            }));
  }

  private void insertFlowItems(
      Node node, List<int[]> spans, List<int[]> kept, List<Object> added, int afterIndex) {
    String sep;
    int pos;
    boolean multiLine = false;
    int col = -1;
    int step = 2;
    boolean atStart;
    if (spans.isEmpty()) {
      pos = node.start + 1;
      sep = ", ";
      atStart = true;
    } else {
      if (kept.isEmpty()) {
        throw new Declined("a flow sequence loses all its items and gains others");
      }
      multiLine = lineStart(spans.get(0)[0]) != lineStart(node.start);
      if (multiLine) {
        col = column(spans.get(0)[0]);
        step = Math.max(1, col - indentOf(node.start));
        sep = ",\n" + " ".repeat(col);
      } else if (spans.size() >= 2) {
        sep = text.substring(spans.get(0)[1], spans.get(1)[0]);
        if (!sep.strip().equals(",")) {
          sep = ", ";
        }
      } else {
        sep = json ? "," : ", ";
      }
      if (afterIndex < 0) {
        pos = spans.get(0)[0];
        atStart = true;
      } else {
        pos = spans.get(afterIndex)[1];
        atStart = false;
      }
    }
    boolean empty = spans.isEmpty();
    boolean start = atStart;
    boolean ml = multiLine;
    int c = col;
    int st = step;
    String s0 = sep;
    pending.add(
        new Pending(
            pos,
            pos,
            () -> {
              StringBuilder sb = new StringBuilder();
              for (int i = 0; i < added.size(); i++) {
                if (!start || i > 0) {
                  sb.append(s0);
                }
                if (json && ml) {
                  StyledRenderer.prettyJson(added.get(i), c, st, sb);
                } else {
                  StyledRenderer.flow(added.get(i), json, sb);
                }
              }
              if (start && !empty) {
                sb.append(s0);
              }
              return sb.toString();
            }));
  }

  private int indentOf(int pos) {
    int ls = lineStart(pos);
    int i = ls;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i - ls;
  }

  /**
   * Cuts the deleted items of a flow collection with their separators: a run of deleted items
   * followed by a kept one from its start to the kept one's start; a final run from the end of the
   * last kept item (or the first item's start) to its end.
   */
  private void deleteFlow(List<int[]> spans, boolean[] deleted) {
    int n = spans.size();
    int i = 0;
    while (i < n) {
      if (!deleted[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && deleted[j]) {
        j++;
      }
      int from;
      int to;
      if (j < n) {
        from = spans.get(i)[0];
        to = spans.get(j)[0];
      } else {
        from = i > 0 ? spans.get(i - 1)[1] : spans.get(i)[0];
        to = spans.get(j - 1)[1];
      }
      pending.add(new Pending(from, to, () -> ""));
      i = j;
    }
  }

  // ------------------------------------------------------------------------------ replacements

  /** Replaces a whole node with a rendering of the new value in its slot's style. */
  private void replace(Slot slot, Node n, Object newV) {
    risky = true;
    switch (slot.kind) {
      case 1:
        {
          int colon = colonAfter(slot.keyEnd);
          int end = n.end;
          boolean lineEnd = end > n.start && text.charAt(end - 1) == '\n';
          int col = slot.col;
          pending.add(
              new Pending(
                  colon,
                  end,
                  () -> {
                    StringBuilder sb = new StringBuilder();
                    renderer().value(newV, col, sb);
                    if (!lineEnd) {
                      sb.setLength(sb.length() - 1);
                    }
                    return sb.toString();
                  }));
          return;
        }
      case 2:
        {
          int end = n.end;
          boolean lineEnd = end > n.start && text.charAt(end - 1) == '\n';
          int col = slot.col;
          pending.add(
              new Pending(
                  n.start,
                  end,
                  () -> {
                    StringBuilder sb = new StringBuilder();
                    renderer().item(newV, col, sb);
                    if (!lineEnd) {
                      sb.setLength(sb.length() - 1);
                    }
                    return sb.toString();
                  }));
          return;
        }
      case 3:
        {
          boolean j = slot.json;
          pending.add(
              new Pending(
                  n.start,
                  n.end,
                  () -> {
                    StringBuilder sb = new StringBuilder();
                    StyledRenderer.flow(newV, j, sb);
                    return sb.toString();
                  }));
          return;
        }
      default:
        throw new Declined("the document's root changes type");
    }
  }

  /** The offset just after the {@code :} that follows a key ending at keyEnd. */
  private int colonAfter(int keyEnd) {
    int i = keyEnd;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != ':') {
      throw new Declined("no ':' after a key");
    }
    return i + 1;
  }

  /** Replaces a scalar by a scalar, keeping its quoting style where the value allows it. */
  private void replaceScalar(Node n, ScalarEvent s, Object newV, Slot slot) {
    boolean lineEnd = n.end > n.start && text.charAt(n.end - 1) == '\n';
    boolean inFlow = slot.kind == 3;
    boolean j = slot.json;
    DumperOptions.ScalarStyle style = s.getScalarStyle();
    // an empty scalar (key: or -) gets a blank before its new value; a block scalar (| or >)
    // keeps the line break it ends with
    String before = n.start == n.end && s.getValue().isEmpty() ? " " : "";
    pending.add(
        new Pending(
            n.start,
            n.end,
            () -> {
              StringBuilder sb = new StringBuilder(before);
              if (j) {
                JsonEmitter.write(newV, sb);
              } else if (newV instanceof String) {
                String v = (String) newV;
                if (style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || v.indexOf('\n') >= 0) {
                  JsonEmitter.string(v, sb);
                } else if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED && simple(v)) {
                  sb.append('\'').append(v.replace("'", "''")).append('\'');
                } else if (inFlow) {
                  StyledRenderer.flowString(v, sb);
                } else {
                  YamlEmitter.string(v, sb);
                }
              } else {
                YamlEmitter.scalar(newV, sb);
              }
              if (lineEnd) {
                sb.append('\n');
              }
              return sb.toString();
            }));
  }

  private static boolean simple(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
        return false;
      }
    }
    return true;
  }
}
