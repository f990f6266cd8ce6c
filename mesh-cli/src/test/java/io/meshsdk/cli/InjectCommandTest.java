package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.core.MeshSdk;
import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.testing.Conformance;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code mesh inject} and {@code mesh uninject} in-process: conformance cases through the command
 * line (file, folder, stdin, refusal, JSON output), the flags, and bad input.
 */
class InjectCommandTest {
  /** The inject conformance folder (a skip, or a failure under CI=true, when it is missing). */
  private static Path inject() {
    return Conformance.resolve("linkerd", "inject");
  }

  private static Path testdata() {
    return inject().resolve("testdata");
  }

  /** A trust anchor of our own, written to a file. */
  private String anchors() throws IOException {
    Path f = dir.resolve("ca.crt");
    if (!Files.exists(f)) {
      Files.writeString(
          f, CertificateAuthority.create(Clock.systemUTC()).createTrustAnchor().certificatePem());
    }
    return f.toString();
  }

  @TempDir Path dir;

  // ------------------------------------------------------------------ conformance cases

  private static JsonObject conformanceCase(String id) throws IOException {
    String text = Files.readString(inject().resolve("cases.json"), StandardCharsets.UTF_8);
    for (JsonElement e : JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("cases")) {
      if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
        return e.getAsJsonObject();
      }
    }
    throw new IllegalArgumentException("no case " + id);
  }

  /** The command line of a case, as cli_conformance.py builds it, without the input. */
  private static List<String> arguments(JsonObject c, boolean verbose) {
    List<String> args = new ArrayList<>(List.of(c.get("command").getAsString()));
    if (c.get("command").getAsString().equals("inject")) {
      if (c.get("manual").getAsBoolean()) {
        args.add("--manual");
      }
      if (!c.get("createdBy").isJsonNull()) {
        args.addAll(List.of("--created-by", c.get("createdBy").getAsString()));
      }
      c.getAsJsonArray("set").forEach(s -> args.addAll(List.of("--set", s.getAsString())));
      c.getAsJsonArray("override")
          .forEach(s -> args.addAll(List.of("--override", s.getAsString())));
      for (JsonElement s : c.getAsJsonArray("setFile")) {
        String[] kv = s.getAsString().split("=", 2);
        args.addAll(
            List.of("--set-file", kv[0] + "=" + Conformance.resolve("linkerd").resolve(kv[1])));
      }
    }
    if (verbose) {
      args.add("--verbose");
    }
    return args;
  }

  private static void assertMatches(JsonObject c, CliRun run, boolean verbose) throws IOException {
    assertThat(run.exit()).as(run.err()).isEqualTo(c.get("exit").getAsInt());
    if (c.get("golden").isJsonNull()) {
      assertThat(run.out()).isEmpty();
    } else {
      String golden = Files.readString(inject().resolve(c.get("golden").getAsString()));
      assertThat(docs(run.out())).isEqualTo(docs(golden));
    }
    String report =
        Files.readString(
            inject().resolve(c.get("report").getAsString() + (verbose ? ".verbose" : "")));
    assertThat(lines(run.err())).isEqualTo(lines(report));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "deployment",
        "deployment-overridden-noinject",
        "opaque-ports",
        "filepath-folder",
        "hostnetwork-true",
        "uninject-list"
      })
  void should_match_linkerd_through_the_command_line(String id) throws IOException {
    JsonObject c = conformanceCase(id);
    boolean[] variants =
        c.get("verboseVariants").getAsBoolean()
            ? new boolean[] {false, true}
            : new boolean[] {false};
    for (boolean verbose : variants) {
      List<String> args = arguments(c, verbose);
      args.add(inject().resolve(c.get("input").getAsString()).toString());
      assertMatches(c, CliRun.of(args.toArray(String[]::new)), verbose);
    }
  }

  @Test
  void should_read_stdin() throws IOException {
    JsonObject c = conformanceCase("list");
    List<String> args = arguments(c, false);
    args.add("-");
    String input = Files.readString(inject().resolve(c.get("input").getAsString()));
    assertMatches(c, CliRun.withStdin(input, args.toArray(String[]::new)), false);
  }

  @Test
  void should_write_json_documents_one_per_line() throws IOException {
    JsonObject c = conformanceCase("deployment");
    List<String> args = arguments(c, false);
    args.addAll(List.of("-o", "json", inject().resolve(c.get("input").getAsString()).toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).isZero();
    List<Object> got = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      got.add(prune(JsonParser.parseString(line).isJsonObject() ? new Yaml().load(line) : null));
    }
    String golden = Files.readString(inject().resolve(c.get("golden").getAsString()));
    assertThat(got).isEqualTo(docs(golden));
  }

  // ------------------------------------------------------------------ flags

  private String workload(String name) throws IOException {
    return write(
        name + ".yaml",
        "apiVersion: apps/v1\n"
            + "kind: Deployment\n"
            + "metadata:\n"
            + "  name: "
            + name
            + "\n"
            + "spec:\n"
            + "  template:\n"
            + "    metadata:\n"
            + "      labels: {app: "
            + name
            + "}\n"
            + "    spec:\n"
            + "      containers:\n"
            + "      - name: app\n"
            + "        image: example/app:1\n");
  }

  private String write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podAnnotations(String yaml) {
    Map<String, Object> doc = (Map<String, Object>) new Yaml().load(yaml);
    Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
    Map<String, Object> template = (Map<String, Object>) spec.get("template");
    return (Map<String, Object>)
        ((Map<String, Object>) template.get("metadata")).get("annotations");
  }

  @Test
  void should_annotate_the_close_wait_timeout_as_go_prints_it() throws IOException {
    CliRun run = CliRun.of("inject", "--close-wait-timeout", "90s", workload("web"));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(podAnnotations(run.out()))
        .containsEntry("config.linkerd.io/close-wait-timeout", "1m30s")
        .containsEntry("linkerd.io/inject", "enabled");
    assertThat(
            podAnnotations(
                CliRun.of("inject", "--close-wait-timeout", "1.5m", workload("web")).out()))
        .containsEntry("config.linkerd.io/close-wait-timeout", "1m30s");
    assertThat(
            podAnnotations(
                CliRun.of("inject", "--close-wait-timeout", "500ms", workload("web")).out()))
        .containsEntry("config.linkerd.io/close-wait-timeout", "500ms");
    for (String notGo : new String[] {"soon", "2d", "P1D"}) {
      CliRun bad = CliRun.of("inject", "--close-wait-timeout", notGo, workload("web"));
      assertThat(bad.exit()).as(notGo).isEqualTo(2);
      assertThat(bad.out()).isEmpty();
      assertThat(bad.err()).contains("--close-wait-timeout").contains(notGo);
    }
  }

  @Test
  void should_apply_overrides_and_linkerd_flags_in_command_line_order() throws IOException {
    String web = workload("web");
    CliRun run =
        CliRun.of(
            "inject",
            "--override",
            "proxy.ports.admin=1111",
            "--admin-port",
            "2222",
            "--ingress",
            "--opaque-ports",
            "3306,5000-6000",
            web);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(podAnnotations(run.out()))
        .containsEntry("config.linkerd.io/admin-port", "2222")
        .containsEntry("config.linkerd.io/opaque-ports", "3306,5000-6000")
        .containsEntry("linkerd.io/inject", "ingress");
    CliRun reversed =
        CliRun.of("inject", "--admin-port=2222", "--override", "proxy.ports.admin=1111", web);
    assertThat(podAnnotations(reversed.out()))
        .containsEntry("config.linkerd.io/admin-port", "1111")
        .containsEntry("linkerd.io/inject", "enabled");
  }

  @Test
  void should_layer_installed_values_as_helm_does() throws IOException {
    String values = write("values.yaml", "proxy:\n  logLevel: debug\n  ports:\n    admin: 9999\n");
    CliRun run =
        CliRun.of(
            "inject",
            "-f",
            values,
            "--set",
            "proxy.ports.admin=4191",
            "--override",
            "proxy.logLevel=debug",
            workload("web"));
    assertThat(run.exit()).as(run.err()).isZero();
    // both overrides equal the installed values: nothing to annotate but the injection
    assertThat(podAnnotations(run.out())).containsOnlyKeys("linkerd.io/inject");
  }

  @Test
  void should_write_created_by_in_manual_mode() throws IOException {
    String web = workload("web");
    CliRun run =
        CliRun.of("inject", "--manual", "--set-file", "identityTrustAnchorsPEM=" + anchors(), web);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(podAnnotations(run.out()))
        .containsEntry("linkerd.io/created-by", "mesh/" + MeshSdk.version());
    CliRun given =
        CliRun.of(
            "inject",
            "--manual",
            "--created-by",
            "ci/42",
            "--set-file",
            "identityTrustAnchorsPEM=" + anchors(),
            web);
    assertThat(podAnnotations(given.out())).containsEntry("linkerd.io/created-by", "ci/42");
  }

  @Test
  void should_fail_before_reading_without_trust_anchors_in_manual_mode() throws IOException {
    CliRun run = CliRun.of("inject", "--manual", workload("web"));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(lines(run.err()))
        .containsExactly(
            "mesh: Please provide the identity trust anchors: identityTrustAnchorsPEM"
                + " is empty (set it with --set-file identityTrustAnchorsPEM=ca.crt)");
  }

  @Test
  void should_warn_about_unknown_keys_before_linkerds_report_and_fail_with_strict()
      throws IOException {
    String web = workload("web");
    CliRun run =
        CliRun.of(
            "inject",
            "--set",
            "proxy.port.admin=1",
            "--override",
            "proxyinit.runAsRoot=true",
            "--override",
            "proxy.inbound.x=1",
            web);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(lines(run.err()))
        .containsExactly(
            "warning: unknown key proxy.port.admin — did you mean proxy.ports.admin?",
            "warning: unknown key proxyinit.runAsRoot — did you mean proxyInit.runAsRoot? (--override)",
            "",
            "deployment \"web\" injected");
    assertThat(run.out()).contains("linkerd.io/inject: enabled");

    CliRun strict = CliRun.of("inject", "--strict", "--set", "proxy.port.admin=1", web);
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.out()).isEmpty();
    assertThat(lines(strict.err()))
        .containsExactly(
            "mesh: keys the chart does not know (strict):"
                + " unknown key proxy.port.admin — did you mean proxy.ports.admin?");
    CliRun strictOverride =
        CliRun.of("inject", "--strict", "--override", "proxy.port.admin=1", web);
    assertThat(strictOverride.exit()).isEqualTo(1);
    assertThat(strictOverride.out()).isEmpty();
    CliRun values = CliRun.of("inject", "-f", write("v.yaml", "proxy: {ports: {admn: 1}}\n"), web);
    assertThat(lines(values.err()).get(0))
        .isEqualTo("warning: unknown key proxy.ports.admn — did you mean proxy.ports.admin?");
  }

  @Test
  void should_refuse_duplicate_keys_unless_allowed_then_warn_naming_the_line() throws IOException {
    String dup =
        write(
            "dup.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                + "  name: old\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n"
                + "      - {name: app, image: example/app:1}\n");
    CliRun strict = CliRun.of("inject", dup);
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.out()).isEmpty();
    assertThat(strict.err()).contains("line 5, column 3: duplicate key \"name\"");

    for (String command : List.of("inject", "uninject")) {
      CliRun run = CliRun.of(command, "--allow-duplicate-keys", dup);
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(lines(run.err()).get(0))
          .isEqualTo(
              "warning: "
                  + dup
                  + ": document 1, line 5, column 3: duplicate key \"name\": the last one wins");
      assertThat(run.err()).contains("deployment \"web\"");
    }
  }

  @Test
  void should_refuse_bad_flag_values_as_usage_errors() throws IOException {
    CliRun run = CliRun.of("inject", "--admin-port", "http", workload("web"));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("mesh: invalid value \"http\" for --admin-port");
    CliRun override = CliRun.of("inject", "--override", "proxy.ports.admin", workload("web"));
    assertThat(override.exit()).isEqualTo(2);
    assertThat(override.err())
        .startsWith("mesh: invalid --override \"proxy.ports.admin\" at character 17");
  }

  @Test
  void should_uninject_stdin() throws IOException {
    String injected =
        Files.readString(testdata().resolve("inject_emojivoto_deployment.golden.yml"));
    CliRun run = CliRun.withStdin(injected, "uninject", "-");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).doesNotContain("linkerd-proxy").contains("emojivoto");
    assertThat(lines(run.err())).containsExactly("deployment \"web\" uninjected");
  }

  // ------------------------------------------------------------------ bad input

  private static void assertRefused(CliRun run, String... messageParts) {
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    List<String> err = lines(run.err());
    assertThat(err).hasSize(2).first().isEqualTo("Error transforming resources:");
    assertThat(err.get(1)).contains(messageParts).doesNotContain("Exception", "\tat ");
  }

  @Test
  void should_name_the_document_of_malformed_yaml() throws IOException {
    String bad =
        write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\n---\nmetadata:\n  labels: {a: b\n");
    assertRefused(CliRun.of("inject", bad), "bad.yaml: document 2, line ");
  }

  @Test
  void should_name_the_document_and_annotation_of_invalid_values() throws IOException {
    String bad =
        write(
            "bad.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n"
                + "apiVersion: apps/v1\n"
                + "kind: Deployment\n"
                + "metadata: {name: api}\n"
                + "spec:\n"
                + "  template:\n"
                + "    metadata:\n"
                + "      annotations:\n"
                + "        config.linkerd.io/admin-port: http\n"
                + "        config.linkerd.io/proxy-outbound-connect-timeout: soon\n"
                + "    spec:\n"
                + "      containers: [{name: api, image: nginx}]\n");
    assertRefused(
        CliRun.of("inject", bad),
        "bad.yaml: document 2",
        "deployment/api",
        "config.linkerd.io/admin-port: invalid value \"http\"",
        "config.linkerd.io/proxy-outbound-connect-timeout: invalid value \"soon\"");
  }

  @Test
  void should_name_the_document_of_a_workload_without_pod_template() throws IOException {
    String bad =
        write(
            "bad.yaml",
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\n"
                + "spec: {replicas: 1}\n");
    assertRefused(
        CliRun.of("inject", bad), "bad.yaml: document 1", "statefulset/db", "spec.template");
  }

  @Test
  void should_refuse_a_50_mb_document_clearly() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n---\n");
      w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n");
      String value = "x".repeat(1000);
      for (int i = 0; i < 50_000; i++) {
        w.write("  k" + i + ": " + value + "\n");
      }
    }
    assertThat(Files.size(big)).isGreaterThan(50_000_000L);
    assertRefused(CliRun.of("inject", big.toString()), "big.yaml: document 2", "larger than");
  }

  @Test
  void should_print_the_inputs_before_a_bad_one_and_stop_there() throws IOException {
    String good = workload("good");
    String bad = write("bad.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n");
    String after = workload("after");
    CliRun run = CliRun.of("inject", good, bad, after);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("name: good").doesNotContain("name: after", "name: x");
    assertThat(lines(run.err()))
        .containsExactly(
            "deployment \"good\" injected",
            "",
            "Error transforming resources:",
            lines(run.err()).get(3));
    assertThat(lines(run.err()).get(3)).startsWith(bad + ": document 1");
  }

  @Test
  void should_fail_before_any_output_when_a_path_is_missing() throws IOException {
    CliRun run = CliRun.of("inject", workload("web"), dir.resolve("nope.yaml").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("nope.yaml: no such file or folder");
  }

  // ------------------------------------------------------------------ helpers

  /** Documents as data, dropping nulls, false and empty values as Linkerd's typed output does. */
  private static List<Object> docs(String yaml) {
    List<Object> out = new ArrayList<>();
    for (Object d : new Yaml().loadAll(yaml)) {
      Object p = prune(d);
      if (p != null && !(p instanceof Map<?, ?> m && m.isEmpty())) {
        out.add(p);
      }
    }
    return out;
  }

  private static Object prune(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object v = prune(e.getValue());
        if (v == null
            || Boolean.FALSE.equals(v)
            || v instanceof Map<?, ?> x && x.isEmpty()
            || v instanceof List<?> l && l.isEmpty()) {
          continue;
        }
        out.put(e.getKey(), v);
      }
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(prune(x)));
      return out;
    }
    return o;
  }

  /** Lines with trailing blanks trimmed, without leading and trailing blank lines. */
  private static List<String> lines(String text) {
    List<String> ls = new ArrayList<>();
    Arrays.stream(text.split("\n", -1)).forEach(l -> ls.add(l.stripTrailing()));
    while (!ls.isEmpty() && ls.get(0).isEmpty()) {
      ls.remove(0);
    }
    while (!ls.isEmpty() && ls.get(ls.size() - 1).isEmpty()) {
      ls.remove(ls.size() - 1);
    }
    return ls;
  }
}
