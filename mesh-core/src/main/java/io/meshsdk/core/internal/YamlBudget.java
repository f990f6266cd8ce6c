package io.meshsdk.core.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A pass over the parser events of a YAML text's first document, before SnakeYAML composes it, that
 * refuses recursive aliases (an alias inside its own anchor) and checks what aliases would expand
 * to: every alias, to a scalar or a collection, adds the nodes and characters of its anchor, and
 * the totals are bounded (SnakeYAML shares aliased nodes, but whatever copies or prints the tree
 * pays for every expansion). It also turns the exceptions SnakeYAML's scanner lets escape (a {@code
 * NumberFormatException} for an escape cut off at the end of the text) into a located {@link
 * Problem}. Syntax errors are left to SnakeYAML's own {@link MarkedYAMLException}. Not API.
 */
public final class YamlBudget {
  /** The default most nodes aliases may add (the manifest reader's limit). */
  public static final long MAX_NODES = 1_000_000;

  /** The default most characters aliases may add (the manifest reader's document limit). */
  public static final long MAX_CHARS = 16L * 1024 * 1024;

  private YamlBudget() {}

  /** A budget exceeded or a scanner failure, at a 0-based line and column. */
  public static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** 0-based line. */
    public final int line;

    /** 0-based column. */
    public final int column;

    Problem(String message, Mark mark) {
      super(message, null, false, false);
      this.line = mark == null ? 0 : mark.getLine();
      this.column = mark == null ? 0 : mark.getColumn();
    }

    /**
     * The location as {@code line L, column C} (1-based).
     *
     * @return the location text
     */
    public String where() {
      return "line " + (line + 1) + ", column " + (column + 1);
    }
  }

  /**
   * Checks the first document of a text.
   *
   * @param text the YAML text
   * @param maxNodes the most nodes aliases may add
   * @param maxChars the most characters (of scalars and keys) aliases may add
   * @throws Problem when a limit is exceeded or the scanner fails with a non-YAML exception
   * @throws YAMLException for malformed YAML (SnakeYAML's own messages)
   */
  public static void check(String text, long maxNodes, long maxChars) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    StreamReader reader = new StreamReader(text);
    ParserImpl parser = new ParserImpl(reader, options);
    Map<String, long[]> sizes = new HashMap<>();
    Deque<Object[]> open = new ArrayDeque<>();
    java.util.Set<String> openAnchors = new java.util.HashSet<>();
    long nodes = 0;
    long chars = 0;
    long addedNodes = 0;
    long addedChars = 0;
    try {
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        Event e = parser.getEvent();
        switch (e.getEventId()) {
          case DocumentEnd:
            parser.checkEvent(Event.ID.StreamEnd); // what a loader peeks at after the document
            return;
          case Scalar:
            {
              ScalarEvent s = (ScalarEvent) e;
              nodes++;
              chars += s.getValue().length();
              if (s.getAnchor() != null) {
                sizes.put(s.getAnchor(), new long[] {1, s.getValue().length()});
              }
              break;
            }
          case Alias:
            {
              String name = ((AliasEvent) e).getAnchor();
              if (openAnchors.contains(name)) {
                // SnakeYAML would build a tree that contains itself: endless to copy or print
                throw new Problem(
                    "recursive alias *" + name + " (inside its own anchor) is not supported",
                    e.getStartMark());
              }
              long[] size = sizes.get(name);
              if (size == null) {
                break; // undefined or recursive: SnakeYAML reports it
              }
              nodes += size[0];
              chars += size[1];
              addedNodes += size[0];
              addedChars += size[1];
              if (addedNodes > maxNodes) {
                throw new Problem(
                    "aliases expand to more than "
                        + maxNodes
                        + " nodes: alias expansion is limited against alias bombs",
                    e.getStartMark());
              }
              if (addedChars > maxChars) {
                throw new Problem(
                    "aliases expand to more than "
                        + maxChars
                        + " characters: alias expansion (of scalars too) is limited against"
                        + " alias bombs",
                    e.getStartMark());
              }
              break;
            }
          case SequenceStart:
          case MappingStart:
            nodes++;
            {
              String anchor = ((CollectionStartEvent) e).getAnchor();
              open.push(new Object[] {anchor, nodes, chars});
              if (anchor != null) {
                openAnchors.add(anchor);
              }
            }
            break;
          case SequenceEnd:
          case MappingEnd:
            {
              Object[] o = open.pop();
              if (o[0] != null) {
                openAnchors.remove(o[0]);
                sizes.put((String) o[0], new long[] {nodes - (long) o[1] + 1, chars - (long) o[2]});
              }
              break;
            }
          default:
            break;
        }
      }
    } catch (YAMLException | Problem e) {
      throw e;
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new Problem(
          "malformed escape sequence in a double-quoted scalar (\\x, \\u and \\U take 2, 4 and 8"
              + " hexadecimal digits)",
          reader.getMark());
    } catch (StackOverflowError e) {
      throw new Problem("nesting too deep to read", reader.getMark());
    } catch (RuntimeException e) {
      throw new Problem("malformed YAML (" + e.getClass().getSimpleName() + ")", reader.getMark());
    }
  }
}
