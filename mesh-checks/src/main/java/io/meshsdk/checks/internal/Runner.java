package io.meshsdk.checks.internal;

import io.kubernetes.client.openapi.models.V1Namespace;
import io.meshsdk.checks.CheckCategory;
import io.meshsdk.checks.CheckListener;
import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterView;
import io.meshsdk.cluster.ListQuery;
import io.meshsdk.cluster.ResourceKind;
import io.meshsdk.core.linkerd.LinkerdNames;
import io.meshsdk.core.report.CheckReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.report.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** One run: the core stage, then the extensions ({@code runExtensionChecks} of check.go). */
public final class Runner {
  private Runner() {}

  /**
   * Runs the enabled checks, then the extensions if the settings ask for them.
   *
   * @param cluster the cluster
   * @param settings the settings
   * @param listener the listener
   * @return the report
   */
  public static CheckReport run(ClusterView cluster, Settings settings, CheckListener listener) {
    ExecutorService executor = Executors.newFixedThreadPool(settings.parallelism(), daemons());
    try {
      Engine engine = new Engine(settings, executor, listener);
      CheckReport.Builder report = CheckReport.builder();
      List<CheckDef> defs = Catalog.select(settings);
      boolean wide =
          defs.stream().anyMatch(d -> d.check().description().equals(Catalog.ALL_PODS_DESCRIPTION));
      AtomicReference<RunContext> last = new AtomicReference<>();
      Engine.Stage core =
          engine.run(
              defs,
              () -> {
                RunContext c = new RunContext(cluster, settings, wide);
                last.set(c);
                return c;
              });
      report.addAll(core.results());
      if (!core.stopped() && settings.runsExtensions()) {
        RunContext ctx = last.get() != null ? last.get() : new RunContext(cluster, settings, wide);
        extensions(engine, cluster, settings, ctx, report, listener);
      }
      return report.build();
    } finally {
      executor.shutdownNow();
    }
  }

  private static void extensions(
      Engine engine,
      ClusterView cluster,
      Settings settings,
      RunContext ctx,
      CheckReport.Builder report,
      CheckListener listener) {
    List<V1Namespace> namespaces;
    try {
      namespaces =
          ctx.list(
              ResourceKind.NAMESPACES,
              ListQuery.inAllNamespaces().withLabelSelector(LinkerdNames.EXTENSION_LABEL));
    } catch (ClusterAccessException e) {
      CheckResult r =
          CheckResult.builder(
                  CheckCategory.LINKERD_EXTENSION_CHECKS.id(), "can list the extension namespaces")
              .hintAnchor("extensions")
              .hintBase(settings.hintBase())
              .severity(Severity.ERROR)
              .failed(e.getMessage())
              .build();
      report.add(r);
      listener.onResult(r);
      return;
    }
    Set<String> names = new TreeSet<>();
    for (V1Namespace ns : namespaces) {
      Map<String, String> labels = RunContext.labels(ns);
      String ext = labels.get(LinkerdNames.EXTENSION_LABEL);
      if (ext != null && !ext.isEmpty()) {
        names.add(ext);
      }
    }
    for (String ext : names) {
      if (ext.equals("viz")) {
        Set<CheckCategory> cats =
            settings.proxy()
                ? EnumSet.of(CheckCategory.LINKERD_VIZ, CheckCategory.LINKERD_VIZ_DATA_PLANE)
                : EnumSet.of(CheckCategory.LINKERD_VIZ);
        Settings viz = settings.forExtension(cats, settings.vizNamespace().orElse(null));
        Engine.Stage stage =
            engine.run(Catalog.select(viz), () -> new RunContext(cluster, viz, false));
        report.addAll(stage.results());
      } else {
        String command = "linkerd-" + ext;
        CheckResult r =
            CheckResult.builder(command, "Linkerd extension command " + command + " exists")
                .hintAnchor("extensions")
                .hintBase(settings.hintBase())
                .severity(Severity.WARNING)
                .failed("exec: \"" + command + "\": executable file not found in $PATH")
                .build();
        report.add(r);
        listener.onResult(r);
      }
    }
  }

  private static ThreadFactory daemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "mesh-check-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
