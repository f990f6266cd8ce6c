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
 * Test-only YAML helpers: SnakeYAML loading into plain mutable ordered maps (for tests that check
 * the engine never modifies its input), and the conformance comparison (drop nulls, {@code false},
 * empty maps and lists).
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
