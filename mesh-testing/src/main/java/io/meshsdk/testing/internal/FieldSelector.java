package io.meshsdk.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A field selector: {@code path=value}, {@code path==value}, {@code path!=value} joined by commas,
 * where the path is a dotted path into the object ({@code metadata.name}, {@code status.phase},
 * {@code spec.nodeName}, {@code type}). A missing field compares as {@code ""}, as the API
 * server's field sets do.
 */
public final class FieldSelector {
  private record Term(String path, boolean equal, String value) {
  }

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = terms;
  }

  /**
   * Parses a selector.
   *
   * @param text the selector; null or blank selects everything
   * @return the selector
   * @throws IllegalArgumentException when a term has no operator or an empty field
   */
  public static FieldSelector parse(String text) {
    List<Term> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new FieldSelector(out);
    }
    for (String raw : text.split(",")) {
      String part = raw.trim();
      int ne = part.indexOf("!=");
      int eq = part.indexOf('=');
      Term t;
      if (ne > 0) {
        t = new Term(part.substring(0, ne).trim(), false, part.substring(ne + 2).trim());
      } else if (eq > 0) {
        int vs = part.startsWith("==", eq) ? eq + 2 : eq + 1;
        t = new Term(part.substring(0, eq).trim(), true, part.substring(vs).trim());
      } else {
        throw new IllegalArgumentException("invalid selector: '" + text
            + "'; can't understand '" + part + "'");
      }
      if (!t.path().matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*")) {
        throw new IllegalArgumentException("field label not supported: " + t.path());
      }
      out.add(t);
    }
    return new FieldSelector(out);
  }

  /**
   * Whether the object matches every term.
   *
   * @param object the object
   * @return true when selected
   */
  public boolean matches(JsonObject object) {
    for (Term t : terms) {
      boolean same = t.value().equals(lookup(object, t.path()));
      if (same != t.equal()) {
        return false;
      }
    }
    return true;
  }

  private static String lookup(JsonObject object, String path) {
    JsonElement cur = object;
    for (String step : path.split("\\.")) {
      if (cur == null || !cur.isJsonObject()) {
        return "";
      }
      cur = cur.getAsJsonObject().get(step);
    }
    if (cur == null || cur.isJsonNull()) {
      return "";
    }
    return cur.isJsonPrimitive() ? cur.getAsString() : cur.toString();
  }
}
