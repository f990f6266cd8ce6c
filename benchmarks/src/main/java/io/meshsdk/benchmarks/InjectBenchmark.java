package io.meshsdk.benchmarks;

import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestStream;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.inject.InjectMode;
import io.meshsdk.inject.Injector;
import io.meshsdk.inject.Uninjector;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-process injection throughput over the benchmark manifest: the transformation alone over parsed
 * trees ({@code annotate}, {@code manual}, {@code uninject}), and end to end with the manifest
 * reader and writer ({@code annotateManifest}, {@code manualManifest}), on Linkerd's chart defaults
 * with a trust anchor. Run: {@code java -jar benchmarks/target/benchmarks.jar InjectBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InjectBenchmark {
  @Param({"3000"})
  public int docs;

  private String text;
  private List<Manifest> trees;
  private List<Manifest> injected;
  private Injector annotate;
  private Injector manual;

  /** Parses the manifest and builds the injectors. */
  @Setup
  public void setup() throws IOException {
    text = ManifestText.generate(docs);
    trees = ManifestReader.create().readAll(text, "bench");
    HelmValues values =
        LinkerdChart.CONTROL_PLANE
            .defaults()
            .with(
                "identityTrustAnchorsPEM",
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    annotate = Injector.builder().installedValues(values).mode(InjectMode.ANNOTATE).build();
    manual = Injector.builder().installedValues(values).mode(InjectMode.PROXY).build();
    injected = new ArrayList<>();
    for (Manifest t : trees) {
      injected.add(manual.inject(t).manifest());
    }
  }

  /** Annotation mode over every document. */
  @Benchmark
  public void annotate(Blackhole bh) {
    Injector.Session s = annotate.newSession();
    for (Manifest t : trees) {
      bh.consume(s.inject(t).manifest());
    }
  }

  /** Manual (proxy) mode over every document. */
  @Benchmark
  public void manual(Blackhole bh) {
    Injector.Session s = manual.newSession();
    for (Manifest t : trees) {
      bh.consume(s.inject(t).manifest());
    }
  }

  /** Annotation mode end to end: read, inject and write the manifest (to nowhere). */
  @Benchmark
  public void annotateManifest(Blackhole bh) {
    endToEnd(annotate, bh);
  }

  /** Manual mode end to end: read, inject and write the manifest (to nowhere). */
  @Benchmark
  public void manualManifest(Blackhole bh) {
    endToEnd(manual, bh);
  }

  private void endToEnd(Injector injector, Blackhole bh) {
    Injector.Session s = injector.newSession();
    Writer sink = Writer.nullWriter();
    try (ManifestWriter out = ManifestWriter.yaml(sink);
        ManifestStream in = ManifestReader.create().open(new StringReader(text), "bench")) {
      while (in.hasNext()) {
        Manifest m = s.inject(in.next()).manifest();
        out.write(m);
        bh.consume(m);
      }
    }
  }

  /** Uninject of the manually injected documents. */
  @Benchmark
  public void uninject(Blackhole bh) {
    Uninjector u = Uninjector.create();
    for (Manifest t : injected) {
      bh.consume(u.uninject(t).manifest());
    }
  }
}
