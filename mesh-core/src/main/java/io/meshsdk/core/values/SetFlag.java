package io.meshsdk.core.values;

import io.meshsdk.core.values.internal.StrvalsParser;
import io.meshsdk.core.values.internal.Trees;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The Helm {@code --set} family, parsed exactly as Helm v3.21's {@code pkg/strvals} does.
 *
 * <p>The constants are declared in the order in which Helm applies the kinds to the user map (after
 * the {@code -f} files): {@code --set-json}, {@code --set}, {@code --set-string}, {@code
 * --set-file}, {@code --set-literal}; {@link #values()} therefore returns Helm's layer order.
 *
 * <ul>
 *   <li>{@link #SET}: {@code a.b[0]=v,c={x,y}}; {@code true}/{@code false} become booleans, {@code
 *       null} becomes null, base-10 integers not starting with {@code 0} become {@code Long}s,
 *       everything else stays a string;
 *   <li>{@link #SET_STRING}: same grammar, every value a string;
 *   <li>{@link #SET_FILE}: same grammar, every value a path whose file contents become the string
 *       value (read through a {@link SetFileReader});
 *   <li>{@link #SET_JSON}: the value after {@code =} is one JSON value (numbers become {@code
 *       Double}s, as Go's JSON decoder makes float64);
 *   <li>{@link #SET_LITERAL}: one assignment per argument, the whole rest after the first {@code =}
 *       is the string value, no escapes.
 * </ul>
 *
 * <p>Each argument is one raw Helm string: {@code --set-file 'a={p1,p2},b[1]=p3'} is one argument.
 * Parsing never mutates its input; the methods are thread-safe as long as the file reader is.
 */
public enum SetFlag {
  /** {@code --set-json}: JSON values. */
  SET_JSON("--set-json"),
  /** {@code --set}: typed values (bool, null, int64, string). */
  SET("--set"),
  /** {@code --set-string}: string values. */
  SET_STRING("--set-string"),
  /** {@code --set-file}: values read from files. */
  SET_FILE("--set-file"),
  /** {@code --set-literal}: one literal string value. */
  SET_LITERAL("--set-literal");

  private final String flagName;

  SetFlag(String flagName) {
    this.flagName = flagName;
  }

  /**
   * The command-line flag, e.g. {@code --set-string}.
   *
   * @return the flag name with its leading dashes
   */
  public String flagName() {
    return flagName;
  }

  /**
   * Looks a flag up by its command-line name ({@code --set-json} or {@code set-json}).
   *
   * @param name the flag name, with or without leading dashes
   * @return the flag, or empty when the name is not one of the five
   */
  public static Optional<SetFlag> fromFlagName(String name) {
    String n = name.startsWith("--") ? name : "--" + name;
    return Arrays.stream(values()).filter(f -> f.flagName.equals(n)).findFirst();
  }

  /**
   * Parses one argument into an empty map, as Helm's {@code Parse*} functions do. {@link #SET_FILE}
   * reads paths relative to the process working directory ({@code -} is stdin).
   *
   * @param argument one raw Helm argument, e.g. {@code a.b=1,c[0]=x}
   * @return the parsed values
   * @throws ValuesException naming the flag, the argument and the position when Helm would refuse
   *     the argument
   */
  public HelmValues parse(String argument) {
    return parseInto(HelmValues.empty(), argument, SetFileReader.defaultReader());
  }

  /**
   * Parses one argument into a copy of {@code destination}, as Helm's {@code ParseInto*} functions
   * do: later assignments overwrite scalars, nested maps are descended into, lists are indexed and
   * padded with nulls. {@link #SET_FILE} reads paths relative to the process working directory.
   *
   * @param destination the values to parse into (not modified)
   * @param argument one raw Helm argument
   * @return {@code destination} with the argument applied
   * @throws ValuesException when Helm would refuse the argument
   */
  public HelmValues parseInto(HelmValues destination, String argument) {
    return parseInto(destination, argument, SetFileReader.defaultReader());
  }

  /**
   * Parses one argument into a copy of {@code destination}; {@link #SET_FILE} values are read
   * through {@code reader}.
   *
   * @param destination the values to parse into (not modified)
   * @param argument one raw Helm argument
   * @param reader reads {@code --set-file} paths (ignored by the other kinds)
   * @return {@code destination} with the argument applied
   * @throws ValuesException when Helm would refuse the argument or a file cannot be read
   */
  public HelmValues parseInto(HelmValues destination, String argument, SetFileReader reader) {
    Map<String, Object> tree = Trees.thawMap(destination.asMap());
    applyTo(tree, argument, reader, StrvalsParser.Budget.standard());
    return HelmValues.of(tree);
  }

  /**
   * Applies the argument to a mutable tree in place, charging what it creates to the budget shared
   * by the arguments of one build (package-internal: used by the builder).
   */
  void applyTo(
      Map<String, Object> tree,
      String argument,
      SetFileReader reader,
      StrvalsParser.Budget budget) {
    StrvalsParser.apply(this, argument, tree, reader, budget);
  }
}
