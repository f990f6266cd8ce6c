package io.meshsdk.testing.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Small null-safe helpers over Gson's tree. */
public final class Json {
  /** Compact output; HTML escaping off, as the API server writes JSON. */
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private Json() {}

  /**
   * A child object, or an empty detached object when absent or not an object.
   *
   * @param parent the parent, may be null
   * @param key the key
   * @return the child
   */
  public static JsonObject object(JsonObject parent, String key) {
    if (parent == null) {
      return new JsonObject();
    }
    JsonElement e = parent.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }

  /**
   * A string child, or {@code ""} when absent or not a string.
   *
   * @param parent the parent, may be null
   * @param key the key
   * @return the string
   */
  public static String string(JsonObject parent, String key) {
    if (parent == null) {
      return "";
    }
    JsonElement e = parent.get(key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }

  /**
   * The generic tree of a JSON value, as mesh-core's manifests hold it: insertion-ordered maps,
   * lists, strings, booleans, null, {@link Integer}/{@link Long}/{@link java.math.BigInteger} for
   * integers and {@link Double} for other numbers.
   *
   * @param e the value
   * @return the tree
   */
  public static Object toTree(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      for (java.util.Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
        m.put(entry.getKey(), toTree(entry.getValue()));
      }
      return m;
    }
    if (e.isJsonArray()) {
      java.util.List<Object> l = new java.util.ArrayList<>();
      e.getAsJsonArray().forEach(x -> l.add(toTree(x)));
      return l;
    }
    com.google.gson.JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isString()) {
      return p.getAsString();
    }
    java.math.BigDecimal d = p.getAsBigDecimal();
    try {
      java.math.BigInteger i = d.toBigIntegerExact();
      if (i.bitLength() < 32) {
        return i.intValue();
      }
      return i.bitLength() < 64 ? (Object) i.longValue() : i;
    } catch (ArithmeticException notIntegral) {
      return d.doubleValue();
    }
  }

  /**
   * Parses an object.
   *
   * @param text JSON text
   * @return the object
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static JsonObject parseObject(String text) {
    JsonElement e;
    try {
      e = com.google.gson.JsonParser.parseString(text);
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException("the body is not valid JSON: " + ex.getMessage(), ex);
    }
    if (!e.isJsonObject()) {
      throw new IllegalArgumentException("the body is not a JSON object");
    }
    return e.getAsJsonObject();
  }
}
