package io.meshsdk.cli;

import io.meshsdk.core.MeshSdk;
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
    spec.commandLine().getOut().println("mesh " + MeshSdk.version());
    spec.commandLine().getOut().println("linkerd " + MeshSdk.linkerdVersion());
    return MeshCommand.OK;
  }

  /** Supplies {@code mesh --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mesh " + MeshSdk.version(), "linkerd " + MeshSdk.linkerdVersion()};
    }
  }
}
