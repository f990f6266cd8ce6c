import io.meshsdk.install.ApplyResult;
import io.meshsdk.install.ChartSource;
import io.meshsdk.install.InstallPlan;
import io.meshsdk.install.Installer;
import io.meshsdk.install.LinkerdInstall;
import io.meshsdk.install.RenderedInstall;
import io.meshsdk.testing.KubeApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times of Installer against mesh-testing's API server (a fresh server per round): the plan of an
 * empty cluster, the first apply of the control plane (pre-install checks included, no wait for
 * Deployments), the second apply (nothing written), with the requests each sent. Not a test:
 *
 * <pre>
 * mvn -B -q -o -DskipTests package
 * mvn -B -q -o dependency:build-classpath -pl mesh-install -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/mesh-install.cp
 * java -cp mesh-install/target/classes:$(cat /tmp/mesh-install.cp) mesh-install/bench/ApplyTimes.java \
 *     ../shared/conformance/linkerd/charts-repo 5
 * </pre>
 */
public final class ApplyTimes {
  public static void main(String[] args) throws IOException {
    Path charts = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    RenderedInstall cp =
        LinkerdInstall.controlPlane(ChartSource.folder(charts.resolve("charts/linkerd-control-plane")))
            .set("proxyInit.runAsRoot=true")
            .build()
            .render();
    String seed =
        Files.readString(Path.of("mesh-install/src/test/resources/io/meshsdk/install/pre-cluster.yaml"))
            .replace("NODE_HEARTBEAT", Instant.now().toString())
            .replace("NODE_RUNTIME", "containerd://1.7.2");
    Installer installer = Installer.newBuilder().waitTimeout(Duration.ZERO).build();
    List<Long> plans = new ArrayList<>();
    List<Long> firsts = new ArrayList<>();
    List<Long> seconds = new ArrayList<>();
    int objects = 0;
    int[] requests = new int[3];
    for (int i = 0; i < rounds; i++) {
      try (KubeApiServer server = KubeApiServer.builder().seed(seed).start()) {
        long t = System.nanoTime();
        InstallPlan plan = installer.plan(server.liveCluster(), cp);
        plans.add((System.nanoTime() - t) / 1_000_000);
        requests[0] = server.journal().size();
        server.journal().clear();
        t = System.nanoTime();
        ApplyResult first = installer.apply(server.liveCluster(), cp);
        firsts.add((System.nanoTime() - t) / 1_000_000);
        requests[1] = server.journal().size();
        server.journal().clear();
        t = System.nanoTime();
        ApplyResult second = installer.apply(server.liveCluster(), cp);
        seconds.add((System.nanoTime() - t) / 1_000_000);
        requests[2] = server.journal().size();
        if (!second.unchanged() || server.journal().mutations().size() != 0) {
          throw new IllegalStateException("the second apply wrote: " + second);
        }
        objects = first.objects().size();
        if (i == 0) {
          System.out.println(plan.summary() + "; " + first.summary());
        }
      }
    }
    System.out.printf("%d objects, %d rounds (a fresh server each)%n", objects, rounds);
    System.out.printf("plan (empty cluster): median %d ms (min %d), %d requests%n",
        median(plans), Collections.min(plans), requests[0]);
    System.out.printf("first apply: median %d ms (min %d), %d requests%n",
        median(firsts), Collections.min(firsts), requests[1]);
    System.out.printf("second apply (no-op): median %d ms (min %d), %d requests%n",
        median(seconds), Collections.min(seconds), requests[2]);
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM")) {
        System.out.println(line.replaceAll("\\s+", " "));
      }
    }
  }

  private static long median(List<Long> l) {
    List<Long> s = new ArrayList<>(l);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
