package io.meshsdk.cli;

import io.meshsdk.inject.InjectionReport;
import io.meshsdk.inject.Uninjector;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mesh uninject}: Linkerd's {@code linkerd uninject}. */
@Command(
    name = "uninject",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Remove Linkerd from Kubernetes manifests, as linkerd uninject does.",
    description = {
      "Remove the Linkerd proxy, its init containers, volumes, annotations and labels from the"
          + " resources of each PATH (a file, a folder walked with its entries sorted by name, or"
          + " - for stdin; each file is one input with its own report). The user's own"
          + " config.linkerd.io/* annotations stay. The output YAML goes to stdout, Linkerd's"
          + " report to stderr; documents without Linkerd come out byte for byte.",
      ""
    })
final class UninjectCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand private MeshCommand parent;

  @Option(
      names = "--allow-duplicate-keys",
      description =
          "Accept duplicate mapping keys as Linkerd does (the last one wins, with a"
              + " warning naming the line) instead of refusing the document.")
  private boolean allowDuplicateKeys;

  @Option(names = "--verbose", description = "Accepted for symmetry with inject.")
  private boolean verbose;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "Output format: yaml (default) or json (one document per line).")
  private OutputFormat output;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "A file, a folder or - (stdin).")
  private List<String> paths;

  @Override
  public Integer call() {
    Uninjector uninjector = Uninjector.create();
    return new TransformRun(InjectionReport.Operation.UNINJECT, verbose, output, allowDuplicateKeys)
        .run(paths, parent.stdin(), uninjector::uninject, spec.commandLine());
  }
}
