package io.meshsdk.inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Test-only YAML helpers until mesh-core's manifest reader is merged: Kubernetes' document
 * splitting (a {@code ---} line ends a non-empty chunk), SnakeYAML loading into ordered maps, and
 * the conformance comparison (drop nulls, {@code false}, empty maps and lists).
 */
final class Yamls {
  private Yamls() {}

  static Yaml yaml() {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(Integer.MAX_VALUE);
    return new Yaml(lo);
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits like k8s.io/apimachinery's YAMLReader: chunks between "---" lines, empty ones
   * dropped.
   */
  static List<String> chunks(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int nl = text.indexOf('\n', i);
      String line = nl < 0 ? text.substring(i) : text.substring(i, nl + 1);
      i = nl < 0 ? text.length() : nl + 1;
      if (line.startsWith("---")) {
        String rest = line.substring(3).trim();
        if (rest.isEmpty() || rest.startsWith("#")) {
          if (buf.length() > 0) {
            out.add(buf.toString());
            buf.setLength(0);
          }
          continue;
        }
      }
      buf.append(line);
    }
    if (buf.length() > 0) {
      out.add(buf.toString());
    }
    return out;
  }

  static Object load(String chunk) {
    return yaml().load(chunk);
  }

  static List<Object> loadAll(String text) {
    List<Object> out = new ArrayList<>();
    for (Object o : yaml().loadAll(text)) {
      out.add(o);
    }
    return out;
  }

  /** The conformance view of documents: pruned, without null and empty documents. */
  static List<Object> docs(List<Object> docs) {
    List<Object> out = new ArrayList<>();
    for (Object d : docs) {
      Object p = prune(d);
      if (p == null || (p instanceof Map && ((Map<?, ?>) p).isEmpty())) {
        continue;
      }
      out.add(p);
    }
    return out;
  }

  static Object prune(Object x) {
    if (x instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) x).entrySet()) {
        Object v = prune(e.getValue());
        if (v == null
            || Boolean.FALSE.equals(v)
            || (v instanceof Map && ((Map<?, ?>) v).isEmpty())
            || (v instanceof List && ((List<?>) v).isEmpty())) {
          continue;
        }
        out.put(String.valueOf(e.getKey()), v);
      }
      return out;
    }
    if (x instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object v : (List<?>) x) {
        out.add(prune(v));
      }
      return out;
    }
    if (x instanceof Long && (Long) x <= Integer.MAX_VALUE && (Long) x >= Integer.MIN_VALUE) {
      return ((Long) x).intValue();
    }
    return x;
  }

  static String dump(Object o) {
    org.yaml.snakeyaml.DumperOptions d = new org.yaml.snakeyaml.DumperOptions();
    d.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
    return new Yaml(d).dump(o);
  }
}
