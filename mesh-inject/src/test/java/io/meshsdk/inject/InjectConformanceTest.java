package io.meshsdk.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.core.linkerd.LinkerdChart;
import io.meshsdk.core.testing.Conformance;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.core.values.SetFileReader;
import io.meshsdk.core.values.ValuesBuilder;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of Linkerd's inject/uninject conformance fixtures ({@code cases.json}), plain and
 * {@code --verbose}, with the installed values layered by {@link ValuesBuilder} on Linkerd's chart
 * defaults: output compared as data after dropping nulls, {@code false} and empty values, the
 * report line for line.
 */
class InjectConformanceTest {

  static Stream<Arguments> cases() {
    Path file = Conformance.resolve("linkerd", "inject", "cases.json");
    JsonArray cases =
        JsonParser.parseString(Yamls.read(file)).getAsJsonObject().getAsJsonArray("cases");
    List<Arguments> out = new ArrayList<>();
    for (JsonElement e : cases) {
      JsonObject c = e.getAsJsonObject();
      out.add(Arguments.of(c.get("id").getAsString(), false, c));
      if (c.get("verboseVariants").getAsBoolean()) {
        out.add(Arguments.of(c.get("id").getAsString(), true, c));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} verbose={1}")
  @MethodSource("cases")
  void should_match_linkerd(String id, boolean verbose, JsonObject c) {
    Path base = Conformance.resolve("linkerd", "inject");
    Path input = base.resolve(c.get("input").getAsString());
    InputRun.Output out;
    if (c.get("command").getAsString().equals("inject")) {
      out = InputRun.inject(injector(c), input, verbose);
    } else {
      out = InputRun.uninject(input);
    }

    int exit = c.get("exit").getAsInt();
    assertThat(out.exit).as("exit code; stderr:\n%s", out.stderr).isEqualTo(exit);
    if (!c.get("golden").isJsonNull()) {
      Path golden = base.resolve(c.get("golden").getAsString());
      List<Object> want = Yamls.docs(Yamls.loadAll(Yamls.read(golden)));
      List<Object> got = Yamls.docs(out.documents);
      if (!got.equals(want)) {
        Path dir = Path.of("target", "conformance-diff");
        try {
          java.nio.file.Files.createDirectories(dir);
          java.nio.file.Files.writeString(dir.resolve(id + ".got.yaml"), Yamls.dump(got));
          java.nio.file.Files.writeString(dir.resolve(id + ".want.yaml"), Yamls.dump(want));
        } catch (java.io.IOException ignored) {
          // diagnostics only
        }
      }
      assertThat(got).isEqualTo(want);
    } else if (exit != 0) {
      assertThat(out.documents).isEmpty();
    }
    Path report = base.resolve(c.get("report").getAsString() + (verbose ? ".verbose" : ""));
    List<String> wantLines = lines(Yamls.read(report));
    List<String> gotLines = lines(out.stderr.toString());
    if (id.equals("bad-yaml")) {
      wantLines = wantLines.subList(0, 1);
      gotLines = gotLines.subList(0, Math.min(1, gotLines.size()));
    }
    assertThat(gotLines).isEqualTo(wantLines);
  }

  /**
   * The injector of a case, built as {@code mesh inject} builds it: the installed values are
   * Linkerd's chart defaults with the case's {@code --values} text, {@code --set} and {@code
   * --set-file} arguments layered by {@link ValuesBuilder} exactly as Helm does; each {@code
   * --override} is a Helm {@code --set} argument on the installed values.
   */
  static Injector injector(JsonObject c) {
    // --set-file paths of cases.json are relative to the conformance folder linkerd/
    ValuesBuilder layers =
        LinkerdChart.CONTROL_PLANE
            .valuesBuilder()
            .fileReader(
                SetFileReader.fromDirectory(
                    Conformance.resolve("linkerd"), InputStream::nullInputStream));
    if (!c.get("values").isJsonNull()) {
      layers.values(HelmValues.fromYaml(c.get("values").getAsString(), "values.yaml"));
    }
    for (JsonElement s : c.getAsJsonArray("set")) {
      layers.set(s.getAsString());
    }
    for (JsonElement s : c.getAsJsonArray("setFile")) {
      layers.setFile(s.getAsString());
    }
    Injector.Builder b =
        Injector.builder()
            .installedValues(layers.build().values())
            .mode(c.get("manual").getAsBoolean() ? InjectMode.PROXY : InjectMode.ANNOTATE)
            .debugSidecar(c.get("debugSidecar").getAsBoolean());
    for (JsonElement s : c.getAsJsonArray("override")) {
      b.override(s.getAsString());
    }
    if (!c.get("createdBy").isJsonNull()) {
      b.createdBy(c.get("createdBy").getAsString());
    }
    return b.build();
  }

  private static List<String> lines(String text) {
    List<String> ls = new ArrayList<>();
    for (String l : Arrays.asList(text.split("\n", -1))) {
      ls.add(l.stripTrailing());
    }
    while (!ls.isEmpty() && ls.get(0).isEmpty()) {
      ls.remove(0);
    }
    while (!ls.isEmpty() && ls.get(ls.size() - 1).isEmpty()) {
      ls.remove(ls.size() - 1);
    }
    return ls;
  }
}
