package io.meshsdk.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of conformance/helm/README.md beyond Helm's own test tables, one row each: flag,
 * argument, expected JSON (or {@code !} for an error).
 */
class StrvalsSemanticsTest {

  static Stream<Arguments> rules() {
    return Stream.of(
        // empty names, trailing separators
        row("--set", "", "{}"),
        row("--set", "=1", "{}"),
        row("--set", ".a=1", "{}"),
        row("--set", "a=1,", "{\"a\":1}"),
        row("--set", "a=1,,b=2", "!"),
        row("--set", "a..b=1", "!"),
        row("--set", "a.", "{}"),
        row("--set", "a.b.", "{}"),
        row("--set", "a[0][1]", "{\"a\":[]}"),
        row("--set", "a[70000].", "{\"a\":[]}"),
        row("--set", " a =1", "{\" a \":1}"),
        row("--set", "a]b=1", "{\"a]b\":1}"),
        // escapes
        row("--set", "a\\.b=1", "{\"a.b\":1}"),
        row("--set", "a=x\\,y", "{\"a\":\"x,y\"}"),
        row("--set", "a=x\\", "{\"a\":\"x\"}"),
        row("--set", "a=b=c", "{\"a\":\"b=c\"}"),
        row("--set", "a=\\{x}", "{\"a\":\"{x}\"}"),
        // lists
        row("--set", "a={}", "{\"a\":[\"\"]}"),
        row("--set", "a={1,x,true}", "{\"a\":[1,\"x\",true]}"),
        row("--set", "a={1,2}x", "!"),
        row("--set", "a={1,2},b=3", "{\"a\":[1,2],\"b\":3}"),
        row("--set", "a={x\\,y,z\\}}", "{\"a\":[\"x,y\",\"z}\"]}"),
        row("--set", "a={1,2", "!"),
        // typing
        row("--set", "a=+7", "{\"a\":7}"),
        row("--set", "a=-05", "{\"a\":-5}"),
        row("--set", "a=-0", "{\"a\":0}"),
        row("--set", "a=007", "{\"a\":\"007\"}"),
        row("--set", "a=0x10", "{\"a\":\"0x10\"}"),
        row("--set", "a=1.5", "{\"a\":\"1.5\"}"),
        row("--set", "a=1e3", "{\"a\":\"1e3\"}"),
        row("--set", "a= 1", "{\"a\":\" 1\"}"),
        row("--set", "a=9223372036854775807", "{\"a\":9223372036854775807}"),
        row("--set", "a=9223372036854775808", "{\"a\":\"9223372036854775808\"}"),
        row("--set", "a=\u0661\u0662", "{\"a\":\"\u0661\u0662\"}"),
        row("--set", "a=TRUE,b=fAlSe,c=NuLl", "{\"a\":true,\"b\":false,\"c\":null}"),
        row("--set", "a=fal\u017Fe", "{\"a\":false}"),
        row("--set-string", "a={1,true}", "{\"a\":[\"1\",\"true\"]}"),
        // indexes and containers
        row("--set", "a[+1]=x", "{\"a\":[null,\"x\"]}"),
        row("--set", "a[01]=x", "{\"a\":[null,\"x\"]}"),
        row("--set", "a[ 1]=x", "!"),
        row("--set", "a[]=x", "!"),
        row("--set", "a[x]=1", "!"),
        row("--set", "a[0", "!"),
        row("--set", "a[0]b=1", "!"),
        row("--set", "a[65536]=1", null),
        row("--set", "a[65537]=1", "!"),
        row("--set", "a=1,a.b=2", "!"),
        row("--set", "a=null,a.b=2", "!"),
        row("--set", "a=1,a[0]=2", "!"),
        row("--set", "a={1},a[0][0]=2", "!"),
        row("--set", "a={1},a[0].b=2", "{\"a\":[{\"b\":2}]}"),
        row("--set", "a[1]=x,a[1][0]=y", "!"),
        row("--set", "a.b=1,a=2", "{\"a\":2}"),
        // nesting limit: 31 names fine, 32 refused; '.' after ']' not counted
        row("--set", names(31) + "=v", null),
        row("--set", names(32) + "=v", "!"),
        row("--set", "a[0]." + names(30) + "=v", null),
        // set-json
        row("--set-json", "a=", "{\"a\":null}"),
        row("--set-json", "a=,b=1", "{\"a\":null,\"b\":1}"),
        row("--set-json", "a= ,b=1", "{\"a\":null,\"b\":1}"),
        row("--set-json", "a=\"x\"b=1", "{\"a\":\"x\",\"b\":1}"),
        row("--set-json", "a=1 , b=2", "{\"a\":1,\" b\":2}"),
        row("--set-json", "a={\"x\":[1,{\"y\":null}]}", "{\"a\":{\"x\":[1,{\"y\":null}]}}"),
        row("--set-json", "a=NaN", "!"),
        row("--set-json", "a={\"x\":1", "!"),
        row("--set-json", "a=tru", "!"),
        row("--set-json", "a=1e400", "!"),
        row("--set-json", "a=\"\\u00e9\\ud83d\\ude00\"", "{\"a\":\"\u00e9\ud83d\ude00\"}"),
        row("--set-json", "a[1]={\"b\":2},a[1].c=3", "{\"a\":[null,{\"b\":2,\"c\":3}]}"),
        row("--set-json", "a={\"b\":1},a={\"c\":2}", "{\"a\":{\"c\":2}}"),
        // set-literal
        row("--set-literal", "a\\.b=1", "{\"a\\\\\":{\"b\":\"1\"}}"),
        row("--set-literal", "a,b=c,d", "{\"a,b\":\"c,d\"}"),
        row("--set-literal", "a=", "{\"a\":\"\"}"),
        row("--set-literal", "a", "!"),
        row("--set-literal", "a[0]", "{\"a\":[]}"),
        row("--set-literal", "a=1\\", "{\"a\":\"1\\\\\"}"));
  }

  private static Arguments row(String flag, String input, String expect) {
    return Arguments.of(flag, input, expect);
  }

  private static String names(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append(i > 1 ? "." : "").append("n").append(i);
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rules")
  void should_follow_the_documented_rule(String flagName, String input, String expect) {
    SetFlag flag = SetFlag.fromFlagName(flagName).orElseThrow();
    if ("!".equals(expect)) {
      assertThatThrownBy(() -> flag.parse(input))
          .isInstanceOf(ValuesException.class)
          .hasMessageStartingWith("invalid " + flagName);
      return;
    }
    HelmValues v = flag.parse(input);
    if (expect != null) {
      Object want =
          new GsonBuilder()
              .setObjectToNumberStrategy(ToNumberPolicy.BIG_DECIMAL)
              .create()
              .fromJson(expect, Map.class);
      assertThat(TreeAssert.normalize(v.asMap())).isEqualTo(TreeAssert.normalize(want));
    }
  }

  @Test
  void should_make_longs_for_set_and_doubles_for_set_json() {
    assertThat(SetFlag.SET.parse("a=3").asMap().get("a")).isEqualTo(3L);
    assertThat(SetFlag.SET_JSON.parse("a=3").asMap().get("a")).isEqualTo(3.0);
  }

  @Test
  void should_pad_to_the_largest_index() {
    assertThat(SetFlag.SET.parse("a[65536]=1").getList("a").orElseThrow()).hasSize(65537);
  }

  @Test
  void should_name_flag_input_and_position_in_errors() {
    assertThatThrownBy(() -> SetFlag.SET.parse("name1.=name2"))
        .isInstanceOfSatisfying(
            ValuesException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "invalid --set \"name1.=name2\" at character 6: key map \"name1\" has no "
                          + "value");
              assertThat(e.position()).isEqualTo(6);
              assertThat(e.problem()).isEqualTo("key map \"name1\" has no value");
            });
    assertThatThrownBy(() -> SetFlag.SET_JSON.parse("a={\"x\":?}"))
        .hasMessage(
            "invalid --set-json \"a={\\\"x\\\":?}\" at character 8: invalid character '?' looking"
                + " for beginning of value");
  }

  @Test
  void should_read_set_file_values_and_list_elements_through_the_reader() {
    SetFileReader reader = SetFileReader.of(Map.of("p1", "one", "p2", "two\n", "p3", "3"));
    assertThat(SetFlag.SET_FILE.parseInto(HelmValues.empty(), "a={p1,p2},b[1]=p3", reader).asMap())
        .isEqualTo(
            Map.of(
                "a", java.util.List.of("one", "two\n"), "b", java.util.Arrays.asList(null, "3")));
  }

  @Test
  void should_refuse_a_missing_file_and_the_empty_path() {
    SetFileReader reader = SetFileReader.of(Map.of());
    assertThatThrownBy(() -> SetFlag.SET_FILE.parseInto(HelmValues.empty(), "a=nope", reader))
        .hasMessageContaining("--set-file")
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> SetFlag.SET_FILE.parseInto(HelmValues.empty(), "a=,b=x", reader))
        .isInstanceOf(ValuesException.class);
    assertThat(SetFlag.SET_FILE.parseInto(HelmValues.empty(), "a=", reader).asMap())
        .isEqualTo(Map.of("a", ""));
  }
}
