package io.meshsdk.benchmarks;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestStream;
import io.meshsdk.core.manifest.ManifestWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Manifest read + write of a whole multi-document manifest, in memory, to a null writer: Mesh SDK's
 * lossless {@link ManifestReader} → {@link ManifestWriter} (documents unmodified, so written back
 * verbatim), the same with every document marked modified (so every document goes through the block
 * emitter), and the floor: plain SnakeYAML {@code loadAll} → {@code dumpAll} of generic maps,
 * exactly as {@code ../shared/tools/perf/YamlRoundTrip.java} does.
 *
 * <p>The manifest: the parameter {@code manifest} (or the system property {@code
 * mesh.bench.manifest}) names a file; when both are empty, {@code python3
 * ../shared/tools/perf/gen_manifest.py TMP 30000} generates the 20 MB manifest into a temporary
 * file (the generator is looked up from the working directory; {@code mesh.bench.generator}
 * overrides its path). The secondary result {@code megabytes} is the throughput in MB/s (MB = 10^6
 * bytes of UTF-8 input).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ManifestRoundTrip -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class ManifestRoundTripBenchmark {

  /** Path of the manifest to use; empty to generate one. */
  @Param({""})
  public String manifest;

  /** Documents to generate when no manifest is given. */
  @Param({"30000"})
  public int documents;

  private String text;
  private double megabytes;
  private final ManifestReader reader = ManifestReader.create();

  /** Counts the megabytes processed; reported per second, i.e. MB/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Throughput {
    /** Megabytes of input processed. */
    public double megabytes;
  }

  /**
   * Loads (or generates) the manifest.
   *
   * @throws Exception when the manifest cannot be read or generated
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String path = manifest.isEmpty() ? System.getProperty("mesh.bench.manifest", "") : manifest;
    Path file;
    if (path.isEmpty()) {
      file = Files.createTempFile("mesh-bench-", ".yaml");
      file.toFile().deleteOnExit();
      generate(file, documents);
    } else {
      file = Path.of(path);
    }
    text = Files.readString(file, StandardCharsets.UTF_8);
    if (path.isEmpty()) {
      Files.deleteIfExists(file);
    }
    megabytes = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
    System.out.printf("%nmanifest: %s, %.1f MB%n", path.isEmpty() ? "generated" : path, megabytes);
  }

  static void generate(Path out, int docs) throws IOException, InterruptedException {
    String generator = System.getProperty("mesh.bench.generator", "");
    if (generator.isEmpty()) {
      for (String candidate :
          List.of(
              "../shared/tools/perf/gen_manifest.py", "../../shared/tools/perf/gen_manifest.py")) {
        if (Files.isRegularFile(Path.of(candidate))) {
          generator = candidate;
          break;
        }
      }
    }
    if (generator.isEmpty()) {
      throw new IllegalStateException(
          "gen_manifest.py not found: run from the project root or set -Dmesh.bench.generator");
    }
    Process p =
        new ProcessBuilder("python3", generator, out.toString(), Integer.toString(docs))
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("gen_manifest.py failed with exit code " + p.exitValue());
    }
  }

  /**
   * Mesh SDK: read every document and write it back (verbatim, as unmodified).
   *
   * @param t the throughput counter
   * @return documents written
   */
  @Benchmark
  public int meshUnmodified(Throughput t) {
    int n = roundTrip(false);
    t.megabytes += megabytes;
    return n;
  }

  /**
   * Mesh SDK: read every document, mark it modified and write it (through the block emitter).
   *
   * @param t the throughput counter
   * @return documents written
   */
  @Benchmark
  public int meshModified(Throughput t) {
    int n = roundTrip(true);
    t.megabytes += megabytes;
    return n;
  }

  private int roundTrip(boolean modify) {
    int n = 0;
    try (ManifestStream in = reader.open(new StringReader(text), "bench.yaml");
        ManifestWriter out = ManifestWriter.yaml(Writer.nullWriter())) {
      while (in.hasNext()) {
        Manifest m = in.next();
        out.write(modify ? m.withRoot(m.root()) : m);
        n++;
      }
    }
    return n;
  }

  /**
   * The floor: plain SnakeYAML loadAll + dumpAll of generic maps (YamlRoundTrip.java).
   *
   * @param t the throughput counter
   * @throws IOException never (null writer)
   */
  @Benchmark
  public void snakeYamlLoadAllDumpAll(Throughput t) throws IOException {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(Integer.MAX_VALUE);
    DumperOptions d = new DumperOptions();
    d.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Yaml y = new Yaml(lo);
    Yaml out = new Yaml(d);
    try (Writer w = Writer.nullWriter()) {
      out.dumpAll(y.loadAll(new StringReader(text)).iterator(), w);
    }
    t.megabytes += megabytes;
  }
}
