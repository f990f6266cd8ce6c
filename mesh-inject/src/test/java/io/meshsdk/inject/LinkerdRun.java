package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestStream;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.testing.Conformance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only stand-in for the {@code mesh inject|uninject} command until the Helm values parser is
 * merged: chart defaults plus plain {@code --set}/{@code --set-file} entries, inputs read with the
 * manifest reader file by file (folders walked sorted), Linkerd's all-or-nothing rule per input,
 * output through the manifest writer, and the report per input.
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

  static Output inject(Injector injector, Path input, boolean verbose) {
    Output out = new Output();
    Injector.Session session = injector.newSession();
    ManifestReader reader = ManifestReader.create();
    for (Path file : reader.files(input)) {
      List<Manifest> docs = new ArrayList<>();
      List<ResourceReport> resources = new ArrayList<>();
      try (ManifestStream in = reader.open(file)) {
        while (in.hasNext()) {
          ManifestResult r = session.inject(in.next());
          docs.add(r.manifest());
          resources.addAll(r.resources());
        }
      } catch (InjectionException | ManifestException e) {
        out.stderr.append("Error transforming resources:\n").append(e.getMessage());
        out.exit = 1;
        return out;
      }
      out.documents.addAll(written(docs));
      out.stderr.append(InjectionReport.of(InjectionReport.Operation.INJECT, resources)
          .render(verbose));
    }
    return out;
  }

  /** Writes the documents with the manifest writer and reads them back as plain YAML. */
  static List<Object> written(List<Manifest> docs) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (ManifestWriter w = ManifestWriter.yaml(text)) {
      for (Manifest m : docs) {
        w.write(m);
      }
    }
    return Yamls.loadAll(text.toString());
  }

  static Output uninject(Path input) {
    Output out = new Output();
    ManifestReader reader = ManifestReader.create();
    for (Path file : reader.files(input)) {
      List<Manifest> docs = new ArrayList<>();
      List<ResourceReport> resources = new ArrayList<>();
      for (Manifest m : reader.readAll(file)) {
        ManifestResult r = Uninjector.create().uninject(m);
        docs.add(r.manifest());
        resources.addAll(r.resources());
      }
      out.documents.addAll(written(docs));
      out.stderr.append(InjectionReport.of(InjectionReport.Operation.UNINJECT, resources)
          .render(false));
    }
    return out;
  }
}
