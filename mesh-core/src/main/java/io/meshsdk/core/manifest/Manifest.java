package io.meshsdk.core.manifest;

import io.meshsdk.core.internal.tree.Frozen;
import io.meshsdk.core.manifest.internal.TextPatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One document of a manifest stream: an insertion-ordered generic tree ({@code Map<String,Object>}
 * / {@code List<Object>} / scalars), where it came from, and — for a document as read — its exact
 * source text, which {@link ManifestWriter} writes back byte for byte while the document is
 * unmodified.
 *
 * <p>Scalars in the tree: {@link String} for strings (any quoting style); {@link Boolean} only for
 * {@code true}/{@code True}/{@code TRUE}/{@code false}/{@code False}/{@code FALSE}; {@link
 * Integer}, {@link Long} or {@link java.math.BigInteger} only for canonical decimal integers
 * ({@code [-+]?(0|[1-9][0-9]*)}); {@code null} for {@code null}/{@code Null}/{@code NULL}/{@code
 * ~}/empty; a {@link YamlScalar} keeping the exact text for every other plain scalar that some YAML
 * reader takes for a non-string ({@code 0755}, {@code 1.10}, {@code on}, {@code 2024-01-02}, …) and
 * for explicitly tagged scalars other than canonical {@code !!int}/{@code !!bool}/{@code !!null}.
 * {@code !!str} and the non-specific tag {@code !} give strings; tags on mappings and sequences are
 * ignored. Mapping keys are always the key's text as a {@link String}, whatever its type in YAML
 * ({@code 1:} and {@code on:} give the keys {@code "1"} and {@code "on"}); a changed document
 * writes such keys quoted. Aliases are expanded (the expanded parts are shared, which is safe
 * because the tree is immutable) and merge keys ({@code <<}) are applied; the source text keeps the
 * anchors.
 *
 * <p>Immutable and thread-safe: {@link #root()} is deeply unmodifiable; the {@code with…} methods
 * return new documents.
 */
public final class Manifest {
  private final Object root;
  private final ManifestLocation location;
  private final String sourceText;
  private final boolean modified;
  private final boolean empty;
  private final boolean continuesPrevious;
  private final List<String> warnings;

  /** The tree as read from {@link #sourceText}, for {@link #edits()}. */
  private final Object sourceRoot;

  /** The patch of the source text, computed once when first asked for. */
  private volatile TextPatcher.Outcome patch;

  Manifest(
      Object frozenRoot,
      ManifestLocation location,
      String sourceText,
      boolean modified,
      boolean empty,
      boolean continuesPrevious) {
    this(frozenRoot, location, sourceText, modified, empty, continuesPrevious, List.of());
  }

  Manifest(
      Object frozenRoot,
      ManifestLocation location,
      String sourceText,
      boolean modified,
      boolean empty,
      boolean continuesPrevious,
      List<String> warnings) {
    this(
        frozenRoot, location, sourceText, modified, empty, continuesPrevious, warnings, frozenRoot);
  }

  private Manifest(
      Object frozenRoot,
      ManifestLocation location,
      String sourceText,
      boolean modified,
      boolean empty,
      boolean continuesPrevious,
      List<String> warnings,
      Object sourceRoot) {
    this.sourceRoot = sourceRoot;
    this.root = frozenRoot;
    this.location = location;
    this.sourceText = sourceText;
    this.modified = modified;
    this.empty = empty;
    this.continuesPrevious = continuesPrevious;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * What the reader accepted in this document's source but a strict reader refuses: with {@link
   * ManifestReader.Builder#allowDuplicateKeys()}, one line per duplicate mapping key, naming the
   * place, e.g. {@code web.yaml: document 1, line 7, column 5: duplicate key "name": the last one
   * wins}. Kept by the {@code with…} methods, as they are about the source.
   *
   * @return the warnings, empty for a clean document or one built in code
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * A document built in code: {@linkplain #isModified() modified}, without source text, at {@link
   * ManifestLocation#GENERATED}.
   *
   * @param object the Kubernetes object (copied and frozen)
   * @return the document
   * @throws ManifestException when the tree holds a key that is not a string or a value of an
   *     unsupported type
   */
  public static Manifest of(Map<String, ?> object) {
    Objects.requireNonNull(object, "object");
    Object root = freeze(object, ManifestLocation.GENERATED);
    return new Manifest(root, ManifestLocation.GENERATED, null, true, false, false);
  }

  private static Object freeze(Object tree, ManifestLocation at) {
    try {
      return Frozen.freeze(tree);
    } catch (Frozen.Refused e) {
      throw new ManifestException(
          refusal(e), at.source(), at.documentIndex(), at.line(), 0, List.of());
    }
  }

  private static String refusal(Frozen.Refused e) {
    StringBuilder path = new StringBuilder();
    for (Object seg : e.path()) {
      if (seg instanceof Integer) {
        path.append('[').append(seg).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(seg);
      }
    }
    String at = path.length() == 0 ? "the root" : path.toString();
    Object o = e.offender();
    if (e.isKey()) {
      return "mapping keys must be strings, found "
          + (o == null ? "null" : o.getClass().getName())
          + " at "
          + at;
    }
    return "a manifest cannot hold a value of type " + o.getClass().getName() + " at " + at;
  }

  /**
   * The document's tree: null (empty or comment-only document, or an explicit null), a {@code
   * Map<String,Object>}, a {@code List<Object>} or a scalar. Deeply unmodifiable, in insertion
   * order.
   *
   * @return the root
   */
  public Object root() {
    return root;
  }

  /**
   * The root when it is a mapping (a Kubernetes object).
   *
   * @return the mapping, or empty
   */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> object() {
    return root instanceof Map ? Optional.of((Map<String, Object>) root) : Optional.empty();
  }

  /**
   * Whether the document has no content: an empty or comment-only document (as read), or a changed
   * document whose root is null.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return empty;
  }

  /**
   * The top-level {@code kind} when it is a string.
   *
   * @return the kind, or empty when absent or not a string
   */
  public Optional<String> kind() {
    return Optional.ofNullable(stringField(root, "kind"));
  }

  /**
   * The top-level {@code apiVersion} when it is a string.
   *
   * @return the API version, or empty when absent or not a string
   */
  public Optional<String> apiVersion() {
    return Optional.ofNullable(stringField(root, "apiVersion"));
  }

  /**
   * {@code metadata.name} when it is a string; there is no fallback to {@code generateName}.
   *
   * @return the name, or empty when absent or not a string
   */
  public Optional<String> name() {
    return Optional.ofNullable(stringField(metadata(), "name"));
  }

  /**
   * {@code metadata.namespace} when it is a string.
   *
   * @return the namespace, or empty when absent or not a string
   */
  public Optional<String> namespace() {
    return Optional.ofNullable(stringField(metadata(), "namespace"));
  }

  private Object metadata() {
    return root instanceof Map ? ((Map<?, ?>) root).get("metadata") : null;
  }

  private static String stringField(Object map, String key) {
    if (map instanceof Map) {
      Object v = ((Map<?, ?>) map).get(key);
      return v instanceof String ? (String) v : null;
    }
    return null;
  }

  /**
   * Where the document was read.
   *
   * @return the location
   */
  public ManifestLocation location() {
    return location;
  }

  /**
   * The exact text of this document as read, including its own leading {@code ---} line if it had
   * one; empty for documents built in code and for the items of a List.
   *
   * @return the source text
   */
  public Optional<String> sourceText() {
    return Optional.ofNullable(sourceText);
  }

  /**
   * Whether the document differs from its source: false for a document as read and for the items of
   * an unmodified List; true after {@link #withRoot}, for a reassembled List with a changed item,
   * and for {@link #of}.
   *
   * @return true when modified
   */
  public boolean isModified() {
    return modified;
  }

  boolean continuesPrevious() {
    return continuesPrevious;
  }

  /**
   * Whether this is a list of objects: {@code kind: List} (or any kind ending in {@code List}, such
   * as {@code DeploymentList}, as the API server returns them) with an {@code items} sequence.
   *
   * @return true for a List
   */
  public boolean isList() {
    String kind = kind().orElse(null);
    return kind != null && kind.endsWith("List") && ((Map<?, ?>) root).get("items") instanceof List;
  }

  /**
   * The items of a List as documents (unmodified, at this document's location, without source
   * text).
   *
   * @return the items, or an empty list when this is not a List
   */
  public List<Manifest> items() {
    if (!isList()) {
      return List.of();
    }
    List<?> items = (List<?>) ((Map<?, ?>) root).get("items");
    List<Manifest> out = new ArrayList<>(items.size());
    for (Object item : items) {
      out.add(new Manifest(item, location, null, false, item == null, false));
    }
    return List.copyOf(out);
  }

  /**
   * A deep mutable copy of the root mapping ({@link LinkedHashMap} / {@link ArrayList} / scalars),
   * to change and pass to {@link #withRoot}.
   *
   * @return the copy
   * @throws ManifestException when the root is not a mapping
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> copyObject() {
    if (!(root instanceof Map)) {
      throw new ManifestException(
          "the document is not a Kubernetes object (a mapping)",
          location.source(),
          location.documentIndex(),
          location.line(),
          0,
          List.of());
    }
    return (Map<String, Object>) Frozen.mutableCopy(root);
  }

  /**
   * A modified document with a new tree at the same location; the tree is copied and frozen (frozen
   * parts of other documents are shared, not copied).
   *
   * @param newRoot the new tree (maps with string keys, lists, strings, booleans, numbers, {@link
   *     YamlScalar}, null)
   * @return the new document
   * @throws ManifestException when the tree holds a key that is not a string or a value of an
   *     unsupported type
   */
  public Manifest withRoot(Object newRoot) {
    return new Manifest(
        freeze(newRoot, location),
        location,
        sourceText,
        true,
        newRoot == null,
        continuesPrevious,
        warnings,
        sourceRoot);
  }

  /**
   * This List with its items replaced: the same document when every item is unmodified and the
   * items are this List's own, in order; otherwise a modified document whose {@code items} holds
   * the items' roots (all other fields kept in place).
   *
   * @param newItems the items
   * @return the reassembled List
   * @throws ManifestException when this is not a List
   */
  public Manifest withItems(List<Manifest> newItems) {
    if (!isList()) {
      throw new ManifestException(
          "the document is not a List",
          location.source(),
          location.documentIndex(),
          location.line(),
          0,
          List.of());
    }
    List<?> old = (List<?>) ((Map<?, ?>) root).get("items");
    boolean same = old.size() == newItems.size();
    for (int i = 0; same && i < old.size(); i++) {
      Manifest m = newItems.get(i);
      same = !m.isModified() && m.root() == old.get(i);
    }
    if (same) {
      return this;
    }
    List<Object> roots = new ArrayList<>(newItems.size());
    for (Manifest m : newItems) {
      roots.add(m.root());
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(object().orElseThrow());
    copy.put("items", roots);
    return new Manifest(
        freeze(copy, location),
        location,
        sourceText,
        true,
        false,
        continuesPrevious,
        warnings,
        sourceRoot);
  }

  /**
   * How {@link ManifestWriter} writes this document as YAML, and the edits of its source text: a
   * changed document with source text is written as that text plus edits in the document's own
   * style (see {@link DocumentEdits}); when the edit would not be safe it is re-emitted in block
   * style and {@link DocumentEdits#declined()} says why.
   *
   * @return the edits (computed once)
   */
  public DocumentEdits edits() {
    return DocumentEdits.of(this);
  }

  /** The patched source text, or null when there is none or the patcher declined. */
  String patchedText() {
    TextPatcher.Outcome p = patch();
    return p == null ? null : p.text();
  }

  /** The patch of a modified document with source text (null otherwise). */
  TextPatcher.Outcome patch() {
    if (!modified || sourceText == null) {
      return null;
    }
    TextPatcher.Outcome p = patch;
    if (p == null) {
      p = TextPatcher.patch(sourceText, sourceRoot, root, TextPatcher.Verify.WHEN_RISKY);
      patch = p;
    }
    return p;
  }

  /**
   * A short description for logs: kind, name and location.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "Manifest["
        + (empty ? "empty" : kind() + "/" + name())
        + (modified ? ", modified" : "")
        + " at "
        + location
        + "]";
  }
}
