package io.meshsdk.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Random trees with nasty strings: what the emitter writes, SnakeYAML (YAML 1.1) and our own reader
 * read back as an equal tree.
 */
class EmitterPropertyTest {
  private static final String[] NASTY = {
    "",
    " ",
    "  ",
    "on",
    "off",
    "yes",
    "no",
    "y",
    "n",
    "Y",
    "N",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "1.10",
    "0777",
    "0755",
    "0x1F",
    "0o17",
    "0b101",
    "1e3",
    "1E3",
    "-1",
    "+1",
    "1_000",
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "2024-01-02",
    "2001-12-14t21:59:43.10-05:00",
    "12:30:00",
    "1:20",
    "<<",
    "=",
    "-",
    "--",
    "---",
    "...",
    "- x",
    "-x",
    "? x",
    "?x",
    ":x",
    "x:",
    "a: b",
    "a:b",
    "a #b",
    "a#b",
    "#x",
    "*x",
    "&x",
    "!x",
    "%x",
    "@x",
    "`x",
    "'x",
    "\"x",
    "{x}",
    "[x]",
    "x]",
    "x,y",
    "|",
    ">",
    "|-",
    " lead",
    "trail ",
    "tab\tx",
    "\t",
    "line\nbreak",
    "\n",
    "\n\n",
    "x\n",
    "x\n\n",
    " x\ny",
    "\nx",
    "  \nx",
    "x\n  ",
    "x  \ny",
    "a\r\nb",
    "\r",
    "bell\u0007",
    "nul\u0000",
    "nel\u0085",
    "ls\u2028",
    "nbsp\u00a0",
    "bom\ufeff",
    "é",
    "日本",
    "😀",
    "\\",
    "\\n",
    "'",
    "''",
    "\"",
    "\"\"",
    "it's",
    "say \"hi\"",
    "https://x.io/a#b",
    "x: |",
    "key:",
    "x # y",
    "true ",
    " 1",
    "1 ",
    "0",
    "00",
    "-0",
    "+0",
    "1.",
    ".5",
    "5.",
    "1e",
    "e1",
    "0x",
    "NaN",
    "Infinity",
    "TRUE",
    "tRue",
    "Yes",
    "ON",
    "nO"
  };

  private static final String CHARS =
      "abZ09 \t\n:#-?'\"\\{}[],&*!|>%@`.~eExoyntéß日\u0085\u2028\u00a0\u0007";

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void should_emit_trees_that_read_back_equal(int seed) {
    Random rnd = new Random(seed);
    Map<String, Object> tree = map(rnd, 0);

    String yaml = ManifestWriter.toYaml(tree);

    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object snake = new Yaml(options).load(yaml);
    assertThat(snake).as("SnakeYAML reading\n%s", yaml).isEqualTo(tree);
    Object ours =
        ManifestReader.builder().requireObjects(false).build().readAll(yaml, "p").get(0).root();
    assertThat(normalize(ours)).as("our reader reading\n%s", yaml).isEqualTo(tree);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void should_emit_scalars_and_sequences_at_the_root_that_read_back_equal(int seed) {
    Random rnd = new Random(seed);
    Object tree = rnd.nextBoolean() ? list(rnd, 1) : scalar(rnd);

    String yaml = ManifestWriter.toYaml(tree);

    Object readBack = new Yaml().load(yaml);
    assertThat(readBack).as("SnakeYAML reading\n%s", yaml).isEqualTo(tree);
  }

  private static Object normalize(Object v) {
    if (v instanceof YamlScalar && ((YamlScalar) v).tag().endsWith(":float")) {
      return ((YamlScalar) v).value();
    }
    if (v instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, x) -> m.put((String) k, normalize(x)));
      return m;
    }
    if (v instanceof List) {
      List<Object> l = new ArrayList<>();
      ((List<?>) v).forEach(x -> l.add(normalize(x)));
      return l;
    }
    return v;
  }

  private static Map<String, Object> map(Random rnd, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    int n = depth > 4 ? rnd.nextInt(2) : rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      m.put(string(rnd), value(rnd, depth + 1));
    }
    return m;
  }

  private static List<Object> list(Random rnd, int depth) {
    List<Object> l = new ArrayList<>();
    int n = depth > 4 ? rnd.nextInt(2) : rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      l.add(value(rnd, depth + 1));
    }
    return l;
  }

  private static Object value(Random rnd, int depth) {
    int r = rnd.nextInt(10);
    if (r < 2 && depth < 6) {
      return map(rnd, depth);
    }
    if (r < 4 && depth < 6) {
      return list(rnd, depth);
    }
    return scalar(rnd);
  }

  private static Object scalar(Random rnd) {
    switch (rnd.nextInt(10)) {
      case 0:
        return null;
      case 1:
        return rnd.nextBoolean();
      case 2:
        return rnd.nextInt();
      case 3:
        long l = rnd.nextLong();
        return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
      case 4:
        return new BigInteger(80, rnd).add(BigInteger.valueOf(Long.MAX_VALUE)).negate();
      case 5:
        switch (rnd.nextInt(6)) {
          case 0:
            return Double.NaN;
          case 1:
            return Double.NEGATIVE_INFINITY;
          case 2:
            return rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20);
          case 3:
            return (double) rnd.nextInt(100);
          default:
            return Double.longBitsToDouble(rnd.nextLong() & 0x7FEFFFFFFFFFFFFFL);
        }
      default:
        return string(rnd);
    }
  }

  private static String string(Random rnd) {
    if (rnd.nextInt(3) == 0) {
      return NASTY[rnd.nextInt(NASTY.length)];
    }
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(14);
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(20) == 0) {
        sb.append("😀");
      } else {
        sb.append(CHARS.charAt(rnd.nextInt(CHARS.length())));
      }
    }
    return sb.toString();
  }
}
