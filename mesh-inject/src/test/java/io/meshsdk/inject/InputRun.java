package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the engine over the inputs of a path as {@code mesh inject|uninject} does (the command
 * lives in the examples module, which depends on this one): inputs read with the manifest reader
 * file by file (folders walked sorted), Linkerd's all-or-nothing rule per input, output through the
 * manifest writer, and the report per input.
 */
final class InputRun {
  /** What the command would print. */
  static final class Output {
    final List<Object> documents = new ArrayList<>();
    final StringBuilder stderr = new StringBuilder();
    int exit;
  }

  private InputRun() {}

  static Output inject(Injector injector, Path input, boolean verbose) {
    Output out = new Output();
    Injector.Session session = injector.newSession();
    ManifestReader reader = ManifestReader.create();
    for (Path file : reader.files(input)) {
      InjectionResult r;
      try {
        r = session.injectAll(reader.readAll(file)); // one run over all inputs, as Linkerd
      } catch (InjectionException | ManifestException e) {
        out.stderr.append("Error transforming resources:\n").append(e.getMessage());
        out.exit = 1;
        return out;
      }
      out.documents.addAll(written(r.documents()));
      out.stderr.append(verbose ? r.report().renderVerbose() : r.report().render());
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
      InjectionResult r = Uninjector.create().uninjectAll(reader.readAll(file));
      out.documents.addAll(written(r.documents()));
      out.stderr.append(r.report().render());
    }
    return out;
  }
}
