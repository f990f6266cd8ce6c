package io.meshsdk.inject.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The engine's result for one document: the output root and the per-resource reports. */
public final class DocResult {
  /** The output document root (the input instance when nothing changed). */
  public final Object root;

  /** Whether {@link #root} differs from the input. */
  public final boolean changed;

  /** One report per resource (several for {@code kind: List}). */
  public final List<Report> reports;

  DocResult(Object root, boolean changed, List<Report> reports) {
    this.root = root;
    this.changed = changed;
    this.reports = reports;
  }

  /**
   * Applies {@code one} to a document, or to each item of a {@code kind: List} (Linkerd handles
   * lists item by item; only a list whose items changed is copied).
   */
  static DocResult eachItem(Object root, Function<Object, DocResult> one) {
    Map<String, Object> doc = Trees.map(root);
    if (doc == null || !"List".equals(Trees.text(doc, "kind"))) {
      return one.apply(root);
    }
    List<Object> items = Trees.list(doc, "items");
    List<Report> reports = new ArrayList<>();
    if (items == null) {
      return new DocResult(root, false, reports);
    }
    List<Object> out = null;
    for (int i = 0; i < items.size(); i++) {
      DocResult r = one.apply(items.get(i));
      reports.addAll(r.reports);
      if (r.changed) {
        if (out == null) {
          out = new ArrayList<>(items);
        }
        out.set(i, r.root);
      }
    }
    if (out == null) {
      return new DocResult(root, false, reports);
    }
    Map<String, Object> owned = new Edit().own(doc);
    owned.put("items", out);
    return new DocResult(owned, true, reports);
  }
}
