package io.meshsdk.cli;

import io.meshsdk.core.MeshSdk;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mesh version}: the SDK version and the Linkerd version whose defaults it carries. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Print the SDK version and the Linkerd version it carries.")
final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    print(spec.commandLine().getOut());
    return MeshCommand.OK;
  }

  /** Prints what {@code mesh version} prints; also {@link MeshCommand}'s path without picocli. */
  static void print(PrintWriter out) {
    out.println("mesh " + MeshSdk.version());
    out.println("linkerd " + MeshSdk.linkerdVersion());
  }

  /** Supplies {@code mesh --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mesh " + MeshSdk.version(), "linkerd " + MeshSdk.linkerdVersion()};
    }
  }
}
