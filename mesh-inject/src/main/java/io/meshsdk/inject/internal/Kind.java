package io.meshsdk.inject.internal;

import java.util.Locale;
import java.util.Map;

/** Linkerd's kinds table: where each kind keeps its pod template and which label names it. */
public enum Kind {
  /** {@code Deployment}. */
  DEPLOYMENT("linkerd.io/proxy-deployment"),
  /** {@code ReplicaSet}. */
  REPLICASET("linkerd.io/proxy-replicaset"),
  /** {@code ReplicationController}. */
  REPLICATIONCONTROLLER("linkerd.io/proxy-replicationcontroller"),
  /** {@code StatefulSet}. */
  STATEFULSET("linkerd.io/proxy-statefulset"),
  /** {@code DaemonSet}. */
  DAEMONSET("linkerd.io/proxy-daemonset"),
  /** {@code Job}. */
  JOB("linkerd.io/proxy-job"),
  /** {@code CronJob} (template under {@code spec.jobTemplate.spec}). */
  CRONJOB("linkerd.io/proxy-cronjob"),
  /** {@code Pod}, its own template. */
  POD(null),
  /** {@code Namespace}, annotated only. */
  NAMESPACE(null),
  /** {@code Service}, annotated only. */
  SERVICE(null);

  private final String ownerLabel;

  Kind(String ownerLabel) {
    this.ownerLabel = ownerLabel;
  }

  /**
   * The kind for a {@code kind} text (any case).
   *
   * @param kind the text
   * @return the kind, or null when Linkerd does not handle it
   */
  public static Kind of(String kind) {
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "deployment":
        return DEPLOYMENT;
      case "replicaset":
        return REPLICASET;
      case "replicationcontroller":
        return REPLICATIONCONTROLLER;
      case "statefulset":
        return STATEFULSET;
      case "daemonset":
        return DAEMONSET;
      case "job":
        return JOB;
      case "cronjob":
        return CRONJOB;
      case "pod":
        return POD;
      case "namespace":
        return NAMESPACE;
      case "service":
        return SERVICE;
      default:
        return null;
    }
  }

  /**
   * Whether this kind has a pod template (is injectable).
   *
   * @return false for Namespace and Service
   */
  public boolean hasPodTemplate() {
    return this != NAMESPACE && this != SERVICE;
  }

  /** The {@code linkerd.io/proxy-<kind>} label, or null for pods. */
  String ownerLabel() {
    return ownerLabel;
  }

  /** The dotted path of the pod template, for messages. */
  String templatePath() {
    switch (this) {
      case POD:
        return "";
      case CRONJOB:
        return "spec.jobTemplate.spec.template";
      default:
        return "spec.template";
    }
  }

  /** The pod template (read only), or null when missing. */
  Map<String, Object> template(Map<String, Object> root) {
    switch (this) {
      case POD:
        return root;
      case CRONJOB:
        return Trees.path(root, "spec", "jobTemplate", "spec", "template");
      default:
        return Trees.path(root, "spec", "template");
    }
  }

  /** The pod template inside an owned root, owned along the path; null when missing. */
  Map<String, Object> ownTemplate(Map<String, Object> ownedRoot, Edit e) {
    switch (this) {
      case POD:
        return ownedRoot;
      case CRONJOB:
        return e.path(ownedRoot, "spec", "jobTemplate", "spec", "template");
      default:
        return e.path(ownedRoot, "spec", "template");
    }
  }
}
