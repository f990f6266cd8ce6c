package io.meshsdk.cli;

import io.meshsdk.core.values.SetFileReader;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.core.values.ValuesBuilder;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The Helm values layers that {@code mesh values} and {@code mesh inject} share: {@code -f} files,
 * {@code --set}, {@code --set-string} and {@code --set-file}, applied to a {@link ValuesBuilder} in
 * Helm's order (files first, then each kind in turn, the arguments of a kind in the order given). A
 * picocli mixin; not thread-safe.
 */
final class ValuesLayerOptions {
  @Option(
      names = {"-f", "--values"},
      paramLabel = "FILE",
      split = ",",
      description = "A values file (YAML or JSON); repeatable, later files win.")
  private List<Path> files = new ArrayList<>();

  @Option(names = "--set", paramLabel = "S", description = "Helm --set argument; repeatable.")
  private List<String> set = new ArrayList<>();

  @Option(names = "--set-string", paramLabel = "S", description = "Helm --set-string argument.")
  private List<String> setString = new ArrayList<>();

  @Option(
      names = "--set-file",
      paramLabel = "K=PATH",
      description =
          "Helm --set-file argument; paths relative to the working directory, - is " + "stdin.")
  private List<String> setFile = new ArrayList<>();

  /** Whether no layer was given. */
  boolean isEmpty() {
    return files.isEmpty() && set.isEmpty() && setString.isEmpty() && setFile.isEmpty();
  }

  /**
   * Adds the layers to a builder; {@code --set-file} paths are read relative to the working
   * directory, {@code -} from {@code stdin}.
   *
   * @param b the builder
   * @param stdin standard input
   * @return the builder
   */
  ValuesBuilder addTo(ValuesBuilder b, InputStream stdin) {
    files.forEach(b::valuesFile);
    set.forEach(a -> b.set(SetFlag.SET, a));
    setString.forEach(a -> b.set(SetFlag.SET_STRING, a));
    setFile.forEach(a -> b.set(SetFlag.SET_FILE, a));
    return b.fileReader(SetFileReader.fromDirectory(Paths.get("").toAbsolutePath(), () -> stdin));
  }
}
