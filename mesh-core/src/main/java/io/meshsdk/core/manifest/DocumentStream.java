package io.meshsdk.core.manifest;

import io.meshsdk.core.manifest.internal.DocumentSplitter;
import io.meshsdk.core.manifest.internal.DocumentSplitter.Chunk;
import io.meshsdk.core.manifest.internal.TreeBuilder;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The {@link ManifestStream} of a {@link ManifestReader}. Not thread-safe. */
final class DocumentStream implements ManifestStream {
  private final ManifestReader reader;
  private final String source;
  private final DocumentSplitter splitter;
  private final TreeBuilder.Limits limits;
  private Chunk pending;
  private ManifestException pendingError;
  private boolean done;
  private boolean closed;
  private int index;
  // locations of the valid documents read so far, compactly: (index, line) pairs
  private int[] valid = new int[32];
  private int validCount;

  DocumentStream(ManifestReader reader, Reader in, String source) {
    this.reader = reader;
    this.source = source == null ? "<input>" : source;
    this.splitter = new DocumentSplitter(in, reader.maxDocumentBytes());
    this.limits =
        new TreeBuilder.Limits(
            reader.maxAliasesForCollections(),
            reader.maxNestingDepth(),
            ManifestReader.MAX_ALIAS_EXPANSION,
            reader.maxDocumentBytes());
  }

  @Override
  public boolean hasNext() {
    if (pending != null || pendingError != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      pending = splitter.next();
    } catch (IOException e) {
      pendingError =
          new ManifestException(
              "cannot read the input: " + ManifestReader.describe(e),
              source,
              index + 1,
              0,
              0,
              validDocuments(),
              e);
      done = true;
      try {
        close();
      } catch (ManifestException ignored) {
        // the read error is the one to report
      }
      return true;
    }
    if (pending == null) {
      done = true;
      close();
      return false;
    }
    return true;
  }

  @Override
  public Manifest next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (pendingError != null) {
      ManifestException e = pendingError;
      pendingError = null;
      throw e;
    }
    Chunk chunk = pending;
    pending = null;
    if (chunk.abandoned()) {
      throw new ManifestException(
          "no document starts within "
              + DocumentSplitter.maxSkip(reader.maxDocumentBytes())
              + " characters after the oversized document "
              + index
              + ": the rest of the input is not read",
          source,
          index,
          chunk.startLine(),
          1,
          validDocuments());
    }
    index++;
    if (chunk.oversized()) {
      throw error(
          "the document is larger than the limit of "
              + reader.maxDocumentBytes()
              + " bytes (maxDocumentBytes)",
          chunk.startLine(),
          chunk.startColumn() + 1);
    }
    TreeBuilder.Result result;
    try {
      result = TreeBuilder.build(chunk.text(), limits, reader.allowDuplicateKeys());
    } catch (TreeBuilder.Problem p) {
      int line = chunk.startLine() + p.line;
      int column = p.column + 1 + (p.line == 0 ? chunk.startColumn() : 0);
      throw error(p.getMessage(), line, column);
    }
    Object root = result.root();
    if (reader.requireObjects() && root != null && !(root instanceof Map)) {
      int line = chunk.startLine() + result.rootLine();
      int column = result.rootColumn() + 1 + (result.rootLine() == 0 ? chunk.startColumn() : 0);
      throw error(
          "a Kubernetes object (a mapping) is required, but the document is "
              + (root instanceof List ? "a sequence" : "a scalar"),
          line,
          column);
    }
    if (validCount * 2 == valid.length) {
      valid = Arrays.copyOf(valid, valid.length * 2);
    }
    valid[validCount * 2] = index;
    valid[validCount * 2 + 1] = chunk.startLine();
    validCount++;
    List<String> warnings = new ArrayList<>(result.duplicates().size());
    for (TreeBuilder.Duplicate d : result.duplicates()) {
      int line = chunk.startLine() + d.line();
      int column = d.column() + 1 + (d.line() == 0 ? chunk.startColumn() : 0);
      warnings.add(
          ManifestException.format(
              "duplicate key \"" + d.key() + "\": the last one wins", source, index, line, column));
    }
    return new Manifest(
        root,
        new ManifestLocation(source, index, chunk.startLine()),
        chunk.text(),
        false,
        result.empty(),
        chunk.continuesPrevious(),
        warnings);
  }

  private ManifestException error(String problem, int line, int column) {
    return new ManifestException(problem, source, index, line, column, validDocuments());
  }

  private List<ManifestLocation> validDocuments() {
    List<ManifestLocation> out = new ArrayList<>(validCount);
    for (int i = 0; i < validCount; i++) {
      out.add(new ManifestLocation(source, valid[i * 2], valid[i * 2 + 1]));
    }
    return out;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    done = true;
    pending = null;
    try {
      splitter.close();
    } catch (IOException e) {
      throw new ManifestException(
          "cannot close the input: " + ManifestReader.describe(e), source, 0, 0, 0, List.of(), e);
    }
  }
}
