package io.meshsdk.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.meshsdk.core.internal.go.GoJson;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.SetFileReader;
import io.meshsdk.core.values.SetFlag;
import io.meshsdk.core.values.ValuesBuilder;
import io.meshsdk.core.values.ValuesException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets: the {@code --set} family and values files. Oracles: only {@link ValuesException}
 * escapes (no stack overflow, no runaway memory: nesting and size budgets refuse first); what is
 * built is written as YAML and as JSON that read back to the same values (every code point
 * round-trips; numbers compared by value, as Helm's int/float distinction is not kept by YAML).
 *
 * <p>Input encoding of the {@code --set} target (structure-aware, so committed inputs stay
 * readable): the first byte picks the flag ({@code SetFlag.values()[b % 5]}), the rest is UTF-8
 * text whose NUL characters separate arguments of that flag; {@code --set-file} paths read from an
 * in-memory map where {@code f} holds a short text.
 */
class ValuesFuzzTest {
  private static final SetFileReader FILES =
      SetFileReader.of(Map.of("f", "line 1\nline \u0085 2\n", "e", ""));

  @FuzzTest(maxDuration = "10m")
  @DictionaryEntries({
    "=",
    ",",
    ".",
    "[0]",
    "[65536]",
    "{",
    "}",
    "\\\\",
    "\\\\,",
    "\\\\.",
    "true",
    "null",
    "0",
    "-1",
    "[",
    "]",
    "\\\"",
    ":",
    "\\x00",
    "\\xC2\\x85",
    "\\xE2\\x80\\xA8",
    "\\xEF\\xBB\\xBF",
    "\\\"\\\\u0000\\\"",
    "1e309",
    "a=f",
    "list[1]=",
    "a.b.c=",
    "=[{\\\"x\\\":[]}]"
  })
  void should_parse_set_arguments_to_values_that_round_trip(byte[] data) {
    if (data.length == 0) {
      return;
    }
    SetFlag flag = SetFlag.values()[(data[0] & 0xff) % SetFlag.values().length];
    String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    ValuesBuilder b = ValuesBuilder.create().fileReader(FILES);
    for (String arg : text.split("\u0000", 32)) {
      b.set(flag, arg);
    }
    HelmValues values;
    try {
      values = b.build().values();
    } catch (ValuesException e) {
      assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(4096);
      return;
    }
    if (nodes(values.asMap()) <= MAX_CHECKED_NODES) {
      assertRoundTrips(values);
    }
  }

  @FuzzTest(maxDuration = "10m")
  @DictionaryEntries({
    "&a ",
    "*a",
    "<<: ",
    "!!str ",
    "!!binary ",
    "\\\"\\\\x",
    "\\\"\\\\u",
    "\\\"\\\\U",
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "yes",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    ".inf",
    "~",
    "---\\x0A",
    "\\x0D",
    "\\xC2\\x85",
    "? ",
    "|\\x0A",
    ">-\\x0A"
  })
  void should_read_values_files_to_values_that_round_trip(byte[] data) {
    HelmValues values;
    try {
      values = HelmValues.fromYaml(new String(data, StandardCharsets.UTF_8), "fuzz.yaml");
    } catch (ValuesException e) {
      assertThat(e.getMessage()).startsWith("fuzz.yaml").doesNotContain("\n");
      return;
    }
    if (nodes(values.asMap()) <= MAX_CHECKED_NODES) {
      assertRoundTrips(values);
    }
  }

  /**
   * Trees larger than this are not written and read back (a 10-byte {@code a[65536]=1} makes 65,537
   * nodes; writing them for every execution would slow fuzzing down for nothing new). Strings count
   * one node per 64 characters.
   */
  private static final int MAX_CHECKED_NODES = 20_000;

  // plain loops, not streams: values nest up to 1000 levels, and instrumented frames are large
  private static long nodes(Object o) {
    // a long string weighs as much as one node per 64 characters: an alias of a 3 KB anchor
    // repeated 5,000 times (15 MB, within the reader's budget) is not written and re-read per run
    long n = 1 + (o instanceof String s ? s.length() / 64 : 0);
    if (o instanceof Map<?, ?> m) {
      for (Object v : m.values()) {
        n += nodes(v);
      }
    } else if (o instanceof List<?> l) {
      for (Object v : l) {
        n += nodes(v);
      }
    }
    return n;
  }

  private static void assertRoundTrips(HelmValues values) {
    String yaml = values.toYaml();
    assertThat(normalized(HelmValues.fromYaml(yaml, "written").asMap()))
        .as("YAML written:\n%s", yaml)
        .isEqualTo(normalized(values.asMap()));
    if (!hasNonFinite(values.asMap())) {
      String json = values.toJson();
      Object back;
      try {
        back = GoJson.decode(json, 0).value(); // JSON, not YAML: a raw NEL is a YAML line break
      } catch (GoJson.SyntaxError e) {
        throw new AssertionError("JSON written does not parse: " + json, e);
      }
      assertThat(normalized(back))
          .as("JSON written: %s", json)
          .isEqualTo(asFloat64(normalized(values.asMap())));
    }
  }

  private static boolean hasNonFinite(Object o) {
    if (o instanceof Map<?, ?> m) {
      for (Object v : m.values()) {
        if (hasNonFinite(v)) {
          return true;
        }
      }
      return false;
    }
    if (o instanceof List<?> l) {
      for (Object v : l) {
        if (hasNonFinite(v)) {
          return true;
        }
      }
      return false;
    }
    return o instanceof Double d && (d.isNaN() || d.isInfinite());
  }

  /**
   * A normalized tree as a Go JSON decoder reads it back: every number a float64 (Helm's {@code
   * json.Unmarshal} into {@code interface{}}), so an integer beyond 2^53 compares rounded.
   */
  private static Object asFloat64(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(e.getKey(), asFloat64(e.getValue()));
      }
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object v : l) {
        out.add(asFloat64(v));
      }
      return out;
    }
    if (o instanceof BigDecimal n) {
      return normalized(n.doubleValue());
    }
    return o;
  }

  /** Numbers by exact value (Long 1, Integer 1 and Double 1.0 alike); everything else as it is. */
  static Object normalized(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(e.getKey(), normalized(e.getValue()));
      }
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object v : l) {
        out.add(normalized(v));
      }
      return out;
    }
    if (o instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.toString();
    }
    if (o instanceof Double d) {
      // the exact binary value: a float written as an integer (2222222222222222336) reads back
      // as an int of the same value, while Double.toString would round it to 17 digits
      return new BigDecimal(d).stripTrailingZeros();
    }
    if (o instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros();
    }
    return o;
  }
}
