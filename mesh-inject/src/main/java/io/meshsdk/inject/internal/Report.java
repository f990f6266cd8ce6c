package io.meshsdk.inject.internal;

import java.util.ArrayList;
import java.util.List;

/** Linkerd's per-resource {@code inject.Report}, filled by the engines. */
public final class Report {
  static final String HOST_NETWORK = "hostNetwork is enabled";
  static final String SIDECAR = "pod has a sidecar injected already";
  static final String AUTOMOUNT =
      "automountServiceAccountToken set to \"false\", with"
          + " Values.identity.serviceAccountTokenProjection set to \"false\"";
  static final String UDP = "UDP port(s) configured on pod spec";

  /** Lower-case kind, "" when the document has none. */
  public final String kind;

  /** The resource name (a pod's generateName when it has no name). */
  public final String name;

  /** The pod uses the host network. */
  public boolean hostNetwork;

  /** A proxy (Linkerd's or a third party's) is already there. */
  public boolean sidecar;

  /** A container declares a UDP port. */
  public boolean udp;

  /** Not a workload with a pod template. */
  public boolean unsupported;

  /** The pod template says {@code linkerd.io/inject: disabled}. */
  public boolean injectDisabled;

  /** Annotations were added (a Namespace, a Service, or overrides on a workload). */
  public boolean annotated;

  /** False when the token is not mounted and not projected either. */
  public boolean automountServiceAccountToken = true;

  /** Uninject removed something. */
  public boolean uninjected;

  /** Whether the engine changed the document. */
  public boolean changed;

  /** The kind as the manifest spells it, "" when the document has none. */
  public final String kindAsWritten;

  /** {@code metadata.namespace}, "" when not set. */
  public final String namespace;

  Report(String kind, String name) {
    this(kind, name, "", "");
  }

  Report(String kind, String name, String kindAsWritten, String namespace) {
    this.kind = kind;
    this.name = name;
    this.kindAsWritten = kindAsWritten;
    this.namespace = namespace;
  }

  /**
   * Linkerd's {@code Injectable()}.
   *
   * @return whether the resource can be injected
   */
  public boolean injectable() {
    return !hostNetwork
        && !sidecar
        && !unsupported
        && !injectDisabled
        && automountServiceAccountToken;
  }

  /** Linkerd's {@code ThrowInjectError()}: the reasons that make the CLI fail. */
  List<String> errors() {
    List<String> errs = new ArrayList<>();
    if (!automountServiceAccountToken) {
      errs.add(AUTOMOUNT);
    }
    if (hostNetwork) {
      errs.add(HOST_NETWORK);
    }
    if (sidecar) {
      errs.add(SIDECAR);
    }
    if (udp) {
      errs.add(UDP);
    }
    return errs;
  }

  /**
   * The resource as Linkerd's warnings name it.
   *
   * @return {@code kind/name}
   */
  public String resName() {
    return kind + "/" + name;
  }
}
