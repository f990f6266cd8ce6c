package io.meshsdk.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A field selector: {@code field=value}, {@code field==value}, {@code field!=value} joined by
 * commas, over the fields the API server's field sets offer for the resource: {@code metadata.name}
 * everywhere, {@code metadata.namespace} for namespaced resources, and per resource the few it adds
 * (pods: {@code spec.nodeName}, {@code spec.restartPolicy}, {@code spec.schedulerName}, {@code
 * spec.serviceAccountName}, {@code spec.hostNetwork}, {@code status.phase}, {@code status.podIP},
 * {@code status.nominatedNodeName}; nodes: {@code spec.unschedulable}; namespaces: {@code
 * status.phase}; secrets: {@code type}; replica sets: {@code status.replicas}; jobs: {@code
 * status.successful}). Any other field is refused with the server's {@code field label not
 * supported} message. A missing string field compares as {@code ""}, a missing boolean as {@code
 * false}, a missing count as {@code 0}.
 */
public final class FieldSelector {
  private enum Type {
    STRING,
    BOOL,
    COUNT
  }

  private record Term(String path, boolean equal, String value, Type type) {}

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = terms;
  }

  /**
   * Parses a selector.
   *
   * @param text the selector; null or blank selects everything
   * @param resource the resource listed (its field set)
   * @return the selector
   * @throws IllegalArgumentException when a term has no operator or names an unsupported field
   */
  public static FieldSelector parse(String text, ApiResource resource) {
    List<Term> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new FieldSelector(out);
    }
    for (String raw : text.split(",")) {
      String part = raw.trim();
      int ne = part.indexOf("!=");
      int eq = part.indexOf('=');
      Term t;
      String field;
      String value;
      boolean equal;
      if (ne > 0) {
        field = part.substring(0, ne).trim();
        value = part.substring(ne + 2).trim();
        equal = false;
      } else if (eq > 0) {
        int vs = part.startsWith("==", eq) ? eq + 2 : eq + 1;
        field = part.substring(0, eq).trim();
        value = part.substring(vs).trim();
        equal = true;
      } else {
        throw new IllegalArgumentException(
            "invalid selector: '" + text + "'; can't understand '" + part + "'");
      }
      Type type = type(resource, field);
      if (type == null) {
        throw new IllegalArgumentException("field label not supported: " + field);
      }
      out.add(new Term(field, equal, value, type));
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
      boolean same = t.value().equals(lookup(object, t.path(), t.type()));
      if (same != t.equal()) {
        return false;
      }
    }
    return true;
  }

  private static Type type(ApiResource r, String field) {
    if (field.equals("metadata.name") || field.equals("metadata.namespace") && r.namespaced()) {
      return Type.STRING;
    }
    switch (r.group() + "/" + r.plural() + " " + field) {
      case "/pods spec.nodeName":
      case "/pods spec.restartPolicy":
      case "/pods spec.schedulerName":
      case "/pods spec.serviceAccountName":
      case "/pods status.phase":
      case "/pods status.podIP":
      case "/pods status.nominatedNodeName":
      case "/namespaces status.phase":
      case "/secrets type":
        return Type.STRING;
      case "/pods spec.hostNetwork":
      case "/nodes spec.unschedulable":
        return Type.BOOL;
      case "apps/replicasets status.replicas":
      case "batch/jobs status.successful":
        return Type.COUNT;
      default:
        return null;
    }
  }

  private static String lookup(JsonObject object, String path, Type type) {
    JsonElement cur = object;
    for (String step : path.split("\\.")) {
      if (cur == null || !cur.isJsonObject()) {
        cur = null;
        break;
      }
      cur = cur.getAsJsonObject().get(step);
    }
    if (cur == null || cur.isJsonNull() || !cur.isJsonPrimitive()) {
      return type == Type.BOOL ? "false" : type == Type.COUNT ? "0" : "";
    }
    if (type == Type.COUNT && cur.getAsJsonPrimitive().isNumber()) {
      return String.valueOf(cur.getAsLong());
    }
    return cur.getAsString();
  }
}
