package io.meshsdk.cluster.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * The fields the API server supports in field selectors, per resource, and their values for an
 * object (as the server's {@code GetAttrs} functions compute them: unset strings are {@code ""},
 * unset booleans {@code "false"}, unset counts {@code "0"}).
 */
public final class FieldSets {

  private FieldSets() {}

  /**
   * The value of a selectable field.
   *
   * @param group the API group of the resource
   * @param plural the plural resource name
   * @param namespaced whether the resource is namespaced
   * @param object the object
   * @param field the field, e.g. {@code status.phase}
   * @return the value, or empty if the server does not support the field for this resource
   */
  public static Optional<String> value(
      String group, String plural, boolean namespaced, JsonObject object, String field) {
    if (field.equals("metadata.name")) {
      return Optional.of(string(object, "metadata", "name"));
    }
    if (field.equals("metadata.namespace") && namespaced) {
      return Optional.of(string(object, "metadata", "namespace"));
    }
    String key = group + "/" + plural;
    switch (key) {
      case "/pods":
        switch (field) {
          case "spec.nodeName":
            return Optional.of(string(object, "spec", "nodeName"));
          case "spec.restartPolicy":
            return Optional.of(string(object, "spec", "restartPolicy"));
          case "spec.schedulerName":
            return Optional.of(string(object, "spec", "schedulerName"));
          case "spec.serviceAccountName":
            return Optional.of(string(object, "spec", "serviceAccountName"));
          case "spec.hostNetwork":
            return Optional.of(bool(object, "spec", "hostNetwork"));
          case "status.phase":
            return Optional.of(string(object, "status", "phase"));
          case "status.podIP":
            return Optional.of(string(object, "status", "podIP"));
          case "status.nominatedNodeName":
            return Optional.of(string(object, "status", "nominatedNodeName"));
          default:
            return Optional.empty();
        }
      case "/nodes":
        return field.equals("spec.unschedulable")
            ? Optional.of(bool(object, "spec", "unschedulable"))
            : Optional.empty();
      case "/namespaces":
        return field.equals("status.phase")
            ? Optional.of(string(object, "status", "phase"))
            : Optional.empty();
      case "/secrets":
        return field.equals("type") ? Optional.of(string(object, "type")) : Optional.empty();
      case "apps/replicasets":
      case "/replicationcontrollers":
        return field.equals("status.replicas")
            ? Optional.of(count(object, "status", "replicas"))
            : Optional.empty();
      case "batch/jobs":
        return field.equals("status.successful")
            ? Optional.of(count(object, "status", "successful"))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static JsonElement at(JsonObject o, String... path) {
    JsonElement e = o;
    for (String p : path) {
      if (e == null || !e.isJsonObject()) {
        return null;
      }
      e = e.getAsJsonObject().get(p);
    }
    return e == null || e.isJsonNull() ? null : e;
  }

  private static String string(JsonObject o, String... path) {
    JsonElement e = at(o, path);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }

  private static String bool(JsonObject o, String... path) {
    JsonElement e = at(o, path);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()
        ? String.valueOf(e.getAsBoolean())
        : "false";
  }

  private static String count(JsonObject o, String... path) {
    JsonElement e = at(o, path);
    if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return String.valueOf(e.getAsLong());
    }
    return "0";
  }
}
