package io.meshsdk.cli;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestStream;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.inject.InjectionException;
import io.meshsdk.inject.InjectionReport;
import io.meshsdk.inject.ManifestResult;
import io.meshsdk.inject.NamespaceWarnings;
import io.meshsdk.inject.ResourceReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * One {@code mesh inject|uninject} run over its inputs, as Linkerd runs them: each file (a folder
 * gives its manifest files, sorted by name in each directory) or {@code -} (stdin) is one input,
 * read document by document; an input's output is held in a {@link SpillBuffer} and released to
 * stdout, followed by its report on stderr, only when the whole input succeeded. The first input
 * with a refused or malformed document prints {@code Error transforming resources:} and the reason
 * on stderr and ends the run (exit 1); the inputs before it have been printed. Not thread-safe.
 */
final class TransformRun {
  /** Characters of one input's output held in memory before it spills to a temporary file. */
  private static final int MEMORY_LIMIT = 8 << 20;

  private final ManifestReader reader;
  private final InjectionReport.Operation operation;
  private final boolean verbose;
  private final boolean json;
  private boolean diff;

  /**
   * Creates a run.
   *
   * @param operation inject or uninject, for the report
   * @param verbose Linkerd's {@code --verbose} report
   * @param format the output format
   * @param duplicateKeys whether duplicate mapping keys are accepted as Linkerd accepts them (the
   *     last one wins, with a warning on stderr) instead of refused
   */
  TransformRun(
      InjectionReport.Operation operation,
      boolean verbose,
      OutputFormat format,
      boolean duplicateKeys) {
    ManifestReader.Builder b = ManifestReader.builder();
    this.reader = (duplicateKeys ? b.allowDuplicateKeys() : b).build();
    this.operation = operation;
    this.verbose = verbose;
    this.json = format == OutputFormat.json;
  }

  private String render(InjectionReport report) {
    return verbose ? report.renderVerbose() : report.render();
  }

  /**
   * Prints a unified diff of each input and its output instead of the output.
   *
   * @return this run
   */
  TransformRun diff() {
    this.diff = true;
    return this;
  }

  /** One input: a name and a way to open it. */
  private record Input(String name, Supplier<ManifestStream> open) {}

  /**
   * Resolves the command's PATH arguments into inputs, before anything is transformed.
   *
   * @throws ManifestException when a path does not exist or a folder cannot be listed
   */
  private List<Input> inputs(List<String> paths, InputStream stdin) {
    List<Input> out = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.add(new Input("<stdin>", () -> reader.open(stdin, "<stdin>")));
      } else {
        for (Path file : reader.files(Path.of(p))) {
          out.add(new Input(file.toString(), () -> reader.open(file)));
        }
      }
    }
    return out;
  }

  /**
   * Runs the transformation over every input.
   *
   * @param paths the PATH arguments
   * @param stdin what {@code -} reads
   * @param transform the transformation of one document (a fresh state per run is the caller's)
   * @param cl the command line: its out (YAML or JSON) and err (reports and the error)
   * @return the exit code: 0, or 1 when an input was refused
   */
  int run(
      List<String> paths,
      InputStream stdin,
      Function<Manifest, ManifestResult> transform,
      CommandLine cl) {
    List<Input> inputs = inputs(paths, stdin);
    Writer stdout = cl.getOut();
    PrintWriter stderr = cl.getErr();
    try (SpillBuffer held = new SpillBuffer(MEMORY_LIMIT)) {
      ManifestWriter writer = json ? ManifestWriter.json(held) : ManifestWriter.yaml(held);
      for (Input input : inputs) {
        List<ResourceReport> resources = new ArrayList<>();
        NamespaceWarnings warnings = new NamespaceWarnings();
        UnifiedDiff changes = diff ? new UnifiedDiff(input.name()) : null;
        StringBuilder reEmitted = new StringBuilder();
        try (ManifestStream documents = input.open().get()) {
          while (documents.hasNext()) {
            Manifest doc = documents.next();
            for (String w : doc.warnings()) {
              stderr.println("warning: " + w);
            }
            ManifestResult r = transform.apply(doc);
            if (changes != null) {
              changes.add(r.manifest());
              Manifest m = r.manifest();
              if (m.isModified() && m.sourceText().isPresent() && !m.edits().inPlace()) {
                reEmitted
                    .append("note: ")
                    .append(m.location())
                    .append(" is re-emitted: ")
                    .append(m.edits().declined().orElse(""))
                    .append('\n');
              }
            } else {
              writer.write(r.manifest());
            }
            if (operation == InjectionReport.Operation.INJECT) {
              warnings.add(r.manifest());
            }
            resources.addAll(r.resources());
          }
        } catch (InjectionException | ManifestException e) {
          stdout.flush();
          stderr.print("Error transforming resources:\n" + e.getMessage() + "\n");
          stderr.flush();
          return MeshCommand.FAILED;
        }
        if (changes != null) {
          held.write(changes.render());
        }
        writer.flush();
        held.commitTo(stdout);
        stdout.flush();
        stderr.print(render(InjectionReport.of(operation, resources)));
        // ours, after Linkerd's report lines: annotations the proxy injector will never see
        String unseen = warnings.render();
        if (!unseen.isEmpty()) {
          stderr.print(unseen + "\n");
        }
        stderr.print(reEmitted); // --diff: documents the in-place edit declined
        stderr.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return MeshCommand.OK;
  }
}
