package io.meshsdk.inject;

import io.meshsdk.core.MeshException;
import java.util.List;

/**
 * A document that cannot be injected: Linkerd refuses it (host networking, an existing sidecar, …),
 * it is malformed (no pod template, an annotation with an invalid value), or the values cannot
 * render its proxy (a value its annotations or Linkerd's template refuse). Values missing for every
 * document, such as the trust anchors, fail earlier, at {@code Injector.Builder.build()}, with a
 * {@link io.meshsdk.core.ConfigurationException}. The message is the text Linkerd prints after
 * {@code Error transforming resources:} where Linkerd has one, e.g. {@code failed to inject
 * deployment/web: hostNetwork is enabled}.
 */
public class InjectionException extends MeshException {
  private static final long serialVersionUID = 1L;

  /** Why the document was not injected. */
  public enum Category {
    /** Linkerd refuses the resource (its own message). */
    REFUSED,
    /** The document is malformed for injection (a missing pod template, a bad annotation). */
    INVALID_INPUT,
    /** The mesh values cannot render this document's proxy (a bad value). */
    INVALID_VALUES
  }

  /** The category of the failure. */
  private final Category category;

  /** The lower-case kind of the resource. */
  private final String kind;

  /** The resource name. */
  private final String resourceName;

  /** The individual reasons. */
  private final List<String> reasons;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param category the category
   * @param kind the lower-case kind of the resource
   * @param resourceName the resource name
   * @param reasons the individual reasons, in Linkerd's order
   */
  public InjectionException(
      String message, Category category, String kind, String resourceName, List<String> reasons) {
    super(message);
    this.category = category;
    this.kind = kind;
    this.resourceName = resourceName;
    this.reasons = List.copyOf(reasons);
  }

  /**
   * The category of the failure.
   *
   * @return the category
   */
  public Category category() {
    return category;
  }

  /**
   * The lower-case kind of the resource, e.g. {@code deployment}.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * The name of the resource.
   *
   * @return the name
   */
  public String resourceName() {
    return resourceName;
  }

  /**
   * The individual reasons, e.g. {@code [hostNetwork is enabled]}.
   *
   * @return an unmodifiable list
   */
  public List<String> reasons() {
    return reasons;
  }
}
