package io.meshsdk.core.values;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.internal.go.GoText;
import java.util.Optional;

/**
 * Bad Helm values input: a {@code --set} argument Helm would refuse, a values file that is not a
 * map, a path that does not fit the tree, a file that cannot be read.
 *
 * <p>The message is one line and names the source: for a {@code --set*} argument the flag, the raw
 * argument and the character position where parsing stopped, e.g. {@code invalid --set
 * "name1.=name2" at character 7: key map "name1" has no value}. An argument longer than 512
 * characters is quoted as an excerpt around the position, with its length. The parts are also
 * available separately ({@link #input()} is the whole argument).
 */
public class ValuesException extends MeshException {
  private static final long serialVersionUID = 1L;

  /** The flag kind, or null. */
  private final transient SetFlag flag;

  /** The raw argument, or null. */
  private final String input;

  /** The 1-based character position, or -1. */
  private final int position;

  /** The reason without the flag and input prefix. */
  private final String reason;

  /**
   * Creates an exception that is not about a {@code --set*} argument.
   *
   * @param message what went wrong and where, one line
   */
  public ValuesException(String message) {
    super(message);
    this.flag = null;
    this.input = null;
    this.position = -1;
    this.reason = message;
  }

  /**
   * Creates an exception that is not about a {@code --set*} argument, with its cause.
   *
   * @param message what went wrong and where, one line
   * @param cause the underlying failure
   */
  public ValuesException(String message, Throwable cause) {
    super(message, cause);
    this.flag = null;
    this.input = null;
    this.position = -1;
    this.reason = message;
  }

  /**
   * Creates an exception about one {@code --set*} argument.
   *
   * @param flag the flag kind
   * @param input the raw argument
   * @param position 1-based character position where parsing stopped (0 when not known)
   * @param reason what is wrong, in Helm's words where Helm has words for it
   * @param cause the underlying failure, or {@code null}
   */
  public ValuesException(SetFlag flag, String input, int position, String reason, Throwable cause) {
    super(
        "invalid "
            + flag.flagName()
            + " "
            + excerpt(input, position)
            + (position > 0 ? " at character " + position : "")
            + ": "
            + boundedReason(reason),
        cause);
    this.flag = flag;
    this.input = input;
    this.position = position;
    this.reason = reason;
  }

  /** Longest argument quoted whole in a message; a longer one is quoted around the position. */
  private static final int MAX_QUOTED = 512;

  /** Characters of a long argument quoted around the position. */
  private static final int EXCERPT = 160;

  /**
   * The argument quoted, or for a long argument a quoted excerpt of {@link #EXCERPT} characters
   * around the position with {@code …} for what is left out and the total length.
   */
  static String excerpt(String input, int position) {
    if (input.length() <= MAX_QUOTED) {
      return GoText.quote(input);
    }
    int cps = input.codePointCount(0, input.length());
    int at = Math.max(0, Math.min(cps, position) - 1);
    int first = Math.max(0, Math.min(at - EXCERPT / 2, cps - EXCERPT));
    int last = Math.min(cps, first + EXCERPT);
    int from = input.offsetByCodePoints(0, first);
    int to = input.offsetByCodePoints(from, last - first);
    return (from > 0 ? "…" : "")
        + GoText.quote(input.substring(from, to))
        + (to < input.length() ? "…" : "")
        + " ("
        + cps
        + " characters)";
  }

  /** Helm's reason, which may quote a key of the argument whole, cut to {@link #MAX_QUOTED}. */
  static String boundedReason(String reason) {
    if (reason.length() <= MAX_QUOTED) {
      return reason;
    }
    int end = MAX_QUOTED / 2;
    if (Character.isHighSurrogate(reason.charAt(end - 1))) {
      end--;
    }
    return reason.substring(0, end) + "… (" + reason.length() + " characters)";
  }

  /**
   * The flag kind, when the error is about a {@code --set*} argument.
   *
   * @return the flag, or empty
   */
  public Optional<SetFlag> flag() {
    return Optional.ofNullable(flag);
  }

  /**
   * The raw {@code --set*} argument, when the error is about one.
   *
   * @return the argument, or empty
   */
  public Optional<String> input() {
    return Optional.ofNullable(input);
  }

  /**
   * The 1-based character position in {@link #input()} where parsing stopped; 0 when the error is
   * not about a {@code --set*} argument or the position is not known.
   *
   * @return the position, or 0
   */
  public int position() {
    return Math.max(position, 0);
  }

  /**
   * Whether the error is in a {@code --set*} argument itself — its syntax or a limit on it (such as
   * a list index too large) — rather than in what it refers to ({@code --set-file} naming a file
   * that cannot be read) or in a values file. The {@code mesh} command line exits 2 (usage) for
   * these and 1 otherwise.
   *
   * @return true for an error in the argument
   */
  public boolean isArgumentError() {
    return flag != null && !(getCause() instanceof java.io.IOException);
  }

  /**
   * What is wrong, without the flag and input prefix.
   *
   * @return the problem
   */
  @Override
  public String problem() {
    return reason;
  }
}
