package io.meshsdk.inject;

import io.meshsdk.core.testing.Conformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test-only stand-in for the {@code mesh inject|uninject} command until the manifest reader and
 * the Helm values parser are merged: chart defaults plus plain {@code --set}/{@code --set-file}
 * entries, inputs read file by file (folders walked sorted), Linkerd's all-or-nothing rule per
 * input, and the report per input.
 */
final class LinkerdRun {
  /** What the command would print. */
  static final class Output {
    final List<Object> documents = new ArrayList<>();
    final StringBuilder stderr = new StringBuilder();
    int exit;
  }

  private LinkerdRun() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> chartDefaults() {
    Path p = Conformance.resolve("linkerd", "chart", "linkerd-control-plane.values.yaml");
    return (Map<String, Object>) Yamls.load(Yamls.read(p));
  }

  /** Applies a plain {@code --set a.b=c} (escaped commas allowed) with Helm's typing. */
  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> values, String entry, boolean fromFile) {
    int eq = entry.indexOf('=');
    String key = entry.substring(0, eq);
    String raw = entry.substring(eq + 1);
    Object value;
    if (fromFile) {
      value = Yamls.read(Conformance.resolve("linkerd", raw));
    } else {
      String v = raw.replace("\\,", ",");
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        value = Boolean.parseBoolean(v.toLowerCase());
      } else if (v.equals("null")) {
        value = null;
      } else if (v.equals("0") || (v.matches("-?[1-9][0-9]*") && v.length() < 19)) {
        value = Long.parseLong(v);
      } else {
        value = v;
      }
    }
    String[] keys = key.split("\\.");
    Map<String, Object> cur = values;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = cur.get(keys[i]);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        cur.put(keys[i], next);
      } else {
        next = new LinkedHashMap<>((Map<String, Object>) next);
        cur.put(keys[i], next);
      }
      cur = (Map<String, Object>) next;
    }
    cur.put(keys[keys.length - 1], value);
  }

  static List<Path> inputs(Path input) {
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    List<Path> out = new ArrayList<>();
    walk(input, out);
    return out;
  }

  private static void walk(Path dir, List<Path> out) {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted((a, b) -> a.getFileName().toString()
          .compareTo(b.getFileName().toString())).toList()) {
        if (Files.isDirectory(p)) {
          walk(p, out);
        } else {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Output inject(Injector injector, Path input, boolean verbose) {
    Output out = new Output();
    Injector.Session session = injector.newSession();
    for (Path file : inputs(input)) {
      List<Object> docs = new ArrayList<>();
      List<ResourceReport> resources = new ArrayList<>();
      try {
        for (String chunk : Yamls.chunks(Yamls.read(file))) {
          Object doc;
          try {
            doc = Yamls.load(chunk);
          } catch (RuntimeException e) {
            throw new InjectionException(
                "error converting YAML to JSON: " + e.getMessage(),
                InjectionException.Reason.INVALID_INPUT, "", "", List.of());
          }
          TransformResult r = session.inject(doc);
          docs.add(r.document());
          resources.addAll(r.resources());
        }
      } catch (InjectionException e) {
        out.stderr.append("Error transforming resources:\n").append(e.getMessage());
        out.exit = 1;
        return out;
      }
      out.documents.addAll(docs);
      out.stderr.append(InjectionReport.of(InjectionReport.Operation.INJECT, resources)
          .render(verbose));
    }
    return out;
  }

  static Output uninject(Path input) {
    Output out = new Output();
    for (Path file : inputs(input)) {
      List<ResourceReport> resources = new ArrayList<>();
      for (String chunk : Yamls.chunks(Yamls.read(file))) {
        TransformResult r = Uninjector.create().uninject(Yamls.load(chunk));
        out.documents.add(r.document());
        resources.addAll(r.resources());
      }
      out.stderr.append(InjectionReport.of(InjectionReport.Operation.UNINJECT, resources)
          .render(false));
    }
    return out;
  }
}
