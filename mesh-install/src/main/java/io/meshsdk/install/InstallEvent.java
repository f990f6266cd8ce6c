package io.meshsdk.install;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A progress event of {@link Installer#apply} or {@link Installer#plan}: a step starting or ending,
 * an object applied, a wait. Never holds object content (no Secret data, no key material).
 *
 * @param type what happened
 * @param step the step, e.g. {@code pre-checks}, {@code crds}, {@code namespaces}, {@code
 *     resources}, {@code wait}
 * @param object the object concerned, if any
 * @param change for {@link Type#OBJECT}, what was (or would be) done to it
 * @param message one line for people, e.g. {@code waiting for Deployment linkerd/linkerd-identity
 *     (0 of 1 replicas available)}
 * @param elapsed the time since the step started (for {@link Type#STEP_DONE}) or since the run
 *     started (for {@link Type#DONE}); zero otherwise
 */
public record InstallEvent(
    Type type,
    String step,
    Optional<ObjectRef> object,
    Optional<Change> change,
    String message,
    Duration elapsed) {

  /** The kinds of event. */
  public enum Type {
    /** A step starts. */
    STEP_STARTED,
    /** An object was applied, or planned ({@link Installer#plan}). */
    OBJECT,
    /** Waiting for an object to become ready (repeated while the object is not ready). */
    WAITING,
    /** An object waited for is ready. */
    READY,
    /** A step ended. */
    STEP_DONE,
    /** The whole run ended. */
    DONE
  }

  /**
   * Checks the parts.
   *
   * @param type the type
   * @param step the step
   * @param object the object
   * @param change the change
   * @param message the line
   * @param elapsed the elapsed time
   */
  public InstallEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Returns the message with the step, e.g. {@code [crds] created CustomResourceDefinition x}. */
  @Override
  public String toString() {
    return "[" + step + "] " + message;
  }
}
