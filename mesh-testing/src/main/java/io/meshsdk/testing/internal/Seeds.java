package io.meshsdk.testing.internal;

import com.google.gson.JsonObject;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.testing.KubeApiServerException;
import java.util.ArrayList;
import java.util.List;

/** Stores seed documents in the order a real cluster needs them: CRDs, namespaces, the rest. */
public final class Seeds {
  private Seeds() {}

  /**
   * Stores documents; {@code kind: List} documents are expanded, empty documents skipped.
   *
   * @param api the API
   * @param documents the documents
   * @throws KubeApiServerException naming the document that could not be stored and why
   */
  public static void store(KubeApi api, List<Manifest> documents) {
    List<Manifest> flat = new ArrayList<>();
    for (Manifest m : documents) {
      if (m.isList()) {
        flat.addAll(m.items());
      } else if (!m.isEmpty()) {
        flat.add(m);
      }
    }
    List<Manifest> ordered = new ArrayList<>();
    for (int pass = 0; pass < 3; pass++) {
      for (Manifest m : flat) {
        if (rank(m) == pass) {
          ordered.add(m);
        }
      }
    }
    for (Manifest m : ordered) {
      if (m.object().isEmpty()) {
        throw new KubeApiServerException(
            m.location()
                + ": a seed must be a mapping with "
                + "apiVersion, kind and metadata.name");
      }
      if (m.kind().isEmpty() || m.apiVersion().isEmpty() || m.name().isEmpty()) {
        throw new KubeApiServerException(
            m.location()
                + ": a seed needs apiVersion, kind and "
                + "metadata.name (got apiVersion "
                + m.apiVersion().orElse("none")
                + ", kind "
                + m.kind().orElse("none")
                + ", name "
                + m.name().orElse("none")
                + ")");
      }
      JsonObject o = Json.parseObject(ManifestWriter.toJson(m.root()));
      JsonObject meta = Json.object(o, "metadata");
      // a create must not carry a resourceVersion; dumps (kubectl get -o yaml) do
      meta.remove("resourceVersion");
      ApiResponse r = api.seed(o);
      if (r.code() >= 300) {
        String message = r.body();
        try {
          message = Json.string(Json.parseObject(r.body()), "message");
        } catch (IllegalArgumentException notStatus) {
          // keep the body
        }
        throw new KubeApiServerException(
            m.location()
                + ": cannot seed "
                + m.kind().orElse("")
                + " "
                + m.namespace().map(ns -> ns + "/").orElse("")
                + m.name().orElse("")
                + ": "
                + message);
      }
    }
  }

  private static int rank(Manifest m) {
    String kind = m.kind().orElse("");
    if ("CustomResourceDefinition".equals(kind)) {
      return 0;
    }
    return "Namespace".equals(kind) ? 1 : 2;
  }
}
