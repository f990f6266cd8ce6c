package io.meshsdk.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A builder was configured wrongly: a required value is missing or empty, a value has the wrong
 * type, an option does not parse. Thrown by {@code build()} and by the builder methods that check
 * their argument at once, before any input is processed — never for a problem of one input.
 *
 * <p>{@link #problem()} is what is wrong; {@link #valuesPath()} names the Helm values path when the
 * problem is about one, e.g. {@code identityTrustAnchorsPEM}, and the message then also says how to
 * set it.
 */
public class ConfigurationException extends MeshException {
  private static final long serialVersionUID = 1L;

  /** What is wrong. */
  private final String problem;

  /** The values path the problem is about, or null. */
  private final String valuesPath;

  /**
   * Creates an exception that is not about one values path.
   *
   * @param problem what is wrong, for people; also the message
   */
  public ConfigurationException(String problem) {
    super(Objects.requireNonNull(problem, "problem"));
    this.problem = problem;
    this.valuesPath = null;
  }

  /**
   * Creates an exception about one values path.
   *
   * @param problem what is wrong, for people; also the message, which should name the path and how
   *     to set it
   * @param valuesPath the Helm values path, e.g. {@code identityTrustAnchorsPEM}
   */
  public ConfigurationException(String problem, String valuesPath) {
    super(Objects.requireNonNull(problem, "problem"));
    this.problem = problem;
    this.valuesPath = Objects.requireNonNull(valuesPath, "valuesPath");
  }

  /**
   * What is wrong.
   *
   * @return the problem, the same text as the message
   */
  @Override
  public String problem() {
    return problem;
  }

  /**
   * The Helm values path the problem is about.
   *
   * @return the path, or empty when the problem is not about one value
   */
  public Optional<String> valuesPath() {
    return Optional.ofNullable(valuesPath);
  }
}
