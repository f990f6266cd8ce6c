package io.meshsdk.examples;

import io.meshsdk.checks.HealthChecker;
import io.meshsdk.checks.Preset;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.core.MeshException;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.ReportFormat;
import io.meshsdk.core.values.LayeredValues;
import io.meshsdk.core.values.UnknownKey;
import io.meshsdk.core.values.ValuesBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Pre-checks a live cluster before installing Linkerd: {@code linkerd check --pre} as a library
 * ({@link LiveCluster} and {@link HealthChecker} with {@link Preset#PRE}).
 *
 * <p>Replaces {@code linkerd check --pre [--kubeconfig FILE] [--set KEY=VALUE]...}. The cluster is
 * the default kubeconfig's, resolved as kubectl resolves it ({@code KUBECONFIG}, {@code
 * ~/.kube/config}, the pod's service account), or the file given as the first argument. The {@code
 * --set} values are the planned install values the checks judge: on nodes with the docker runtime
 * the run warns and names the fix, {@code --set proxyInit.runAsRoot=true}, and passes with it.
 *
 * <pre>
 * java io.meshsdk.examples.PreCheckLiveCluster [KUBECONFIG] [--set proxyInit.runAsRoot=true]
 * </pre>
 */
public final class PreCheckLiveCluster {
  private PreCheckLiveCluster() {}

  /**
   * Runs the program and exits with its code.
   *
   * @param args {@code [KUBECONFIG] [--set KEY=VALUE]...}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the pre-install checks and prints Linkerd's table.
   *
   * @param args {@code [KUBECONFIG] [--set KEY=VALUE]...}
   * @param out where the table goes
   * @param err where warnings and errors go
   * @return 0 when no check failed with an error (warnings pass, as in Linkerd), 1 otherwise
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    LiveCluster.Builder cluster = LiveCluster.builder(); // the default kubeconfig, as kubectl
    ValuesBuilder planned = LinkerdChart.CONTROL_PLANE.valuesBuilder(); // checks the keys too
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--set") && i + 1 < args.length) {
        planned.set(args[++i]);
      } else {
        cluster.kubeconfig(Path.of(args[i]));
      }
    }
    try {
      LayeredValues values = planned.build();
      for (UnknownKey u : values.unknownKeys()) {
        err.println("warning: " + u.describe()); // e.g. a typo, with the key it probably means
      }
      HealthChecker checker =
          HealthChecker.builder()
              .preset(Preset.PRE)
              .plannedValues(values.userValues()) // what --set says; the chart defaults beneath
              .retryDeadline(Duration.ofSeconds(30)) // linkerd check --wait 30s
              .build();
      CheckReport report = checker.run(cluster.build());
      out.print(ReportFormat.TABLE.render(report));
      return checker.fails(report) ? 1 : 0;
    } catch (MeshException e) { // an unreadable kubeconfig, a bad --set: the message says what
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
