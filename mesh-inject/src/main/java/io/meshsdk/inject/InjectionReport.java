package io.meshsdk.inject;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The report of one input (a file, stdin): one {@link ResourceReport} per resource, rendered as
 * Linkerd prints it on stderr ({@link #render(boolean)}, plain or {@code --verbose}, line for
 * line), or as JSON. Immutable and thread-safe.
 */
public final class InjectionReport {
  /** Which transformation produced the report. */
  public enum Operation {
    /** {@code inject}. */
    INJECT,
    /** {@code uninject}. */
    UNINJECT
  }

  private static final String OK = "\u221a";
  private static final String WARN = "\u203c";

  private final Operation operation;
  private final List<ResourceReport> resources;

  private InjectionReport(Operation operation, List<ResourceReport> resources) {
    this.operation = Objects.requireNonNull(operation);
    this.resources = List.copyOf(resources);
  }

  /**
   * A report over the given resources.
   *
   * @param operation inject or uninject
   * @param resources the resources in input order
   * @return the report
   */
  public static InjectionReport of(Operation operation, List<ResourceReport> resources) {
    return new InjectionReport(operation, resources);
  }

  /**
   * The operation.
   *
   * @return inject or uninject
   */
  public Operation operation() {
    return operation;
  }

  /**
   * The resources in input order.
   *
   * @return an unmodifiable list
   */
  public List<ResourceReport> resources() {
    return resources;
  }

  /**
   * Linkerd's stderr report for this input, exactly: a leading blank line, the warnings, a blank
   * line when anything was printed, one line per resource and a trailing blank line.
   *
   * @return the text, ending with a newline
   */
  public String render() {
    return render(false);
  }

  /**
   * Linkerd's {@code --verbose} stderr report: as {@link #render()}, with every check, not only the
   * warnings.
   *
   * @return the text, ending with a newline
   */
  public String renderVerbose() {
    return render(true);
  }

  private String render(boolean verbose) {
    StringBuilder out = new StringBuilder("\n");
    if (operation == Operation.UNINJECT) {
      for (ResourceReport r : resources) {
        out.append(r.line()).append('\n');
      }
      return out.append('\n').toString();
    }
    List<String> hostNetwork = new ArrayList<>();
    List<String> sidecar = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    List<String> udp = new ArrayList<>();
    boolean supported = false;
    boolean warnings = verbose;
    boolean automountOk = true;
    for (ResourceReport r : resources) {
      String res = r.kind() + "/" + r.name();
      if (r.skipReason()
          .map(
              x ->
                  x != ResourceReport.SkipReason.MISSING_KIND
                      && x != ResourceReport.SkipReason.UNSUPPORTED_KIND)
          .orElse(true)) {
        // Linkerd's "annotatable": a workload, a Namespace or a Service
        supported = true;
      }
      if (r.findings().contains(ResourceReport.Finding.HOST_NETWORK)) {
        hostNetwork.add(res);
        warnings = true;
      }
      if (r.findings().contains(ResourceReport.Finding.THIRD_PARTY_SIDECAR)) {
        sidecar.add(res);
        warnings = true;
      }
      if (r.findings().contains(ResourceReport.Finding.UDP)) {
        udp.add(res);
        warnings = true;
      }
      if (r.findings().contains(ResourceReport.Finding.INJECT_DISABLED)) {
        disabled.add(res);
        warnings = true;
      }
      if (r.findings().contains(ResourceReport.Finding.AUTOMOUNT_TOKEN_DISABLED)) {
        automountOk = false;
        warnings = true;
      }
    }
    if (!hostNetwork.isEmpty()) {
      out.append(WARN + " \"hostNetwork: true\" detected in ")
          .append(String.join(", ", hostNetwork))
          .append('\n');
    } else if (verbose) {
      out.append(OK + " pods do not use host networking\n");
    }
    if (!sidecar.isEmpty()) {
      out.append(WARN + " known 3rd party sidecar detected in ")
          .append(String.join(", ", sidecar))
          .append('\n');
    } else if (verbose) {
      out.append(OK + " pods do not have a 3rd party proxy or initContainer already injected\n");
    }
    if (!disabled.isEmpty()) {
      out.append(WARN + " \"linkerd.io/inject: disabled\" annotation set on ")
          .append(String.join(", ", disabled))
          .append('\n');
    } else if (verbose) {
      out.append(OK + " pods are not annotated to disable injection\n");
    }
    if (!supported) {
      out.append(WARN + " no supported objects found\n");
      warnings = true;
    } else if (verbose) {
      out.append(OK + " at least one resource can be injected or annotated\n");
    }
    if (!udp.isEmpty()) {
      out.append(WARN + " ")
          .append(String.join(", ", udp))
          .append(udp.size() > 1 ? " use" : " uses")
          .append(" \"protocol: UDP\"\n");
    } else if (verbose) {
      out.append(OK + " pod specs do not include UDP ports\n");
    }
    if (verbose && automountOk) {
      out.append(
          OK
              + " pods do not have automountServiceAccountToken set to \"false\" or service"
              + " account token projection is enabled\n");
    }
    if (warnings) {
      out.append('\n');
    }
    for (ResourceReport r : resources) {
      out.append(r.line()).append('\n');
    }
    return out.append('\n').toString();
  }

  /**
   * The report as JSON: {@code {"operation":"inject","resources":[{"kind":…,"name":…,
   * "outcome":"injected","reason":null,"findings":[…],"changed":true}]}}.
   *
   * @return the JSON text
   */
  public String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty("operation", operation.name().toLowerCase(Locale.ROOT));
    JsonArray arr = new JsonArray();
    for (ResourceReport r : resources) {
      JsonObject o = new JsonObject();
      o.addProperty("kind", r.kind());
      o.addProperty("name", r.name());
      o.addProperty("outcome", r.action().name().toLowerCase(Locale.ROOT));
      o.addProperty(
          "reason", r.skipReason().map(x -> x.name().toLowerCase(Locale.ROOT)).orElse(null));
      JsonArray f = new JsonArray();
      for (ResourceReport.Finding x : r.findings()) {
        f.add(x.name().toLowerCase(Locale.ROOT));
      }
      o.add("findings", f);
      o.addProperty("changed", r.changed());
      arr.add(o);
    }
    root.add("resources", arr);
    return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root);
  }

  @Override
  public String toString() {
    return render(false);
  }
}
