package io.meshsdk.cluster.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.meshsdk.core.manifest.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's own JSON for the official client's models: a plain reflective Gson per instance that
 * ignores fields the models do not know (newer API servers send them; client-java's generated
 * strict adapters reject them, client-java#4809) and reuses client-java's adapters for dates,
 * {@code byte[]}, {@code IntOrString} and {@code Quantity}. Never touches client-java's global
 * {@code JSON} settings.
 *
 * <p>Thread-safe.
 */
public final class LenientJson {

  private final Gson gson;

  /** Creates the JSON mapper. */
  public LenientJson() {
    this.gson =
        new GsonBuilder()
            .registerTypeAdapter(OffsetDateTime.class, new JSON.OffsetDateTimeTypeAdapter())
            .registerTypeAdapter(LocalDate.class, new JSON.LocalDateTypeAdapter())
            .registerTypeAdapter(Date.class, new JSON.DateTypeAdapter())
            .registerTypeAdapter(byte[].class, new JSON.ByteArrayAdapter())
            .registerTypeAdapter(IntOrString.class, new IntOrString.IntOrStringAdapter())
            .registerTypeAdapter(Quantity.class, new Quantity.QuantityAdapter())
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .setStrictness(Strictness.LEGACY_STRICT)
            .disableHtmlEscaping()
            .create();
  }

  /**
   * The Gson instance (for writing request bodies).
   *
   * @return the Gson
   */
  public Gson gson() {
    return gson;
  }

  /**
   * Reads a model from a JSON tree.
   *
   * @param json the tree
   * @param type the model class
   * @param <T> the model type
   * @return the model
   * @throws JsonParseException if the tree does not fit the model (wrong types)
   */
  public <T> T toModel(JsonElement json, Class<T> type) {
    try {
      return gson.fromJson(json, type);
    } catch (RuntimeException e) {
      if (e instanceof JsonParseException) {
        throw e;
      }
      throw new JsonParseException(e.getMessage(), e);
    }
  }

  /**
   * Converts a JSON tree to an unmodifiable generic tree: insertion-ordered maps, lists, strings,
   * booleans, {@code Long} for integers that fit, {@code Double} for other numbers, null.
   *
   * @param json the tree
   * @return the generic tree
   */
  public static Object toTree(JsonElement json) {
    if (json == null || json.isJsonNull()) {
      return null;
    }
    if (json.isJsonObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
        m.put(e.getKey(), toTree(e.getValue()));
      }
      return Collections.unmodifiableMap(m);
    }
    if (json.isJsonArray()) {
      List<Object> l = new ArrayList<>();
      for (JsonElement e : json.getAsJsonArray()) {
        l.add(toTree(e));
      }
      return Collections.unmodifiableList(l);
    }
    JsonPrimitive p = json.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isString()) {
      return p.getAsString();
    }
    String s = p.getAsString();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return Double.parseDouble(s);
    }
  }

  /**
   * Converts a generic object tree (as mesh-core's manifests hold it) to a JSON object.
   *
   * @param object the tree
   * @return the JSON object
   */
  public static JsonObject toJsonObject(Map<String, ?> object) {
    return toJson(object).getAsJsonObject();
  }

  /**
   * Converts a generic tree to JSON as Kubernetes converts YAML to JSON: a {@link YamlScalar} by
   * its YAML 1.1 value (booleans, integers in any base, finite floats); timestamps and other
   * scalars as their text.
   *
   * @param tree the tree
   * @return the JSON tree
   */
  public static JsonElement toJson(Object tree) {
    if (tree == null) {
      return JsonNull.INSTANCE;
    }
    if (tree instanceof Map<?, ?> m) {
      JsonObject o = new JsonObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        o.add(String.valueOf(e.getKey()), toJson(e.getValue()));
      }
      return o;
    }
    if (tree instanceof List<?> l) {
      JsonArray a = new JsonArray();
      for (Object e : l) {
        a.add(toJson(e));
      }
      return a;
    }
    if (tree instanceof String s) {
      return new JsonPrimitive(s);
    }
    if (tree instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (tree instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? new JsonPrimitive(d.toString()) : new JsonPrimitive(d);
    }
    if (tree instanceof Float f) {
      return toJson(f.doubleValue());
    }
    if (tree instanceof Integer
        || tree instanceof Long
        || tree instanceof Short
        || tree instanceof Byte
        || tree instanceof BigInteger
        || tree instanceof BigDecimal) {
      return new JsonPrimitive((Number) tree);
    }
    if (tree instanceof YamlScalar y) {
      Object v = y.value();
      if (v instanceof Boolean || v instanceof Number) {
        return toJson(v);
      }
      return new JsonPrimitive(y.text());
    }
    return new JsonPrimitive(tree.toString());
  }
}
