package io.meshsdk.install.internal;

import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Helm's {@code template} output as manifests, in Helm's install order. */
public final class HelmOutput {
  /**
   * Helm's {@code releaseutil.InstallOrder}: kinds in the order Helm installs them; other kinds
   * come after all of these, by kind name.
   */
  public static final List<String> INSTALL_ORDER =
      List.of(
          "PriorityClass",
          "Namespace",
          "NetworkPolicy",
          "ResourceQuota",
          "LimitRange",
          "PodSecurityPolicy",
          "PodDisruptionBudget",
          "ServiceAccount",
          "Secret",
          "SecretList",
          "ConfigMap",
          "StorageClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleList",
          "ClusterRoleBinding",
          "ClusterRoleBindingList",
          "Role",
          "RoleList",
          "RoleBinding",
          "RoleBindingList",
          "Service",
          "DaemonSet",
          "Pod",
          "ReplicationController",
          "ReplicaSet",
          "Deployment",
          "HorizontalPodAutoscaler",
          "StatefulSet",
          "Job",
          "CronJob",
          "IngressClass",
          "Ingress",
          "APIService",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration");

  private static final Map<String, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < INSTALL_ORDER.size(); i++) {
      RANK.put(INSTALL_ORDER.get(i), i);
    }
  }

  private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \t]*(?:\r?\n|$)");
  private static final String SOURCE = "# Source: ";

  private HelmOutput() {}

  /**
   * Splits Helm's output ({@code ---\n# Source: chart/templates/x.yaml\n...} per document) into
   * manifests located at their template, drops empty documents, and sorts them stably by Helm's
   * install order (Helm already prints them in that order; the sort keeps its order within a kind).
   */
  public static List<Manifest> parse(String text, String chart) {
    ManifestReader reader = ManifestReader.create();
    List<Manifest> out = new ArrayList<>();
    for (String chunk : SEPARATOR.split(text)) {
      if (chunk.isBlank()) {
        continue;
      }
      String source = chart;
      if (chunk.startsWith(SOURCE)) {
        int nl = chunk.indexOf('\n');
        source =
            (nl < 0 ? chunk.substring(SOURCE.length()) : chunk.substring(SOURCE.length(), nl))
                .strip();
      }
      for (Manifest m : reader.readAll("---\n" + chunk, source)) {
        if (!m.isEmpty()) {
          out.add(m);
        }
      }
    }
    out.sort(INSTALL_ORDER_COMPARATOR);
    return List.copyOf(out);
  }

  /** Helm's {@code lessByKind}: known kinds by rank, then unknown kinds by name. */
  public static final Comparator<Manifest> INSTALL_ORDER_COMPARATOR =
      (a, b) -> {
        String ka = a.kind().orElse("");
        String kb = b.kind().orElse("");
        Integer ra = RANK.get(ka);
        Integer rb = RANK.get(kb);
        if (ra == null && rb == null) {
          return ka.compareTo(kb);
        }
        if (ra == null) {
          return 1;
        }
        if (rb == null) {
          return -1;
        }
        return Integer.compare(ra, rb);
      };
}
