package io.meshsdk.core.values;

import io.meshsdk.core.values.internal.StrvalsParser;
import io.meshsdk.core.values.internal.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds values in exactly the layer order of Helm's {@code values.Options.MergeValues} followed by
 * {@code CoalesceValues}:
 *
 * <ol>
 *   <li>the {@code -f} files ({@link #valuesFile}, {@link #values}), YAML or JSON, merged in the
 *       order given into an empty user map (maps merge deeply, anything else replaces);
 *   <li>every {@code --set-json}, then every {@code --set}, {@code --set-string}, {@code
 *       --set-file} and {@code --set-literal} argument parsed <em>into that same map</em>, the
 *       arguments of one kind in the order given (so a file holding {@code list: [0, 1]} plus
 *       {@code --set list[2]=2} gives {@code [0, 1, 2]});
 *   <li>only then the user map is coalesced onto the chart defaults ({@link #chart}), or left as it
 *       is when there are none ({@link #noDefaults()}, the initial state).
 * </ol>
 *
 * <p>Each {@code --set*} argument is one raw Helm string. Files are read when {@link #build()}
 * runs. Against hostile arguments (unlike Helm) paths and {@code --set-json} values nest at most
 * 1000 levels, and everything the arguments of one build create (list slots, which indices pad with
 * nulls, map entries, strings, file contents) is held to a budget of about 16 MiB; beyond either
 * the build fails with a {@link ValuesException}. A builder is not thread-safe; the result is
 * immutable.
 *
 * <pre>{@code
 * LayeredValues v = ValuesBuilder.create()
 *     .chart(chart)
 *     .valuesFile(Path.of("values-ha.yaml"))
 *     .set("proxy.logLevel=debug")
 *     .build();
 * }</pre>
 */
public final class ValuesBuilder {
  private ChartDefaults chart;
  private final List<Supplier<HelmValues>> files = new ArrayList<>();
  private final Map<SetFlag, List<String>> sets = new EnumMap<>(SetFlag.class);
  private SetFileReader fileReader = SetFileReader.defaultReader();
  private KeySchema keySchema;
  private boolean strict;

  private ValuesBuilder() {}

  /**
   * A builder without chart defaults and without layers.
   *
   * @return a new builder
   */
  public static ValuesBuilder create() {
    return new ValuesBuilder();
  }

  /**
   * Coalesces the user map onto this chart at the end.
   *
   * @param chart the chart defaults, with subcharts
   * @return this builder
   */
  public ValuesBuilder chart(ChartDefaults chart) {
    this.chart = Objects.requireNonNull(chart, "chart");
    return this;
  }

  /**
   * Coalesces the user map onto these defaults (a chart without name or subcharts) at the end.
   *
   * @param defaults the chart defaults
   * @return this builder
   */
  public ValuesBuilder chartDefaults(HelmValues defaults) {
    return chart(ChartDefaults.of("", defaults));
  }

  /**
   * Starts from nothing: the result is the user map itself (the default).
   *
   * @return this builder
   */
  public ValuesBuilder noDefaults() {
    this.chart = null;
    return this;
  }

  /**
   * Adds a {@code -f} file (YAML or JSON), merged after the ones added before.
   *
   * @param file the file, read by {@link #build()}
   * @return this builder
   */
  public ValuesBuilder valuesFile(Path file) {
    Objects.requireNonNull(file, "file");
    files.add(() -> HelmValues.fromFile(file));
    return this;
  }

  /**
   * Adds an already parsed {@code -f} layer, merged after the ones added before.
   *
   * @param layer the values
   * @return this builder
   */
  public ValuesBuilder values(HelmValues layer) {
    Objects.requireNonNull(layer, "layer");
    files.add(() -> layer);
    return this;
  }

  /**
   * Adds one argument of a {@code --set*} kind, applied after the earlier arguments of that kind.
   *
   * @param flag the kind
   * @param argument one raw Helm argument
   * @return this builder
   */
  public ValuesBuilder set(SetFlag flag, String argument) {
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(argument, "argument");
    sets.computeIfAbsent(flag, f -> new ArrayList<>()).add(argument);
    return this;
  }

  /**
   * Adds a {@code --set} argument.
   *
   * @param argument e.g. {@code proxy.logLevel=debug,proxy.ports.admin=1234}
   * @return this builder
   */
  public ValuesBuilder set(String argument) {
    return set(SetFlag.SET, argument);
  }

  /**
   * Adds a {@code --set-string} argument.
   *
   * @param argument e.g. {@code proxy.image.version=1.10}
   * @return this builder
   */
  public ValuesBuilder setString(String argument) {
    return set(SetFlag.SET_STRING, argument);
  }

  /**
   * Adds a {@code --set-file} argument (values are paths read through {@link #fileReader}).
   *
   * @param argument e.g. {@code identityTrustAnchorsPEM=ca.crt}
   * @return this builder
   */
  public ValuesBuilder setFile(String argument) {
    return set(SetFlag.SET_FILE, argument);
  }

  /**
   * Adds a {@code --set-json} argument.
   *
   * @param argument e.g. {@code proxy.additionalEnv=[{"name":"A","value":"1"}]}
   * @return this builder
   */
  public ValuesBuilder setJson(String argument) {
    return set(SetFlag.SET_JSON, argument);
  }

  /**
   * Adds a {@code --set-literal} argument.
   *
   * @param argument e.g. {@code podAnnotations.note=a,b=c}
   * @return this builder
   */
  public ValuesBuilder setLiteral(String argument) {
    return set(SetFlag.SET_LITERAL, argument);
  }

  /**
   * Sets how {@code --set-file} paths are read (default: relative to the process working directory,
   * {@code -} from standard input).
   *
   * @param reader the reader
   * @return this builder
   */
  public ValuesBuilder fileReader(SetFileReader reader) {
    this.fileReader = Objects.requireNonNull(reader, "reader");
    return this;
  }

  /**
   * Checks the keys of the user map (every {@code -f} layer and {@code --set*} argument) against a
   * chart's key schema; {@link LayeredValues#unknownKeys()} then lists the keys it does not know,
   * each with the closest known key ("did you mean"). Keys below the chart's free-form maps (such
   * as Linkerd's {@code proxy.inbound.*}) are never reported. {@code LinkerdChart} builders check
   * against their chart's schema from the start.
   *
   * @param schema the chart's keys
   * @return this builder
   */
  public ValuesBuilder keySchema(KeySchema schema) {
    this.keySchema = Objects.requireNonNull(schema, "schema");
    return this;
  }

  /**
   * Strict mode: {@link #build()} fails when the user map holds a key the {@link
   * #keySchema(KeySchema) key schema} does not know, instead of only listing it (Helm accepts any
   * key, so a typo such as {@code proxy.port.admin} would otherwise do nothing).
   *
   * @return this builder
   * @throws ValuesException when no key schema was set
   */
  public ValuesBuilder strict() {
    if (keySchema == null) {
      throw new ValuesException("strict mode needs a key schema: call keySchema(...) first");
    }
    this.strict = true;
    return this;
  }

  /**
   * Reads the files and applies the layers.
   *
   * @return the final values, the user map and the coalescing warnings
   * @throws ValuesException for an unreadable or malformed file, a refused {@code --set*} argument,
   *     a subchart key that is not a map, or (in {@link #strict()} mode) keys the schema does not
   *     know, each named with the closest known key
   */
  public LayeredValues build() {
    Map<String, Object> user = new LinkedHashMap<>();
    for (Supplier<HelmValues> f : files) {
      user = Trees.mergeMaps(user, f.get().asMap());
    }
    user = Trees.thawMap(user);
    StrvalsParser.Budget budget = StrvalsParser.Budget.standard();
    for (SetFlag flag : SetFlag.values()) {
      for (String arg : sets.getOrDefault(flag, List.of())) {
        flag.applyTo(user, arg, fileReader, budget);
      }
    }
    HelmValues userValues = HelmValues.of(user);
    List<UnknownKey> unknown = keySchema == null ? List.of() : keySchema.unknownKeys(userValues);
    if (strict && !unknown.isEmpty()) {
      throw UnknownKey.strictFailure(unknown);
    }
    if (chart == null) {
      return new LayeredValues(userValues, userValues, List.of(), unknown);
    }
    Coalesced c = userValues.coalesceOnto(chart);
    return new LayeredValues(c.values(), userValues, c.warnings(), unknown);
  }
}
