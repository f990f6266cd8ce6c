package io.meshsdk.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import io.meshsdk.core.testing.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of {@code conformance/helm/strvals-vectors.json} (Helm v3.21.4 {@code pkg/strvals}
 * test tables plus supplemental cases) through {@link SetFlag}, one test case per vector.
 */
class HelmSetConformanceTest {

  /** goError texts whose wording we reproduce exactly; others are Go-internal (panics, strconv). */
  private static final List<String> EXACT_WORDING =
      List.of(
          "has no value",
          "list must terminate with",
          "index not allowed",
          "greater than maximum supported index",
          "unexpected data at end of array index",
          "maximum supported nested level");

  static Stream<Arguments> vectors() throws IOException {
    Path file = Conformance.resolve("helm", "strvals-vectors.json");
    Gson gson = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    @SuppressWarnings("unchecked")
    Map<String, Object> doc =
        gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), Map.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cases = (List<Map<String, Object>>) doc.get("cases");
    return cases.stream().map(c -> Arguments.of(c.get("id"), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @SuppressWarnings("unchecked")
  void should_parse_like_helm(String id, Map<String, Object> c) {
    SetFlag flag = SetFlag.fromFlagName((String) c.get("mode")).orElseThrow();
    HelmValues values =
        c.get("seed") == null
            ? HelmValues.empty()
            : HelmValues.of((Map<String, Object>) c.get("seed"));
    List<String> inputs =
        c.containsKey("inputs") ? (List<String>) c.get("inputs") : List.of((String) c.get("input"));
    SetFileReader files =
        SetFileReader.of(c.get("files") == null ? Map.of() : (Map<String, String>) c.get("files"));

    if (Boolean.TRUE.equals(c.get("expectError"))) {
      HelmValues start = values;
      ValuesException e =
          catchThrowableOfType(
              ValuesException.class,
              () -> {
                HelmValues v = start;
                for (String in : inputs) {
                  v = flag.parseInto(v, in, files);
                }
              });
      assertThat(e).as("%s must be refused", inputs).isNotNull();
      assertThat(e.flag()).contains(flag);
      assertThat(inputs).contains(e.input().orElseThrow());
      assertThat(e.getMessage()).startsWith("invalid " + flag.flagName() + " \"");
      String goError = (String) c.get("goError");
      if (goError != null && EXACT_WORDING.stream().anyMatch(goError::contains)) {
        assertThat(e.problem()).isEqualTo(goError);
      } else if (goError != null && goError.startsWith("unable to parse key")) {
        assertThat(e.problem()).startsWith("unable to parse key");
      }
      return;
    }

    for (String in : inputs) {
      values = flag.parseInto(values, in, files);
    }
    assertThat(TreeAssert.normalize(values.asMap()))
        .isEqualTo(TreeAssert.normalize(c.get("expect")));
    if (c.get("expectYaml") != null) {
      assertThat(HelmValues.of(new TreeMap<>(values.asMap())).toYaml().stripTrailing())
          .isEqualTo(c.get("expectYaml"));
    }
  }
}
