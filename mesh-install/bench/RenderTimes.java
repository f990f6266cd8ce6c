import io.meshsdk.install.ChartSource;
import io.meshsdk.install.LinkerdInstall;
import io.meshsdk.install.RenderedInstall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Render times of Linkerd's control-plane chart, first (fresh JVM: native library unpacked and
 * loaded) and warm, with the JVM's peak RSS and the native library's temporary files. Not a test:
 *
 * <pre>
 * mvn -B -q -o -DskipTests package
 * java -cp mesh-cli/target/mesh.jar mesh-install/bench/RenderTimes.java \
 *     ../shared/conformance/linkerd/charts-repo 10
 * </pre>
 */
public final class RenderTimes {
  public static void main(String[] args) throws IOException {
    Path charts = Path.of(args[0]);
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    ChartSource cp = ChartSource.folder(charts.resolve("charts/linkerd-control-plane"));
    ChartSource crds = ChartSource.folder(charts.resolve("charts/linkerd-crds"));
    long t0 = System.nanoTime();
    long c0 = cpuMillis();
    RenderedInstall first = LinkerdInstall.controlPlane(cp).build().render();
    long firstNs = System.nanoTime() - t0;
    System.out.printf("first control-plane render (fresh JVM): %d ms, %d ms CPU, %d manifests%n",
        firstNs / 1_000_000, cpuMillis() - c0, first.manifests().size());
    nativeFiles();
    List<Long> cpTimes = new ArrayList<>();
    List<Long> haTimes = new ArrayList<>();
    List<Long> crdTimes = new ArrayList<>();
    for (int i = 0; i < warm; i++) {
      cpTimes.add(time(() -> LinkerdInstall.controlPlane(cp).build().render()));
    }
    long cpCpu = cpuTotal / warm;
    for (int i = 0; i < warm; i++) {
      haTimes.add(time(() -> LinkerdInstall.controlPlane(cp).ha(true).build().render()));
      crdTimes.add(time(() -> LinkerdInstall.crds(crds).build().render()));
    }
    System.out.printf("warm control plane: median %d ms (min %d) of %d, %d ms CPU each%n",
        median(cpTimes), Collections.min(cpTimes), warm, cpCpu);
    System.out.printf("warm control plane --ha: median %d ms (min %d)%n", median(haTimes),
        Collections.min(haTimes));
    System.out.printf("warm crds: median %d ms (min %d)%n", median(crdTimes),
        Collections.min(crdTimes));
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
        System.out.println(line.replaceAll("\\s+", " "));
      }
    }
  }

  private static long cpuTotal;

  /** Wall ms of one run; adds the process CPU ms (all threads, Go's included) to cpuTotal. */
  private static long time(Runnable r) {
    long c = cpuMillis();
    long t = System.nanoTime();
    r.run();
    long wall = (System.nanoTime() - t) / 1_000_000;
    cpuTotal += cpuMillis() - c;
    return wall;
  }

  /** utime + stime of this process from /proc/self/stat, in ms (clock ticks of 10 ms). */
  private static long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException e) {
      return 0;
    }
  }

  private static long median(List<Long> l) {
    List<Long> s = new ArrayList<>(l);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  /** The unpacked native library: helm-linux-amd64.so in java.io.tmpdir/helm-java... */
  private static void nativeFiles() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> s = Files.list(tmp)) {
      for (Path d : s.filter(p -> p.getFileName().toString().startsWith("helm-java")).toList()) {
        try (Stream<Path> in = Files.list(d)) {
          for (Path f : in.toList()) {
            System.out.printf("native file: %s (%d MB)%n", f, Files.size(f) / (1024 * 1024));
          }
        } catch (IOException e) {
          // another JVM's folder, gone meanwhile
        }
      }
    }
  }
}
