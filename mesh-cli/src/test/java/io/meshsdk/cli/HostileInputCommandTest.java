package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshsdk.core.identity.CertificateAuthority;
import io.meshsdk.core.identity.IssuedCertificate;
import io.meshsdk.core.values.HelmValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The eleven classes of hostile input of issue 8 through the {@code mesh} command line: every one
 * ends in a typed one-line error (exit 1, or 2 for a bad flag value) or a correct result, never in
 * the last-resort "internal error" line, a stack trace or lost data.
 */
class HostileInputCommandTest {
  private static final String DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n"
          + "  template:\n    metadata:\n      labels:\n        app: web\n%s    spec:\n"
          + "      containers:\n      - name: app\n        image: example/app:1\n";
  private static final String POD =
      "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: app\n    image: example/app:1\n";
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=]{16,}");
  private static IssuedCertificate anchor;
  private static IssuedCertificate issuer;

  @TempDir Path dir;
  private final List<CliRun> runs = new ArrayList<>();

  @BeforeAll
  static void generate() {
    CertificateAuthority ca =
        CertificateAuthority.create(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    anchor = ca.createTrustAnchor();
    issuer = ca.createIssuer(anchor);
  }

  private CliRun run(String... args) {
    return runWithStdin("", args);
  }

  private CliRun runWithStdin(String stdin, String... args) {
    CliRun r = CliRun.withStdin(stdin, args);
    runs.add(r);
    return r;
  }

  @AfterEach
  void no_known_input_reaches_the_last_resort_line() {
    for (CliRun r : runs) {
      assertThat(r.err())
          .doesNotContain("internal error")
          .doesNotContain("\tat ")
          .doesNotContain("Exception");
    }
  }

  private String file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
  }

  private static Object read(String yaml) {
    return io.meshsdk.core.manifest.ManifestReader.create().readAll(yaml, "yaml").get(0).root();
  }

  private static void assertOneLineError(CliRun r, int exit) {
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err().length()).isLessThan(600);
  }

  private static void assertRefusedInput(CliRun r, String message) {
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("Error transforming resources:\n").contains(message);
  }

  // 1
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\\x", "\\u00", "\\U0001"})
  void should_refuse_a_cut_off_escape_with_its_location(String escape) throws Exception {
    String f = file("bad.yaml", "a: \"" + escape);

    assertRefusedInput(run("inject", f), f + ": document 1, line 1, column ");
    CliRun values = run("values", "--no-defaults", "-f", f);
    assertOneLineError(values, 1);
    assertThat(values.err()).startsWith("mesh: " + f + ": line 1, column ");
  }

  // 2
  @Test
  void should_write_tags_with_uri_escapes_as_they_were_read() throws Exception {
    String f =
        file(
            "tags.yaml",
            DEPLOYMENT.formatted("") + "data:\n  a: !foo%21 x\n" + "  b: !foo%20bar x\n");

    CliRun r = run("inject", f);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("  a: !foo%21 x\n").contains("  b: !foo%20bar x\n");
  }

  // 3
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--set", "--set-json"})
  void should_refuse_arguments_nested_too_deep_quoting_an_excerpt(String flag) {
    String arg =
        flag.equals("--set")
            ? "a" + "[0]".repeat(5000) + "=1"
            : "a=" + "[".repeat(5000) + "]".repeat(5000);

    CliRun r = run("values", "--no-defaults", flag, arg);

    // an argument limit is bad usage (exit 2), as every --set syntax error
    assertOneLineError(r, 2);
    assertThat(r.err()).contains("nesting deeper than 1000 levels").contains("…");
  }

  // 4
  @Test
  void should_refuse_what_would_create_too_much_fast() {
    CliRun nested = run("values", "--no-defaults", "--set", "a" + "[65536]".repeat(999) + "=1");
    List<String> many = new ArrayList<>(List.of("values", "--no-defaults", "-o", "json"));
    for (int i = 0; i < 1000; i++) {
      many.add("--set");
      many.add("k" + i + "[65536]=1");
    }
    CliRun wide = run(many.toArray(String[]::new));

    assertOneLineError(nested, 2);
    assertThat(nested.err()).contains("exceed the budget of 16 MiB");
    assertOneLineError(wide, 2);
    assertThat(wide.err()).contains("invalid --set \"k15[65536]=1\"");
  }

  // 5
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {0x85, 0x2028, 0x2029, 0x9B, 0x0D, 0xFEFF})
  void should_print_values_yaml_that_reads_back_to_every_code_point(int cp) {
    String value = "{" + new String(Character.toChars(cp)) + "i}";

    CliRun r = run("values", "--no-defaults", "--set-literal", "a=" + value);

    assertThat(r.exit()).isZero();
    assertThat(HelmValues.fromYaml(r.out(), "out").getString("a")).contains(value);
  }

  // 6
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cr-only", "literal-backslash-n"})
  void should_never_print_key_bytes_in_certs_check(String damage) throws Exception {
    String key = issuer.privateKeyPem();
    String broken = damage.equals("cr-only") ? key.replace("\n", "\r") : key.replace("\n", "\\n");
    String ca = file("ca.crt", anchor.certificatePem());
    String crt = file("issuer.crt", issuer.certificatePem());
    String k = file("issuer.key", broken);

    for (String format : new String[] {"table", "json"}) {
      CliRun r =
          run(
              "certs",
              "check",
              "--trust-anchors",
              ca,
              "--issuer-cert",
              crt,
              "--issuer-key",
              k,
              "--now=2026-01-01T00:00:00Z",
              "-o",
              format);
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out() + r.err()).contains("EC PRIVATE KEY").contains("line 1");
      Matcher m = BASE64_RUN.matcher(r.out() + r.err());
      while (m.find()) {
        assertThat(key).doesNotContain(m.group());
      }
    }
  }

  // 7
  @Test
  void should_refuse_scalar_alias_bombs_in_manifests_and_values_files() throws Exception {
    String anchorLine = "        big: &a " + "x".repeat(30_000) + "\n";
    String manifest =
        DEPLOYMENT.formatted("      annotations:\n" + anchorLine)
            + "        args:\n"
            + "        - *a\n".repeat(6000);
    String values = "a: &a " + "x".repeat(40_000) + "\nl:\n" + "- *a\n".repeat(2000);

    assertRefusedInput(
        run("inject", file("bomb.yaml", manifest)),
        "aliases expand to more than 16777216 characters");
    CliRun v = run("values", "--no-defaults", "-f", file("bomb-values.yaml", values));
    assertOneLineError(v, 1);
    assertThat(v.err()).contains("aliases expand to more than 16777216 characters");
  }

  // 8
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e99999999", "1e999999999"})
  void should_refuse_quantities_with_huge_exponents(String q) throws Exception {
    String f =
        file(
            "cpu.yaml",
            DEPLOYMENT.formatted(
                "      annotations:\n        config.linkerd.io/proxy-cpu-limit: '" + q + "'\n"));

    assertRefusedInput(run("inject", f), "config.linkerd.io/proxy-cpu-limit");
    String anchors = "identityTrustAnchorsPEM=" + file("ca.crt", anchor.certificatePem());
    assertRefusedInput(
        run("inject", "--manual", "--set-file", anchors, f), "config.linkerd.io/proxy-cpu-limit");
    CliRun flag = run("inject", "--manual", "--set-file", anchors, "--proxy-cpu-limit", q, f);
    assertThat(flag.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(flag.err()).contains("--proxy-cpu-limit");
  }

  // 9
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "metadata: [1]",
        "labels: x",
        "annotations: 5",
        "initContainers: 5",
        "containers: {}"
      })
  void should_refuse_parts_of_the_wrong_shape_instead_of_replacing_them(String damage)
      throws Exception {
    String yaml =
        switch (damage) {
          case "metadata: [1]" -> POD.replace("kind: Pod\n", "kind: Pod\nmetadata: [1]\n");
          case "labels: x" ->
              DEPLOYMENT
                  .formatted("")
                  .replace("      labels:\n        app: web\n", "      labels: x\n");
          case "annotations: 5" -> DEPLOYMENT.formatted("      annotations: 5\n");
          case "initContainers: 5" ->
              DEPLOYMENT
                  .formatted("")
                  .replace("      containers:\n", "      initContainers: 5\n      containers:\n");
          default -> "apiVersion: v1\nkind: Pod\nspec:\n  containers: {name: app}\n";
        };
    String f = file("shape.yaml", yaml);

    String anchors = "identityTrustAnchorsPEM=" + file("ca.crt", anchor.certificatePem());
    assertRefusedInput(run("inject", f), f + ": document 1");
    assertRefusedInput(run("inject", "--manual", "--set-file", anchors, f), "must be a");
  }

  // 10 and the Pod without metadata
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "config.linkerd.io/enable-debug-sidecar: \"true\"",
        "config.linkerd.io/close-wait-timeout: 2m0s"
      })
  void should_keep_the_users_own_annotations(String annotation) throws Exception {
    String original = DEPLOYMENT.formatted("      annotations:\n        " + annotation + "\n");
    String key = annotation.substring(0, annotation.indexOf(':'));

    CliRun once = run("inject", file("a.yaml", original));
    CliRun twice = runWithStdin(once.out(), "inject", "-");
    CliRun back = runWithStdin(once.out(), "uninject", "-");

    assertThat(once.out()).contains(key);
    assertThat(twice.out()).isEqualTo(once.out());
    assertThat(read(back.out())).isEqualTo(read(original));
  }

  @Test
  void should_give_a_pod_without_metadata_back_after_uninject_of_inject() throws Exception {
    String anchors = "identityTrustAnchorsPEM=" + file("ca.crt", anchor.certificatePem());
    for (String mode : new String[] {"--manual", "--verbose"}) {
      CliRun once = run("inject", mode, "--set-file", anchors, file("pod.yaml", POD));
      CliRun back = runWithStdin(once.out(), "uninject", "-");

      assertThat(once.out()).contains("metadata:");
      assertThat(back.out()).isEqualTo(POD);
    }
  }

  // 11
  @Test
  @EnabledIf("devZeroExists")
  void should_refuse_dev_zero_everywhere_a_file_is_read() throws Exception {
    String ca = file("ca.crt", anchor.certificatePem());
    String crt = file("issuer.crt", issuer.certificatePem());
    String key = file("issuer.key", issuer.privateKeyPem());

    CliRun anchors =
        run(
            "certs",
            "check",
            "--trust-anchors",
            "/dev/zero",
            "--issuer-cert",
            crt,
            "--issuer-key",
            key,
            "--now=2026-01-01T00:00:00Z");
    CliRun setFile = run("values", "--no-defaults", "--set-file", "a=/dev/zero");
    CliRun values = run("values", "--no-defaults", "-f", "/dev/zero");
    CliRun inject = run("inject", "/dev/zero");

    assertThat(anchors.exit()).isEqualTo(1);
    assertThat(anchors.out()).contains("/dev/zero: larger than the limit of 4194304 bytes");
    assertOneLineError(setFile, 1);
    assertThat(setFile.err()).contains("larger than the limit of 4194304 bytes");
    assertOneLineError(values, 1);
    assertThat(values.err()).contains("larger than the limit of 16777216 bytes");
    assertRefusedInput(inject, "the document is larger than the limit of 16777216 bytes");
    assertThat(ca).isNotEmpty();
  }

  static boolean devZeroExists() {
    return Files.exists(Path.of("/dev/zero"));
  }

  @Test
  void should_map_an_unexpected_failure_to_one_line_naming_operation_and_input() {
    CommandLine cl =
        MeshCommand.commandLine(
            System.in,
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(new java.io.StringWriter()));
    CommandLine.ParseResult parsed = cl.parseArgs("inject", "--manual", "in.yaml");

    String line = MeshCommand.unexpected(parsed, new StackOverflowError());

    assertThat(line)
        .isEqualTo(
            "mesh: internal error: 'mesh inject' failed on in.yaml (StackOverflowError); please"
                + " report it");
    assertThat(MeshCommand.unexpected(null, new OutOfMemoryError("Java heap space")))
        .isEqualTo(
            "mesh: internal error: 'mesh' failed on its arguments (OutOfMemoryError);"
                + " please report it");
  }
}
