package io.meshsdk.inject;

import io.meshsdk.core.manifest.ManifestLocation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What happened to one resource: its kind and name, the action, the reason when it was skipped, and
 * the findings Linkerd's report warns about. Immutable.
 */
public final class ResourceReport {
  /** What was done to a resource. */
  public enum Action {
    /** The proxy was injected (or, in annotation mode, the pod template annotated for it). */
    INJECTED,
    /** Only annotations were added (a Namespace, a Service, or a workload with overrides). */
    ANNOTATED,
    /** Linkerd's injection was removed. */
    UNINJECTED,
    /** Nothing was done; see {@link #skipReason()}. */
    SKIPPED
  }

  /** Why a resource was skipped. */
  public enum SkipReason {
    /** The document has no {@code kind}. */
    MISSING_KIND,
    /** Linkerd does not handle this kind (ConfigMaps, custom resources, …). */
    UNSUPPORTED_KIND,
    /** A Namespace or Service with nothing to annotate. */
    NOTHING_TO_ANNOTATE,
    /** The pod template is annotated {@code linkerd.io/inject: disabled}. */
    INJECT_DISABLED,
    /** Uninject found no Linkerd injection. */
    NOT_INJECTED
  }

  /** Conditions Linkerd's report warns about. */
  public enum Finding {
    /** {@code hostNetwork: true}. */
    HOST_NETWORK,
    /** An istio (or other known) proxy is already there. */
    THIRD_PARTY_SIDECAR,
    /** {@code linkerd.io/inject: disabled}. */
    INJECT_DISABLED,
    /** A container port uses {@code protocol: UDP}. */
    UDP,
    /** {@code automountServiceAccountToken: false} without token projection. */
    AUTOMOUNT_TOKEN_DISABLED
  }

  private final String kind;
  private final String name;
  private final Action action;
  private final SkipReason reason;
  private final Set<Finding> findings;
  private final boolean changed;

  private final String kindAsWritten;
  private final String namespace;
  private final ManifestLocation location;

  ResourceReport(
      String kind,
      String name,
      Action action,
      SkipReason reason,
      Set<Finding> findings,
      boolean changed,
      String kindAsWritten,
      String namespace,
      ManifestLocation location) {
    this.kindAsWritten = Objects.requireNonNull(kindAsWritten);
    this.namespace = namespace == null || namespace.isEmpty() ? null : namespace;
    this.location = Objects.requireNonNull(location);
    this.kind = Objects.requireNonNull(kind);
    this.name = Objects.requireNonNull(name);
    this.action = Objects.requireNonNull(action);
    this.reason = reason;
    this.findings =
        findings.isEmpty()
            ? Collections.emptySet()
            : Collections.unmodifiableSet(EnumSet.copyOf(findings));
    this.changed = changed;
  }

  /**
   * The lower-case kind, e.g. {@code deployment}; empty when the document has no kind.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * The kind as the manifest spells it, e.g. {@code Deployment}; empty when the document has no
   * kind. {@link #kind()} is Linkerd's lower-case form.
   *
   * @return the kind as written
   */
  public String kindAsWritten() {
    return kindAsWritten;
  }

  /**
   * The resource's {@code metadata.namespace}.
   *
   * @return the namespace, or empty when the manifest does not set one
   */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /**
   * Where the resource's document was read: source (file, {@code <stdin>}), document number and
   * line; {@link ManifestLocation#GENERATED} for a document built in code. The items of a {@code
   * kind: List} share their List's location.
   *
   * @return the location
   */
  public ManifestLocation location() {
    return location;
  }

  /**
   * The resource name (a pod's {@code generateName} when it has no name).
   *
   * @return the name, possibly empty
   */
  public String name() {
    return name;
  }

  /**
   * What was done.
   *
   * @return the action
   */
  public Action action() {
    return action;
  }

  /**
   * Why the resource was skipped.
   *
   * @return the reason, empty unless the action is {@link Action#SKIPPED}
   */
  public Optional<SkipReason> skipReason() {
    return Optional.ofNullable(reason);
  }

  /**
   * The findings Linkerd warns about.
   *
   * @return an unmodifiable set
   */
  public Set<Finding> findings() {
    return findings;
  }

  /**
   * Whether the document was changed.
   *
   * @return true when the output differs from the input
   */
  public boolean changed() {
    return changed;
  }

  /**
   * Linkerd's summary line for this resource, e.g. {@code deployment "web" injected}.
   *
   * @return the line without a newline
   */
  public String line() {
    if (kind.isEmpty()) {
      return "document missing \"kind\" field, skipped";
    }
    return kind + " \"" + name + "\" " + action.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return line() + (reason == null ? "" : " (" + reason + ")");
  }
}
