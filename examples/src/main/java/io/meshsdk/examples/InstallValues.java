package io.meshsdk.examples;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.linkerd.LinkerdValues;
import io.meshsdk.core.linkerd.ValuesProblem;
import io.meshsdk.core.linkerd.VizValues;
import io.meshsdk.core.report.Severity;
import io.meshsdk.core.values.LayeredValues;
import io.meshsdk.core.values.ValuesBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the Helm values of a highly-available Linkerd control plane and of the viz extension with
 * an external Prometheus ({@link ValuesBuilder} through {@link LinkerdChart}, read back with {@link
 * LinkerdValues} and checked with {@link VizValues}), and writes them as the {@code -f} files of
 * {@code helm install}.
 *
 * <p>Replaces {@code linkerd install --ha --set KEY=VALUE} and {@code linkerd viz install --set
 * prometheusUrl=URL --set prometheus.enabled=false} (or {@code helm install -f values-ha.yaml --set
 * ...}). The values are layered as Helm layers them, on Linkerd's own chart defaults, and strictly:
 * a key the chart does not know (a typo Helm would silently accept) is an error.
 *
 * <pre>
 * java io.meshsdk.examples.InstallValues OUT_DIR PROMETHEUS_URL [--set KEY=VALUE]...
 * </pre>
 */
public final class InstallValues {
  private InstallValues() {}

  /**
   * Runs the program and exits with its code.
   *
   * @param args {@code OUT_DIR PROMETHEUS_URL [--set KEY=VALUE]...}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Writes {@code linkerd-control-plane.yaml} and {@code linkerd-viz.yaml} into the folder.
   *
   * @param args {@code OUT_DIR PROMETHEUS_URL [--set KEY=VALUE]...}; the {@code --set} values are
   *     for the control plane
   * @param out where the summary goes
   * @param err where problems go
   * @return 0 when both files were written, 1 when the values are wrong, 2 on bad usage
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean usage = args.length < 2 || args.length % 2 != 0;
    for (int i = 2; i < args.length && !usage; i += 2) {
      usage = !args[i].equals("--set");
    }
    if (usage) {
      err.println("usage: InstallValues OUT_DIR PROMETHEUS_URL [--set KEY=VALUE]...");
      return 2;
    }
    try {
      ValuesBuilder controlPlane = LinkerdChart.CONTROL_PLANE.haValuesBuilder().strict();
      for (int i = 2; i < args.length; i += 2) {
        controlPlane.set(args[i + 1]);
      }
      LayeredValues cp = controlPlane.build(); // values-ha.yaml, then --set, on the defaults
      LayeredValues viz =
          LinkerdChart.VIZ
              .valuesBuilder()
              .strict()
              .set("prometheusUrl=" + args[1])
              .set("prometheus.enabled=false") // no bundled Prometheus
              .build();
      List<ValuesProblem> problems = VizValues.of(viz.values()).validate();
      problems.forEach(err::println); // "error: prometheusUrl ..." (errors first)
      if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
        return 1;
      }
      Path dir = Files.createDirectories(Path.of(args[0]));
      // the user layers only: helm install -f adds them to the chart's own defaults again
      Files.writeString(dir.resolve("linkerd-control-plane.yaml"), cp.userValues().toYaml());
      Files.writeString(dir.resolve("linkerd-viz.yaml"), viz.userValues().toYaml());

      LinkerdValues linkerd = LinkerdValues.of(cp.values());
      out.printf(
          "linkerd-control-plane: high availability %s, %d controller replicas, proxy %s%n",
          linkerd.highAvailability(),
          linkerd.controllerReplicas(),
          linkerd.proxy().image().reference());
      out.println("linkerd-viz: metrics from " + VizValues.of(viz.values()).prometheusUrl());
      return 0;
    } catch (MeshException | IOException e) { // ValuesException: unknown key, bad --set syntax
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
