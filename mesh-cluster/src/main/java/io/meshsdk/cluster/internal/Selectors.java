package io.meshsdk.cluster.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Label and field selectors parsed and matched as the API server does (apimachinery's {@code
 * labels.Parse} and {@code fields.ParseSelector}).
 */
public final class Selectors {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String SPECIAL = "=!(),<>";

  private Selectors() {}

  /** A label selector operator. */
  public enum Op {
    /** {@code key=value} or {@code key==value}. */
    EQUALS,
    /** {@code key!=value}: also true when the label is absent. */
    NOT_EQUALS,
    /** {@code key in (a,b)}. */
    IN,
    /** {@code key notin (a,b)}: also true when the label is absent. */
    NOT_IN,
    /** {@code key}. */
    EXISTS,
    /** {@code !key}. */
    DOES_NOT_EXIST,
    /** {@code key>n} (integers). */
    GREATER_THAN,
    /** {@code key<n} (integers). */
    LESS_THAN
  }

  /**
   * One requirement of a label selector.
   *
   * @param key the label key
   * @param op the operator
   * @param values the values (one for equality and comparisons, several for sets, none for
   *     existence)
   */
  public record Requirement(String key, Op op, List<String> values) {
    /**
     * Whether a label set satisfies this requirement.
     *
     * @param labels the labels (absent labels are absent keys)
     * @return true if it matches
     */
    public boolean matches(Map<String, String> labels) {
      boolean has = labels.containsKey(key);
      String v = labels.get(key);
      switch (op) {
        case EQUALS:
        case IN:
          return has && values.contains(v);
        case NOT_EQUALS:
        case NOT_IN:
          return !has || !values.contains(v);
        case EXISTS:
          return has;
        case DOES_NOT_EXIST:
          return !has;
        case GREATER_THAN:
        case LESS_THAN:
          if (!has) {
            return false;
          }
          long have;
          try {
            have = Long.parseLong(v);
          } catch (NumberFormatException e) {
            return false;
          }
          long want = Long.parseLong(values.get(0));
          return op == Op.GREATER_THAN ? have > want : have < want;
        default:
          throw new AssertionError(op);
      }
    }
  }

  /**
   * One term of a field selector.
   *
   * @param field the field path, e.g. {@code metadata.name}
   * @param negated true for {@code !=}
   * @param value the value (unescaped)
   */
  public record FieldTerm(String field, boolean negated, String value) {
    /**
     * Whether a field value satisfies this term.
     *
     * @param actual the object's value of the field ({@code ""} when unset)
     * @return true if it matches
     */
    public boolean matches(String actual) {
      return negated != value.equals(actual);
    }
  }

  /**
   * Whether a label set satisfies all requirements.
   *
   * @param requirements the parsed selector
   * @param labels the labels
   * @return true if every requirement holds (true for no requirements)
   */
  public static boolean matches(List<Requirement> requirements, Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- labels

  private enum Tok {
    IDENT,
    NOT,
    NOT_EQUALS,
    EQUALS,
    DOUBLE_EQUALS,
    OPEN,
    CLOSE,
    COMMA,
    IN,
    NOTIN,
    GT,
    LT,
    END
  }

  private record Token(Tok tok, String text) {}

  /**
   * Parses a label selector.
   *
   * @param selector the selector; empty selects everything
   * @return the requirements, in order
   * @throws IllegalArgumentException if it is malformed, naming the selector and what is wrong
   */
  public static List<Requirement> parseLabels(String selector) {
    List<Token> tokens = lex(selector);
    List<Requirement> out = new ArrayList<>();
    int[] pos = {0};
    while (true) {
      Token t = tokens.get(pos[0]);
      if (t.tok == Tok.END) {
        return List.copyOf(out);
      }
      if (t.tok != Tok.IDENT && t.tok != Tok.NOT && t.tok != Tok.IN && t.tok != Tok.NOTIN) {
        throw labelError(
            selector, "found '" + t.text + "', expected: !, identifier, or 'end of string'");
      }
      out.add(requirement(selector, tokens, pos));
      Token after = tokens.get(pos[0]++);
      if (after.tok == Tok.END) {
        return List.copyOf(out);
      }
      if (after.tok != Tok.COMMA) {
        throw labelError(selector, "found '" + after.text + "', expected: ',' or 'end of string'");
      }
      Token next = tokens.get(pos[0]);
      if (next.tok != Tok.IDENT
          && next.tok != Tok.NOT
          && next.tok != Tok.IN
          && next.tok != Tok.NOTIN) {
        throw labelError(selector, "found '" + next.text + "', expected: identifier after ','");
      }
    }
  }

  private static Requirement requirement(String selector, List<Token> tokens, int[] pos) {
    Token t = tokens.get(pos[0]++);
    if (t.tok == Tok.NOT) {
      Token key = tokens.get(pos[0]++);
      if (!isIdent(key)) {
        throw labelError(selector, "found '" + key.text + "', expected: identifier");
      }
      checkKey(selector, key.text);
      return new Requirement(key.text, Op.DOES_NOT_EXIST, List.of());
    }
    String key = t.text;
    checkKey(selector, key);
    Token op = tokens.get(pos[0]);
    switch (op.tok) {
      case END:
      case COMMA:
        return new Requirement(key, Op.EXISTS, List.of());
      case EQUALS:
      case DOUBLE_EQUALS:
      case NOT_EQUALS:
      case GT:
      case LT:
        {
          pos[0]++;
          Token v = tokens.get(pos[0]);
          String value;
          if (v.tok == Tok.END || v.tok == Tok.COMMA) {
            value = "";
          } else if (isIdent(v)) {
            value = v.text;
            pos[0]++;
          } else {
            throw labelError(selector, "found '" + v.text + "', expected: identifier");
          }
          Op o =
              switch (op.tok) {
                case NOT_EQUALS -> Op.NOT_EQUALS;
                case GT -> Op.GREATER_THAN;
                case LT -> Op.LESS_THAN;
                default -> Op.EQUALS;
              };
          if (o == Op.GREATER_THAN || o == Op.LESS_THAN) {
            try {
              Long.parseLong(value);
            } catch (NumberFormatException e) {
              throw labelError(
                  selector,
                  "for 'Gt', 'Lt' operators, the value must be an integer (got \"" + value + "\")");
            }
          } else {
            checkValue(selector, value);
          }
          return new Requirement(key, o, List.of(value));
        }
      case IN:
      case NOTIN:
        {
          pos[0]++;
          Token open = tokens.get(pos[0]++);
          if (open.tok != Tok.OPEN) {
            throw labelError(selector, "found '" + open.text + "', expected: '('");
          }
          List<String> values = new ArrayList<>();
          Token v = tokens.get(pos[0]);
          if (v.tok == Tok.CLOSE) {
            pos[0]++;
          } else {
            while (true) {
              v = tokens.get(pos[0]);
              if (isIdent(v)) {
                values.add(v.text);
                pos[0]++;
              } else if (v.tok == Tok.COMMA || v.tok == Tok.CLOSE) {
                values.add("");
              } else {
                throw labelError(selector, "found '" + v.text + "', expected: ',', or identifier");
              }
              Token sep = tokens.get(pos[0]++);
              if (sep.tok == Tok.CLOSE) {
                break;
              }
              if (sep.tok != Tok.COMMA) {
                throw labelError(selector, "found '" + sep.text + "', expected: ',' or ')'");
              }
            }
          }
          if (values.isEmpty()) {
            throw labelError(
                selector,
                "for 'in', 'notin' operators, values set can't be empty (key " + key + ")");
          }
          for (String value : values) {
            checkValue(selector, value);
          }
          return new Requirement(key, op.tok == Tok.IN ? Op.IN : Op.NOT_IN, List.copyOf(values));
        }
      default:
        throw labelError(
            selector, "found '" + op.text + "', expected: '=', '!=', '==', 'in', notin'");
    }
  }

  private static boolean isIdent(Token t) {
    // "in" and "notin" are keywords only where an operator is expected
    return t.tok == Tok.IDENT || t.tok == Tok.IN || t.tok == Tok.NOTIN;
  }

  private static List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        out.add(new Token(Tok.NOT_EQUALS, "!="));
        i += 2;
      } else if (c == '=' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        out.add(new Token(Tok.DOUBLE_EQUALS, "=="));
        i += 2;
      } else if (SPECIAL.indexOf(c) >= 0) {
        Tok t =
            switch (c) {
              case '!' -> Tok.NOT;
              case '=' -> Tok.EQUALS;
              case '(' -> Tok.OPEN;
              case ')' -> Tok.CLOSE;
              case ',' -> Tok.COMMA;
              case '>' -> Tok.GT;
              default -> Tok.LT;
            };
        out.add(new Token(t, String.valueOf(c)));
        i++;
      } else {
        int start = i;
        while (i < s.length()
            && !Character.isWhitespace(s.charAt(i))
            && SPECIAL.indexOf(s.charAt(i)) < 0) {
          i++;
        }
        String word = s.substring(start, i);
        Tok t = word.equals("in") ? Tok.IN : word.equals("notin") ? Tok.NOTIN : Tok.IDENT;
        out.add(new Token(t, word));
      }
    }
    out.add(new Token(Tok.END, "end of string"));
    return out;
  }

  private static void checkKey(String selector, String key) {
    String name = key;
    int slash = key.lastIndexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()
          || prefix.length() > 253
          || !DNS_SUBDOMAIN.matcher(prefix).matches()
          || prefix.indexOf('/') >= 0) {
        throw labelError(
            selector,
            "invalid label key \""
                + key
                + "\": prefix part must be a lowercase DNS subdomain (at most 253 characters)");
      }
    }
    if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
      throw labelError(
          selector,
          "invalid label key \""
              + key
              + "\": name part must be at most 63 characters of alphanumerics, '-', '_' or '.',"
              + " starting and ending with an alphanumeric character");
    }
  }

  private static void checkValue(String selector, String value) {
    if (!value.isEmpty() && (value.length() > 63 || !NAME.matcher(value).matches())) {
      throw labelError(
          selector,
          "invalid label value \""
              + value
              + "\": must be empty or at most 63 characters of alphanumerics, '-', '_' or '.',"
              + " starting and ending with an alphanumeric character");
    }
  }

  private static IllegalArgumentException labelError(String selector, String what) {
    return new IllegalArgumentException(
        "unable to parse label selector \"" + selector + "\": " + what);
  }

  // ---------------------------------------------------------------- fields

  /**
   * Parses a field selector.
   *
   * @param selector the selector; empty selects everything
   * @return the terms, in order
   * @throws IllegalArgumentException if it is malformed, naming the selector and what is wrong
   */
  public static List<FieldTerm> parseFields(String selector) {
    List<FieldTerm> out = new ArrayList<>();
    for (String part : splitUnescaped(selector)) {
      if (part.isEmpty()) {
        continue;
      }
      int at = -1;
      int opLen = 0;
      boolean negated = false;
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (c == '\\') {
          i++;
          continue;
        }
        if (c == '!' && i + 1 < part.length() && part.charAt(i + 1) == '=') {
          at = i;
          opLen = 2;
          negated = true;
          break;
        }
        if (c == '=') {
          at = i;
          opLen = i + 1 < part.length() && part.charAt(i + 1) == '=' ? 2 : 1;
          break;
        }
      }
      if (at < 0) {
        throw new IllegalArgumentException(
            "invalid field selector \"" + selector + "\": can't understand '" + part + "'");
      }
      String field = part.substring(0, at).strip();
      String value = unescape(selector, part.substring(at + opLen));
      if (field.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid field selector \"" + selector + "\": no field name in '" + part + "'");
      }
      out.add(new FieldTerm(field, negated, value));
    }
    return List.copyOf(out);
  }

  private static List<String> splitUnescaped(String s) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
      } else if (c == ',') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  private static String unescape(String selector, String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        if (i + 1 >= v.length() || "\\,=!".indexOf(v.charAt(i + 1)) < 0) {
          throw new IllegalArgumentException(
              "invalid field selector \""
                  + selector
                  + "\": invalid escape sequence in '"
                  + v
                  + "'");
        }
        b.append(v.charAt(++i));
      } else if (c == '=' || c == ',') {
        throw new IllegalArgumentException(
            "invalid field selector \""
                + selector
                + "\": unescaped '"
                + c
                + "' in value '"
                + v
                + "' (write \\"
                + c
                + ")");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
