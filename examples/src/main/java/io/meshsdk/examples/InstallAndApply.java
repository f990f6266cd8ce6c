package io.meshsdk.examples;

import io.meshsdk.cluster.ClusterWriter;
import io.meshsdk.cluster.LiveCluster;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.install.ApplyResult;
import io.meshsdk.install.ChartSource;
import io.meshsdk.install.InstallException;
import io.meshsdk.install.InstallPlan;
import io.meshsdk.install.Installer;
import io.meshsdk.install.LinkerdInstall;
import io.meshsdk.install.RenderedInstall;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The seed's step 3 without the shell: render Linkerd's CRDs and control plane from the real charts
 * (with {@code proxyInit.runAsRoot=true}, which the pre-install checks ask for on {@code docker://}
 * nodes), show the plan, then apply both to the kubeconfig's cluster and wait for the control
 * plane.
 *
 * <pre>{@code
 * java -cp … io.meshsdk.examples.InstallAndApply ../shared/conformance/linkerd/charts-repo/charts
 * }</pre>
 */
public final class InstallAndApply {
  private InstallAndApply() {}

  /**
   * Runs the example on the kubeconfig's cluster.
   *
   * @param args the folder holding {@code linkerd-crds} and {@code linkerd-control-plane}, then
   *     optionally a kubeconfig file
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: InstallAndApply CHARTS_DIR [KUBECONFIG]");
      System.exit(2);
    }
    LiveCluster.Builder cluster = LiveCluster.builder();
    if (args.length > 1) {
      cluster.kubeconfig(Path.of(args[1]));
    }
    System.exit(run(Path.of(args[0]), cluster.build(), Duration.ofMinutes(5), System.out));
  }

  /**
   * Renders, plans and applies.
   *
   * @param charts the folder holding {@code linkerd-crds} and {@code linkerd-control-plane}
   * @param cluster the cluster
   * @param wait how long to wait for the control plane's Deployments (zero: do not wait)
   * @param out where the plan and the summary go
   * @return 0 when applied, 1 when the pre-install checks refused
   */
  public static int run(Path charts, ClusterWriter cluster, Duration wait, PrintStream out) {
    String kubeVersion = cluster.serverVersion().getGitVersion().replaceAll("^v|[-+].*$", "");
    RenderedInstall crds =
        LinkerdInstall.crds(ChartSource.folder(charts.resolve("linkerd-crds")))
            .kubeVersion(kubeVersion)
            .build()
            .render();
    RenderedInstall controlPlane =
        LinkerdInstall.controlPlane(ChartSource.folder(charts.resolve("linkerd-control-plane")))
            .set("proxyInit.runAsRoot=true")
            .kubeVersion(kubeVersion)
            .build()
            .render(); // a fresh trust anchor and issuer, as linkerd install makes them

    Installer installer =
        Installer.newBuilder()
            .waitTimeout(wait)
            .listener(event -> System.err.println(event))
            .build();
    try {
      InstallPlan plan = installer.plan(cluster, crds, controlPlane); // writes nothing
      out.print(plan.render());
      ApplyResult result = installer.apply(cluster, crds, controlPlane);
      out.println(result.summary());
      return 0;
    } catch (InstallException e) {
      for (CheckResult finding : e.findings()) {
        out.println("refused: " + finding.description() + ": " + finding.message().orElse(""));
      }
      if (e.findings().isEmpty()) {
        out.println("failed: " + e.getMessage());
      }
      return 1;
    }
  }
}
