package io.meshsdk.inject.internal;

import static io.meshsdk.core.linkerd.internal.ProxySetting.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.meshsdk.core.internal.go.GoDuration;
import io.meshsdk.core.internal.go.GoParse;
import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.linkerd.internal.ProxySetting;
import io.meshsdk.core.values.HelmValues;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Linkerd's {@code ApplyAnnotationOverrides} and {@code MergeAdditionalEnv}: the pod template's own
 * {@code config.linkerd.io/*} annotations (and a few labels) change the values used to build the
 * proxy. Where Linkerd silently ignores or only warns about a malformed value, this refuses it with
 * a message naming the annotation ({@link #validate}).
 */
public final class ConfigAnnotationReader {
  private static final List<String> POLICIES =
      List.of(
          "all-unauthenticated",
          "all-authenticated",
          "cluster-unauthenticated",
          "cluster-authenticated",
          "deny",
          "audit");

  private ConfigAnnotationReader() {}

  /**
   * Checks the values of every annotation that injection reads, without changing anything.
   *
   * @param annotations the pod template's annotations (texts)
   * @param namedPorts the pod's named container ports, for {@code opaque-ports}
   * @return one message per malformed annotation, in annotation order; empty when all are fine
   */
  public static List<String> validate(
      Map<String, String> annotations, Map<String, Integer> namedPorts) {
    List<String> problems = new ArrayList<>();
    apply(null, annotations, Map.of(), namedPorts, problems);
    if (problems.size() > 1) {
      Map<String, Integer> order = new java.util.HashMap<>();
      for (String key : annotations.keySet()) {
        order.put(key, order.size());
      }
      problems.sort(
          java.util.Comparator.comparingInt(
              p -> order.getOrDefault(p.substring("annotation ".length(), p.indexOf(": ")), 0)));
    }
    return problems;
  }

  /**
   * Applies the annotations to {@code v} (when not null) and records malformed values.
   *
   * @param v the per-pod values copy to change, or null to only validate
   * @param a the pod template's own annotations
   * @param labels the pod template's labels (tracing service name)
   * @param namedPorts the pod's named container ports
   * @param problems where malformed annotation values are reported
   */
  static void apply(
      ProxyValues v,
      Map<String, String> a,
      Map<String, String> labels,
      Map<String, Integer> namedPorts,
      List<String> problems) {
    ProxyValues t = v == null ? placeholder() : v;
    applyTableSettings(t, a, problems);
    // the settings with semantics of their own (ProxySetting.Parse.CUSTOM)
    applyIngressAndNativeSidecar(t, a, problems);
    applyCpu(t, a, problems);
    applyPortsAndSubnets(t, a, namedPorts, problems);
    applyPolicyAndEnvironment(t, a, problems);
    checkInjectorAnnotations(a, problems);
    applyTracingLabels(t, a, labels);
  }

  /** Every setting whose annotation the table says how to read. */
  private static void applyTableSettings(
      ProxyValues t, Map<String, String> a, List<String> problems) {
    for (ProxySetting setting : ProxySetting.values()) {
      if (setting.parse() != ProxySetting.Parse.CUSTOM
          && setting.parse() != ProxySetting.Parse.NONE) {
        Object value = read(setting, a, problems);
        if (value != null) {
          t.set(setting, value);
        }
      }
    }
  }

  /** {@code linkerd.io/inject: ingress} and the native-sidecar annotations (newest wins). */
  private static void applyIngressAndNativeSidecar(
      ProxyValues t, Map<String, String> a, List<String> problems) {
    if ("ingress".equals(a.get(Names.INJECT))) {
      t.set(INGRESS, true);
    }
    // config.linkerd.io/pod-inbound-ports is not read: the injection always overwrites it with the
    // pod's own ports (spec §1.5), as Linkerd's GetPodPatch does
    Boolean b;
    // config.linkerd.io beats config.beta.linkerd.io, which beats config.alpha.linkerd.io
    for (String key :
        List.of(Names.NATIVE_SIDECAR_ALPHA, Names.NATIVE_SIDECAR_BETA, Names.NATIVE_SIDECAR)) {
      if ((b = bool(a, key, problems)) != null) {
        t.set(NATIVE_SIDECAR, b);
      }
    }
  }

  /** The CPU request and limit (with the worker counts they imply) and the CPU ratio limit. */
  private static void applyCpu(ProxyValues t, Map<String, String> a, List<String> problems) {
    String s;
    Quantity q;
    if ((q = quantity(a, Names.CPU_REQUEST, problems)) != null) {
      t.set(CPU_REQUEST, a.get(Names.CPU_REQUEST));
      t.set(WORKERS_MINIMUM, q.wholeCores());
    }
    if ((q = quantity(a, Names.CPU_LIMIT, problems)) != null) {
      t.set(CPU_LIMIT, a.get(Names.CPU_LIMIT));
      t.set(WORKERS_MAXIMUM, q.wholeCores());
    }
    if ((s = a.get(Names.CPU_RATIO_LIMIT)) != null) {
      Double r = GoParse.parseFloat(s);
      if (r == null) {
        problems.add(bad(Names.CPU_RATIO_LIMIT, s, "expected a number"));
      } else if (r <= 0.0 || r >= 1.0) {
        problems.add(bad(Names.CPU_RATIO_LIMIT, s, "must be greater than 0 and less than 1"));
      } else {
        t.set(WORKERS_MAXIMUM_CPU_RATIO, r);
      }
    }
  }

  /** The port lists and subnets proxy-init skips, and the opaque ports. */
  private static void applyPortsAndSubnets(
      ProxyValues t,
      Map<String, String> a,
      Map<String, Integer> namedPorts,
      List<String> problems) {
    String s;
    if ((s = a.get(Names.SKIP_INBOUND_PORTS)) != null) {
      if (portList(Names.SKIP_INBOUND_PORTS, s, problems)) {
        t.set(IGNORE_INBOUND_PORTS, s);
      }
    }
    if ((s = a.get(Names.SKIP_OUTBOUND_PORTS)) != null) {
      if (portList(Names.SKIP_OUTBOUND_PORTS, s, problems)) {
        t.set(IGNORE_OUTBOUND_PORTS, s);
      }
    }
    if ((s = a.get(Names.SKIP_SUBNETS)) != null) {
      List<String> badCidrs = new ArrayList<>();
      PortRanges.validateCidrs(s, badCidrs);
      if (badCidrs.isEmpty()) {
        t.set(SKIP_SUBNETS, s);
      } else {
        problems.add(bad(Names.SKIP_SUBNETS, s, "invalid CIDR " + GoText.quote(badCidrs.get(0))));
      }
    }
    if ((s = a.get(Names.OPAQUE_PORTS)) != null) {
      try {
        t.set(OPAQUE_PORTS, PortRanges.normalizeOpaquePorts(s, namedPorts));
      } catch (IllegalArgumentException e) {
        problems.add(bad(Names.OPAQUE_PORTS, s, e.getMessage()));
      }
    }
  }

  /** The default inbound policy and the additional environment. */
  private static void applyPolicyAndEnvironment(
      ProxyValues t, Map<String, String> a, List<String> problems) {
    String s;
    if ((s = a.get(Names.DEFAULT_INBOUND_POLICY)) != null) {
      if (POLICIES.contains(s)) {
        t.set(DEFAULT_INBOUND_POLICY, s);
      } else {
        problems.add(bad(Names.DEFAULT_INBOUND_POLICY, s, "valid values are " + POLICIES));
      }
    }
    if ((s = a.get(Names.ADDITIONAL_ENV)) != null) {
      List<Object> env = parseEnv(s, problems);
      if (env != null) {
        t.set(ADDITIONAL_ENV, mergeEnv(t.list(ADDITIONAL_ENV), env));
      }
    }
  }

  /** The annotations the engine reads itself (debug sidecar, close-wait timeout): only checked. */
  private static void checkInjectorAnnotations(Map<String, String> a, List<String> problems) {
    String s;
    if ((s = a.get(Names.ENABLE_DEBUG)) != null) {
      if (GoParse.parseBool(s) == null) {
        problems.add(bad(Names.ENABLE_DEBUG, s, "expected true or false"));
      }
    }
    if ((s = a.get(Names.CLOSE_WAIT_TIMEOUT)) != null) {
      try {
        GoDuration.parse(s);
      } catch (IllegalArgumentException e) {
        problems.add(bad(Names.CLOSE_WAIT_TIMEOUT, s, e.getMessage()));
      }
    }
  }

  /** The tracing labels: the workload's name labels and its OpenTelemetry resource annotations. */
  private static void applyTracingLabels(
      ProxyValues t, Map<String, String> a, Map<String, String> labels) {
    if (t.is(TRACING_ENABLED)) {
      Map<String, String> tl = new TreeMap<>(t.stringMap(TRACING_LABELS));
      String svc = labels.get("app.kubernetes.io/instance");
      if (svc == null) {
        svc = labels.get("app.kubernetes.io/name");
      }
      if (svc != null) {
        tl.put("service.name", svc);
      }
      for (Map.Entry<String, String> e : a.entrySet()) {
        if (e.getKey().startsWith(Names.OTEL_PREFIX)) {
          tl.put(e.getKey().substring(Names.OTEL_PREFIX.length()), e.getValue());
        }
      }
      t.set(TRACING_LABELS, Collections.unmodifiableMap(tl));
    }
  }

  private static ProxyValues placeholder() {
    return ProxyValues.from(HelmValues.empty());
  }

  /**
   * One setting's annotation read as its {@link ProxySetting.Parse} says; null when absent or bad.
   */
  private static Object read(ProxySetting setting, Map<String, String> a, List<String> problems) {
    String key = setting.annotation().orElseThrow();
    String s = a.get(key);
    if (s == null) {
      return null;
    }
    switch (setting.parse()) {
      case TEXT:
        return s;
      case PORT:
        return port(a, key, problems);
      case INT64:
        return int64(a, key, problems);
      case UINT:
        Long w = GoParse.parseUint(s);
        if (w == null) {
          problems.add(bad(key, s, "expected a whole number of seconds"));
        }
        return w;
      case BOOL:
        return bool(a, key, problems);
      case ENABLED_DISABLED:
        if (s.equals("enabled") || s.equals("disabled")) {
          return s.equals("enabled");
        }
        problems.add(bad(key, s, "valid values are enabled and disabled"));
        return null;
      case DURATION_MILLIS:
        return duration(a, key, true, problems);
      case DURATION_SECONDS:
        return duration(a, key, false, problems);
      case QUANTITY:
        return quantity(a, key, problems) == null ? null : s;
      default:
        throw new IllegalStateException("not a generic setting: " + key);
    }
  }

  private static String bad(String key, String value, String why) {
    // a hostile value may be megabytes long: quote its start only
    String shown =
        value.length() <= 200
            ? GoText.quote(value)
            : GoText.quote(value.substring(0, 100)) + "… (" + value.length() + " characters)";
    return "annotation " + key + ": invalid value " + shown + ": " + why;
  }

  private static Long port(Map<String, String> a, String key, List<String> problems) {
    String s = a.get(key);
    if (s == null) {
      return null;
    }
    Long v = GoParse.parseInt(s, 32);
    if (v == null) {
      problems.add(bad(key, s, "expected a port number"));
    }
    return v;
  }

  private static Long int64(Map<String, String> a, String key, List<String> problems) {
    String s = a.get(key);
    if (s == null) {
      return null;
    }
    Long v = GoParse.parseInt(s, 64);
    if (v == null) {
      problems.add(bad(key, s, "expected an integer"));
    }
    return v;
  }

  private static Boolean bool(Map<String, String> a, String key, List<String> problems) {
    String s = a.get(key);
    if (s == null) {
      return null;
    }
    Boolean v = GoParse.parseBool(s);
    if (v == null) {
      problems.add(bad(key, s, "expected true or false"));
    }
    return v;
  }

  private static String duration(
      Map<String, String> a, String key, boolean millis, List<String> problems) {
    String s = a.get(key);
    if (s == null) {
      return null;
    }
    try {
      double secs = GoDuration.seconds(GoDuration.parse(s));
      return millis ? ((long) (secs * 1000)) + "ms" : ((long) secs) + "s";
    } catch (IllegalArgumentException e) {
      problems.add(bad(key, s, e.getMessage()));
      return null;
    }
  }

  private static Quantity quantity(Map<String, String> a, String key, List<String> problems) {
    String s = a.get(key);
    if (s == null) {
      return null;
    }
    try {
      return Quantity.parse(s);
    } catch (IllegalArgumentException e) {
      problems.add(bad(key, s, e.getMessage()));
      return null;
    }
  }

  private static boolean portList(String key, String s, List<String> problems) {
    try {
      PortRanges.validatePortList(s);
      return true;
    } catch (IllegalArgumentException e) {
      problems.add(bad(key, s, e.getMessage()));
      return false;
    }
  }

  /** Parses a JSON list of Kubernetes EnvVar objects into trees. */
  static List<Object> parseEnv(String json, List<String> problems) {
    JsonElement root;
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      reader.setStrictness(Strictness.STRICT); // as Go's json.Unmarshal: no single quotes etc.
      root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonSyntaxException("trailing data");
      }
    } catch (JsonParseException | IOException | IllegalStateException e) {
      problems.add(bad(Names.ADDITIONAL_ENV, json, "not a JSON list of environment variables"));
      return null;
    }
    if (!root.isJsonArray()) {
      problems.add(bad(Names.ADDITIONAL_ENV, json, "not a JSON list of environment variables"));
      return null;
    }
    JsonArray arr = root.getAsJsonArray();
    List<Object> out = new ArrayList<>();
    for (JsonElement e : arr) {
      Object tree = JsonTrees.toTree(e);
      Map<String, Object> m = Trees.map(tree);
      if (m == null || !(m.get("name") instanceof String)) {
        problems.add(
            bad(Names.ADDITIONAL_ENV, json, "every environment variable needs a \"name\""));
        return null;
      }
      // the fields of a Kubernetes EnvVar have types; Go's json.Unmarshal refuses others
      if ((m.containsKey("value") && !(m.get("value") instanceof String || m.get("value") == null))
          || (m.containsKey("valueFrom")
              && !(m.get("valueFrom") instanceof Map || m.get("valueFrom") == null))) {
        problems.add(
            bad(
                Names.ADDITIONAL_ENV,
                json,
                "\"value\" must be a string and \"valueFrom\" an object"));
        return null;
      }
      out.add(tree);
    }
    return out;
  }

  /** Merges environment variables by name: later ones replace earlier ones in place. */
  static List<Object> mergeEnv(List<Object> base, List<Object> extra) {
    Map<String, Object> byName = new LinkedHashMap<>();
    if (base != null) {
      for (Object o : base) {
        Map<String, Object> m = Trees.map(o);
        byName.put(m == null ? String.valueOf(o) : Trees.text(m, "name"), o);
      }
    }
    for (Object o : extra) {
      byName.put(Trees.text(Trees.map(o), "name"), o);
    }
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }
}
