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
    RenderedInstall first = LinkerdInstall.controlPlane(cp).build().render();
    long firstNs = System.nanoTime() - t0;
    System.out.printf("first control-plane render (fresh JVM): %d ms, %d manifests%n",
        firstNs / 1_000_000, first.manifests().size());
    nativeFiles();
    List<Long> cpTimes = new ArrayList<>();
    List<Long> haTimes = new ArrayList<>();
    List<Long> crdTimes = new ArrayList<>();
    for (int i = 0; i < warm; i++) {
      cpTimes.add(time(() -> LinkerdInstall.controlPlane(cp).build().render()));
      haTimes.add(time(() -> LinkerdInstall.controlPlane(cp).ha(true).build().render()));
      crdTimes.add(time(() -> LinkerdInstall.crds(crds).build().render()));
    }
    System.out.printf("warm control plane: median %d ms (min %d) of %d%n", median(cpTimes),
        Collections.min(cpTimes), warm);
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

  private static long time(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1_000_000;
  }

  private static long median(List<Long> l) {
    List<Long> s = new ArrayList<>(l);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static void nativeFiles() throws IOException {
    List<Path> roots = List.of(Path.of(System.getProperty("java.io.tmpdir")),
        Path.of(System.getProperty("user.home"), ".cache", "JNA", "temp"));
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(root, 2)) {
        s.filter(Files::isRegularFile).forEach(p -> {
          try {
            long size = Files.size(p);
            if (size > 50L * 1024 * 1024 && p.getFileName().toString().contains("helm")
                || p.getFileName().toString().startsWith("jna")) {
              System.out.printf("native file: %s (%d MB)%n", p, size / (1024 * 1024));
            }
          } catch (IOException e) {
            // gone meanwhile
          }
        });
      }
    }
  }
}
