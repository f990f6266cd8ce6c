package io.meshsdk.core;

/**
 * The root of every exception Mesh SDK throws on purpose.
 *
 * <p>Unchecked, like the exceptions of fabric8 and JUnit: callers catch it where they can do
 * something about it. Subclasses name the area ({@code ManifestException}, {@code ValuesException},
 * …). Messages are meant for people: they say what was wrong and where (a source name, a document,
 * a line, a flag), and they never contain secret material such as private keys.
 */
public class MeshException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for people
   */
  public MeshException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause.
   *
   * @param message what went wrong, for people
   * @param cause the underlying failure
   */
  public MeshException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * What is wrong — the one accessor every Mesh SDK exception has for it. Subclasses that know
   * where the problem is (a source and line, a {@code --set} argument) return it without that
   * place, which they expose through accessors of their own; otherwise it is the message.
   *
   * @return the problem, for people
   */
  public String problem() {
    return getMessage();
  }
}
