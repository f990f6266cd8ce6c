package io.meshsdk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.core.report.CategoryReport;
import io.meshsdk.core.report.CheckResult;
import io.meshsdk.core.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The identity scenarios of Linkerd's check conformance set ({@code
 * conformance/linkerd/check/scenarios.json}, ids {@code identity-*}): the linkerd-config ConfigMap
 * and the issuer Secret are taken from {@code objects/<id>.yaml}, the clock from {@code
 * options.now}, and the results are compared in order with {@code expect}.
 */
class IdentityScenariosConformanceTest {

  static Stream<Arguments> scenarios() throws Exception {
    Path file = Conformance.resolve("linkerd", "check", "scenarios.json");
    JsonObject root =
        JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    List<Arguments> out = new ArrayList<>();
    for (JsonElement e : root.getAsJsonArray("scenarios")) {
      JsonObject s = e.getAsJsonObject();
      if (s.get("id").getAsString().startsWith("identity-")) {
        out.add(Arguments.of(s.get("id").getAsString(), s));
      }
    }
    return out.stream();
  }

  @Test
  void should_find_the_identity_scenarios() throws Exception {
    assertThat(scenarios().count()).isEqualTo(11);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @SuppressWarnings("unchecked")
  void should_report_the_expected_results(String id, JsonObject scenario) throws Exception {
    JsonObject options = scenario.getAsJsonObject("options");
    String cpns = options.get("controlPlaneNamespace").getAsString();
    String values = null;
    IssuerSecret secret = null;
    Path objects = Conformance.resolve("linkerd", "check", scenario.get("objects").getAsString());
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (Object doc : yaml.loadAll(Files.readString(objects, StandardCharsets.UTF_8))) {
      if (doc == null) {
        continue;
      }
      Map<String, Object> o = (Map<String, Object>) doc;
      Map<String, Object> meta = (Map<String, Object>) o.get("metadata");
      boolean inCpns = cpns.equals(meta.get("namespace"));
      Map<String, Object> data = (Map<String, Object>) o.getOrDefault("data", Map.of());
      if ("ConfigMap".equals(o.get("kind"))
          && "linkerd-config".equals(meta.get("name"))
          && inCpns) {
        values = (String) data.get("values");
      } else if ("Secret".equals(o.get("kind"))
          && IssuerSecret.NAME.equals(meta.get("name"))
          && inCpns) {
        Map<String, String> b64 = new LinkedHashMap<>();
        data.forEach((k, v) -> b64.put(k, String.valueOf(v)));
        secret = IssuerSecret.fromBase64((String) o.get("type"), b64);
      } else {
        Assumptions.abort(
            id + " needs more than certificates: " + o.get("kind") + " " + meta.get("name"));
      }
    }
    assertThat(scenario.getAsJsonArray("categories").toString())
        .isEqualTo("[\"linkerd-identity\"]");

    Set<IdentityCheck> only = EnumSet.allOf(IdentityCheck.class);
    if (scenario.has("only")) {
      only = EnumSet.noneOf(IdentityCheck.class);
      for (JsonElement d : scenario.getAsJsonArray("only")) {
        only.add(byDescription(d.getAsString()));
      }
    }
    Clock clock = Clock.fixed(Instant.parse(options.get("now").getAsString()), ZoneOffset.UTC);
    CategoryReport report =
        IdentityValidator.builder(clock)
            .build()
            .validate(IdentitySource.ofLinkerdConfig(values, secret), only);

    JsonArray expect = scenario.getAsJsonArray("expect");
    List<CheckResult> results = report.visibleResults();
    assertThat(results).as("results of " + id).hasSize(expect.size());
    for (int i = 0; i < expect.size(); i++) {
      JsonObject x = expect.get(i).getAsJsonObject();
      CheckResult r = results.get(i);
      assertThat(r.category()).isEqualTo(x.get("category").getAsString());
      assertThat(r.description()).isEqualTo(x.get("description").getAsString());
      assertThat(r.outcome().jsonName()).as(r.toString()).isEqualTo(x.get("result").getAsString());
      if (x.has("error")) {
        assertThat(r.message()).contains(x.get("error").getAsString());
      } else if (x.has("errorContains")) {
        assertThat(r.message().orElse("")).contains(x.get("errorContains").getAsString());
      } else {
        assertThat(r.message()).isEmpty();
      }
    }
    assertThat(report.success()).isEqualTo(scenario.get("success").getAsBoolean());
    boolean fatalStop = !results.isEmpty() && results.get(results.size() - 1).stopsRun();
    assertThat(fatalStop).isEqualTo(scenario.get("fatalStop").getAsBoolean());
  }

  private static IdentityCheck byDescription(String description) {
    for (IdentityCheck c : IdentityCheck.values()) {
      if (c.description().equals(description)) {
        return c;
      }
    }
    throw new AssertionError("unknown linkerd-identity check: " + description);
  }
}
