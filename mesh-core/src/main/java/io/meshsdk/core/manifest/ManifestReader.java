package io.meshsdk.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests: multi-document YAML and JSON (also several concatenated JSON values)
 * from strings, readers, input streams (use {@code open(System.in, "<stdin>")} for stdin), files
 * and folders.
 *
 * <p>The input is split into documents at lines starting with {@code ---} (the marker line belongs
 * to the document it starts; text before the first marker is a document of its own, possibly
 * comment-only), and each document is parsed on its own with SnakeYAML, so a bad document does not
 * stop the others, limits apply per document, and errors name the line and column in the whole
 * source. An empty input has no documents; an empty or comment-only document (such as the one a
 * trailing {@code ---} makes) is kept as a document whose {@link Manifest#isEmpty()} is true.
 *
 * <p>Limits against hostile input (see {@link Builder}): document size, aliases to collections and
 * their total expansion, nesting depth; duplicate keys are errors (unless {@link
 * Builder#allowDuplicateKeys()}); with {@code requireObjects} (the default) a document whose root
 * is a scalar or a sequence is an error.
 *
 * <p>Immutable and thread-safe: build once and share. Every read creates its own parser.
 */
public final class ManifestReader {
  /** The default largest document: 16 MiB. */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

  /** The default most aliases to mappings or sequences per document (SnakeYAML's default). */
  public static final int DEFAULT_MAX_ALIASES_FOR_COLLECTIONS = 50;

  /** The default deepest nesting of mappings and sequences. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 100;

  /** The most nodes that aliases may add to one document when they are expanded. */
  public static final long MAX_ALIAS_EXPANSION = 1_000_000;

  private final int maxDocumentBytes;
  private final int maxAliasesForCollections;
  private final int maxNestingDepth;
  private final boolean requireObjects;
  private final boolean allowDuplicateKeys;

  private ManifestReader(Builder b) {
    this.maxDocumentBytes = b.maxDocumentBytes;
    this.maxAliasesForCollections = b.maxAliasesForCollections;
    this.maxNestingDepth = b.maxNestingDepth;
    this.requireObjects = b.requireObjects;
    this.allowDuplicateKeys = b.allowDuplicateKeys;
  }

  /**
   * A reader with the default limits.
   *
   * @return the reader
   */
  public static ManifestReader create() {
    return builder().build();
  }

  /**
   * A builder for a reader with other limits.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this reader's settings, to derive a variant: {@code
   * reader.toBuilder().allowDuplicateKeys().build()}.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxDocumentBytes = maxDocumentBytes;
    b.maxAliasesForCollections = maxAliasesForCollections;
    b.maxNestingDepth = maxNestingDepth;
    b.requireObjects = requireObjects;
    b.allowDuplicateKeys = allowDuplicateKeys;
    return b;
  }

  int maxDocumentBytes() {
    return maxDocumentBytes;
  }

  int maxAliasesForCollections() {
    return maxAliasesForCollections;
  }

  int maxNestingDepth() {
    return maxNestingDepth;
  }

  boolean requireObjects() {
    return requireObjects;
  }

  boolean allowDuplicateKeys() {
    return allowDuplicateKeys;
  }

  /**
   * Reads every document of a text.
   *
   * @param text the manifest text
   * @param sourceName the name used in locations and messages
   * @return the documents in order
   * @throws ManifestException for the first bad document, after reading all of them; its {@link
   *     ManifestException#validDocuments()} lists the good ones and the other errors are attached
   *     as suppressed exceptions
   */
  public List<Manifest> readAll(String text, String sourceName) {
    List<Manifest> out = new ArrayList<>();
    List<ManifestException> errors = new ArrayList<>();
    collect(open(new StringReader(text), sourceName), out, errors);
    return result(out, errors);
  }

  /**
   * Reads every document of a file, or of every manifest file in a folder (see {@link #files}).
   *
   * @param fileOrFolder the file or folder
   * @return the documents in order
   * @throws ManifestException for the first bad document (after reading all), or when a file cannot
   *     be read
   */
  public List<Manifest> readAll(Path fileOrFolder) {
    List<Manifest> out = new ArrayList<>();
    List<ManifestException> errors = new ArrayList<>();
    for (Path file : files(fileOrFolder)) {
      ManifestStream stream;
      try {
        stream = open(file);
      } catch (ManifestException e) { // an unreadable file: keep what the others gave
        errors.add(e);
        continue;
      }
      collect(stream, out, errors);
    }
    return result(out, errors);
  }

  private static void collect(
      ManifestStream stream, List<Manifest> out, List<ManifestException> errors) {
    try (stream) {
      while (stream.hasNext()) {
        try {
          out.add(stream.next());
        } catch (ManifestException e) {
          errors.add(e);
        }
      }
    }
  }

  private static List<Manifest> result(List<Manifest> out, List<ManifestException> errors) {
    if (errors.isEmpty()) {
      return Collections.unmodifiableList(out);
    }
    List<ManifestLocation> valid = new ArrayList<>(out.size());
    for (Manifest m : out) {
      valid.add(m.location());
    }
    ManifestException first = errors.get(0);
    String problem = first.problem();
    if (errors.size() > 1) {
      problem = problem + " (and " + (errors.size() - 1) + " more bad documents)";
    }
    ManifestException e =
        new ManifestException(
            problem,
            first.source(),
            first.documentIndex(),
            first.line(),
            first.column(),
            valid,
            first.getCause());
    for (int i = 1; i < errors.size(); i++) {
      e.addSuppressed(errors.get(i));
    }
    throw e;
  }

  /**
   * Opens a stream of the documents of a reader.
   *
   * @param reader the characters; stays the caller's: the stream never closes it
   * @param sourceName the name used in locations and messages
   * @return the stream
   */
  public ManifestStream open(Reader reader, String sourceName) {
    return new DocumentStream(
        this, notClosing(Objects.requireNonNull(reader, "reader")), sourceName);
  }

  /**
   * The caller's reader, shielded from {@code close()}: a stream does not close what it was given.
   */
  private static Reader notClosing(Reader reader) {
    return new java.io.FilterReader(reader) {
      @Override
      public void close() {
        // the caller's reader: left open
      }
    };
  }

  /**
   * Opens a stream of the documents of UTF-8 bytes (for stdin: {@code open(System.in, "<stdin>")}).
   *
   * @param in the bytes; stays the caller's: the stream never closes it
   * @param sourceName the name used in locations and messages
   * @return the stream
   */
  public ManifestStream open(InputStream in, String sourceName) {
    return open(Objects.requireNonNull(in, "in"), sourceName, false);
  }

  private ManifestStream open(InputStream in, String sourceName, boolean owned) {
    Reader reader =
        new InputStreamReader(
            Objects.requireNonNull(in, "in"),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    return new DocumentStream(this, owned ? reader : notClosing(reader), sourceName);
  }

  /**
   * Opens a stream of the documents of a file (UTF-8).
   *
   * @param file the file; closed by the stream's {@code close()} and at its end
   * @return the stream
   * @throws ManifestException when the file cannot be opened
   */
  public ManifestStream open(Path file) {
    try {
      return open(Files.newInputStream(file), file.toString(), true);
    } catch (IOException e) {
      throw new ManifestException(
          "cannot read the file: " + describe(e), file.toString(), 0, 0, 0, List.of(), e);
    }
  }

  static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
  }

  /**
   * The manifest files of a path: a file gives itself (whatever its name); a folder gives its files
   * named {@code *.yaml}, {@code *.yml} or {@code *.json} (case-insensitive, as kubectl does),
   * recursively, with the entries of each folder sorted by name — files and sub-folders together,
   * so {@code db/redis.yaml} comes before {@code nginx.yaml}. Symbolic links to folders are not
   * followed.
   *
   * @param fileOrFolder a file or folder
   * @return the files in reading order
   * @throws ManifestException when the path does not exist or a folder cannot be listed
   */
  public List<Path> files(Path fileOrFolder) {
    if (!Files.exists(fileOrFolder)) {
      throw new ManifestException(
          "no such file or folder", fileOrFolder.toString(), 0, 0, 0, List.of());
    }
    List<Path> out = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      walk(fileOrFolder, out);
    } else {
      out.add(fileOrFolder);
    }
    return List.copyOf(out);
  }

  private static void walk(Path dir, List<Path> out) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = new ArrayList<>(s.toList());
    } catch (IOException | UncheckedIOException e) {
      IOException io =
          e instanceof IOException ? (IOException) e : ((UncheckedIOException) e).getCause();
      throw new ManifestException(
          "cannot list the folder: " + describe(io), dir.toString(), 0, 0, 0, List.of(), io);
    }
    entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (Path p : entries) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        walk(p, out);
      } else if (Files.isRegularFile(p) && isManifestName(p.getFileName().toString())) {
        out.add(p);
      }
    }
  }

  private static boolean isManifestName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /** Builds a {@link ManifestReader}. Not thread-safe. */
  public static final class Builder {
    private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private int maxAliasesForCollections = DEFAULT_MAX_ALIASES_FOR_COLLECTIONS;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private boolean requireObjects = true;
    private boolean allowDuplicateKeys;

    private Builder() {}

    /**
     * The largest document, in UTF-8 bytes (default 16 MiB); a larger document is an error and is
     * never held in memory whole.
     *
     * @param bytes the limit, positive
     * @return this builder
     */
    public Builder maxDocumentBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxDocumentBytes must be positive");
      }
      this.maxDocumentBytes = bytes;
      return this;
    }

    /**
     * The most aliases to mappings or sequences per document (default 50, as SnakeYAML); aliases to
     * scalars are not counted. Independently, aliases may add at most {@link #MAX_ALIAS_EXPANSION}
     * nodes to a document.
     *
     * @param max the limit, not negative
     * @return this builder
     */
    public Builder maxAliasesForCollections(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxAliasesForCollections must not be negative");
      }
      this.maxAliasesForCollections = max;
      return this;
    }

    /**
     * The deepest nesting of mappings and sequences (default 100; the root mapping is level 1).
     *
     * @param depth the limit, positive
     * @return this builder
     */
    public Builder maxNestingDepth(int depth) {
      if (depth <= 0) {
        throw new IllegalArgumentException("maxNestingDepth must be positive");
      }
      this.maxNestingDepth = depth;
      return this;
    }

    /**
     * Whether a document's root must be a mapping (a Kubernetes object) or empty (default true);
     * when false, scalars and sequences are accepted as roots.
     *
     * @param require the setting
     * @return this builder
     */
    public Builder requireObjects(boolean require) {
      this.requireObjects = require;
      return this;
    }

    /**
     * Accepts duplicate mapping keys as {@code linkerd inject} (go-yaml) does — the last value
     * wins, in the place of the first key — instead of refusing the document (the default, as
     * kubectl's strict validation does). Each duplicate is reported in the document's {@link
     * Manifest#warnings()}, naming its line and column.
     *
     * @return this builder
     */
    public Builder allowDuplicateKeys() {
      this.allowDuplicateKeys = true;
      return this;
    }

    /**
     * The reader.
     *
     * @return a new immutable reader
     */
    public ManifestReader build() {
      return new ManifestReader(this);
    }
  }
}
