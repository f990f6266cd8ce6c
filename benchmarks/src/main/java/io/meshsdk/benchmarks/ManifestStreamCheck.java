package io.meshsdk.benchmarks;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestStream;
import io.meshsdk.core.manifest.ManifestWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a manifest document by document from a file to a file (or nowhere), to show that memory
 * is bounded by the largest document: run it with a small heap, e.g. {@code java -Xmx256m -cp
 * benchmarks/target/benchmarks.jar io.meshsdk.benchmarks.ManifestStreamCheck big.yaml out.yaml
 * [--modified]}. Prints documents, megabytes, seconds and the peak heap use.
 */
public final class ManifestStreamCheck {
  private ManifestStreamCheck() {}

  /**
   * Entry point.
   *
   * @param args input file, output file ({@code -} for none), optional {@code --modified}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ManifestStreamCheck IN OUT|- [--modified]");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    boolean modified = args.length > 2 && args[2].equals("--modified");
    long start = System.nanoTime();
    int docs = 0;
    Writer sink =
        args[1].equals("-")
            ? Writer.nullWriter()
            : new BufferedWriter(
                new OutputStreamWriter(
                    Files.newOutputStream(Path.of(args[1])), StandardCharsets.UTF_8),
                1 << 16);
    try (ManifestStream s = ManifestReader.create().open(in);
        ManifestWriter w = ManifestWriter.yaml(sink)) {
      while (s.hasNext()) {
        Manifest m = s.next();
        w.write(modified ? m.withRoot(m.root()) : m);
        docs++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    double mb = Files.size(in) / 1e6;
    System.out.printf(
        "documents=%d input=%.1f MB seconds=%.1f throughput=%.1f MB/s max-heap=%d MB"
            + " peak-heap-used(sum of pools)=%d MB%n",
        docs, mb, seconds, mb / seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
  }
}
