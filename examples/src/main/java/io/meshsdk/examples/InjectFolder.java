package io.meshsdk.examples;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.values.ValuesBuilder;
import io.meshsdk.inject.InjectMode;
import io.meshsdk.inject.InjectionException;
import io.meshsdk.inject.InjectionReport;
import io.meshsdk.inject.InjectionResult;
import io.meshsdk.inject.Injector;
import io.meshsdk.inject.ResourceReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Injects Linkerd into a folder of manifests ({@link Injector}): each {@code .yaml}, {@code .yml}
 * or {@code .json} file, sorted by name, is one input, injected as a whole or not at all. Output is
 * lossless: a document inject leaves alone comes back byte for byte, a changed one as its own text
 * plus the lines Linkerd owns, comments included.
 *
 * <p>Replaces {@code linkerd inject FOLDER} (annotation mode: the proxy injector adds the proxy at
 * admission) and {@code linkerd inject --manual FOLDER} (the proxy and its init container written
 * into the manifests, with the trust anchors the proxies will trust). The output goes to stdout, or
 * with {@code --write} into {@code NAME.injected.yaml} beside each file (such files are not read
 * again); Linkerd's report goes to stderr.
 *
 * <pre>
 * java io.meshsdk.examples.InjectFolder [--manual ca.crt] [--write] k8s/
 * </pre>
 */
public final class InjectFolder {
  private InjectFolder() {}

  /**
   * Runs the program and exits with its code.
   *
   * @param args {@code [--manual TRUST_ANCHORS] [--write] FOLDER}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Injects the folder.
   *
   * @param args {@code [--manual TRUST_ANCHORS] [--write] FOLDER}
   * @param out where the injected manifests go without {@code --write}
   * @param err where Linkerd's report and errors go
   * @return 0 when every file was injected, 1 when one was refused or unreadable, 2 on bad usage
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    InjectMode mode = InjectMode.ANNOTATE;
    ValuesBuilder installed = LinkerdChart.CONTROL_PLANE.valuesBuilder(); // the mesh as installed
    boolean write = false;
    Path folder = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--manual") && i + 1 < args.length) {
        mode = InjectMode.PROXY;
        installed.setFile("identityTrustAnchorsPEM=" + args[++i]);
      } else if (args[i].equals("--write")) {
        write = true;
      } else {
        folder = Path.of(args[i]);
      }
    }
    if (folder == null) {
      err.println("usage: InjectFolder [--manual TRUST_ANCHORS] [--write] FOLDER");
      return 2;
    }
    int code = 0;
    List<ResourceReport> resources = new ArrayList<>();
    try (ManifestWriter stdout =
        ManifestWriter.yaml(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      Injector injector =
          Injector.builder().installedValues(installed.build().values()).mode(mode).build();
      ManifestReader reader = ManifestReader.create();
      for (Path file : reader.files(folder)) {
        if (file.getFileName().toString().contains(".injected.")) {
          continue; // our own output of an earlier --write run
        }
        InjectionResult result;
        try {
          result = injector.injectAll(reader.readAll(file)); // all or nothing, as Linkerd
        } catch (InjectionException e) {
          err.println("Error transforming resources: " + file + ": " + e.getMessage());
          code = 1;
          continue;
        }
        resources.addAll(result.report().resources());
        if (write) {
          String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
          try (Writer w = Files.newBufferedWriter(file.resolveSibling(name + ".injected.yaml"));
              ManifestWriter beside = ManifestWriter.yaml(w)) {
            result.documents().forEach(beside::write);
          }
        } else {
          result.documents().forEach(stdout::write);
        }
      }
    } catch (MeshException | IOException e) { // unreadable file or folder, bad trust anchors
      err.println("error: " + e.getMessage());
      return 1;
    }
    err.print(InjectionReport.of(InjectionReport.Operation.INJECT, resources).render());
    return code;
  }
}
