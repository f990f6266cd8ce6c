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

  public boolean hostNetwork;
  public boolean sidecar;
  public boolean udp;
  public boolean unsupported;
  public boolean injectDisabled;
  public boolean annotated;
  public boolean automountServiceAccountToken = true;
  public boolean uninjected;
  /** Whether the engine changed the document. */
  public boolean changed;

  Report(String kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  /** Linkerd's {@code Injectable()}. */
  public boolean injectable() {
    return !hostNetwork && !sidecar && !unsupported && !injectDisabled
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

  /** {@code kind/name}, as in Linkerd's warnings. */
  public String resName() {
    return kind + "/" + name;
  }
}
