package io.meshsdk.inject;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestLocation;
import io.meshsdk.inject.internal.Kind;
import io.meshsdk.inject.internal.Report;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Converts the engines' internal reports into the public {@link ResourceReport}. */
final class Reports {
  private Reports() {}

  /**
   * Whether Linkerd's document reader would not see this document at all: an empty document whose
   * text is nothing but its own {@code ---} line (Kubernetes' YAML reader only yields non-empty
   * chunks between separators; a blank or comment-only chunk is a document without a kind).
   */
  static boolean invisible(Manifest m) {
    if (!m.isEmpty()) {
      return false;
    }
    String text = m.sourceText().orElse("");
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.startsWith("---")) {
      int eol = text.indexOf('\n');
      String first = eol < 0 ? text : text.substring(0, eol);
      String rest = first.substring(3).strip();
      if (rest.isEmpty() || rest.startsWith("#")) {
        text = eol < 0 ? "" : text.substring(eol + 1);
      }
    }
    return text.isEmpty();
  }

  static List<ResourceReport> injected(List<Report> reports, ManifestLocation at) {
    List<ResourceReport> out = new ArrayList<>(reports.size());
    for (Report r : reports) {
      ResourceReport.Action action;
      ResourceReport.SkipReason reason = null;
      if (r.injectable()) {
        action = ResourceReport.Action.INJECTED;
      } else if (r.annotated) {
        action = ResourceReport.Action.ANNOTATED;
      } else {
        action = ResourceReport.Action.SKIPPED;
        reason = skipReason(r, false);
      }
      out.add(
          new ResourceReport(
              r.kind,
              r.name,
              action,
              reason,
              findings(r),
              r.changed,
              r.kindAsWritten,
              r.namespace,
              at));
    }
    return out;
  }

  static List<ResourceReport> uninjected(List<Report> reports, ManifestLocation at) {
    List<ResourceReport> out = new ArrayList<>(reports.size());
    for (Report r : reports) {
      if (r.uninjected) {
        out.add(
            new ResourceReport(
                r.kind,
                r.name,
                ResourceReport.Action.UNINJECTED,
                null,
                Set.of(),
                r.changed,
                r.kindAsWritten,
                r.namespace,
                at));
      } else {
        out.add(
            new ResourceReport(
                r.kind,
                r.name,
                ResourceReport.Action.SKIPPED,
                skipReason(r, true),
                Set.of(),
                r.changed,
                r.kindAsWritten,
                r.namespace,
                at));
      }
    }
    return out;
  }

  private static ResourceReport.SkipReason skipReason(Report r, boolean uninject) {
    if (r.kind.isEmpty()) {
      return ResourceReport.SkipReason.MISSING_KIND;
    }
    Kind k = Kind.of(r.kind);
    if (k == null) {
      return ResourceReport.SkipReason.UNSUPPORTED_KIND;
    }
    if (uninject) {
      return ResourceReport.SkipReason.NOT_INJECTED;
    }
    if (!k.hasPodTemplate()) {
      return ResourceReport.SkipReason.NOTHING_TO_ANNOTATE;
    }
    return ResourceReport.SkipReason.INJECT_DISABLED;
  }

  private static Set<ResourceReport.Finding> findings(Report r) {
    Set<ResourceReport.Finding> f = EnumSet.noneOf(ResourceReport.Finding.class);
    if (r.hostNetwork) {
      f.add(ResourceReport.Finding.HOST_NETWORK);
    }
    if (r.sidecar) {
      f.add(ResourceReport.Finding.THIRD_PARTY_SIDECAR);
    }
    if (r.injectDisabled) {
      f.add(ResourceReport.Finding.INJECT_DISABLED);
    }
    if (r.udp) {
      f.add(ResourceReport.Finding.UDP);
    }
    if (!r.automountServiceAccountToken) {
      f.add(ResourceReport.Finding.AUTOMOUNT_TOKEN_DISABLED);
    }
    return f;
  }
}
