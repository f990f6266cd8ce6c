package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.cluster.internal.Kubeconfig;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kubeconfig resolution, with the kubectl on PATH as the oracle. */
class KubeconfigTest {

  @TempDir static Path dir;
  static Path a;
  static Path b;
  static String kubeconfigVar;

  @BeforeAll
  static void files() throws IOException {
    a = dir.resolve("a.yaml");
    b = dir.resolve("sub/b.yaml");
    Files.createDirectories(b.getParent());
    Files.writeString(dir.resolve("ca1.pem"), "CA ONE\n");
    Files.writeString(dir.resolve("ca2.pem"), "CA TWO\n");
    Files.writeString(dir.resolve("sub/cert.pem"), "CERT\n");
    Files.writeString(dir.resolve("sub/key.pem"), "KEY\n");
    Files.writeString(dir.resolve("sub/token"), "file-token\n");
    Files.writeString(
        a,
        """
        apiVersion: v1
        kind: Config
        current-context: alpha
        clusters:
        - name: c1
          cluster:
            server: https://c1.example:6443
            certificate-authority: ca1.pem
        contexts:
        - name: alpha
          context: {cluster: c1, user: u1, namespace: team-a}
        - name: beta
          context: {cluster: c2, user: u2}
        users:
        - name: u1
          user: {token: tok-a}
        """);
    Files.writeString(
        b,
        """
        apiVersion: v1
        kind: Config
        current-context: gamma
        clusters:
        - name: c1
          cluster: {server: https://ignored.example}
        - name: c2
          cluster:
            server: https://c2.example
            certificate-authority: ../ca2.pem
        - name: c3
          cluster:
            server: https://c3.example:443
            certificate-authority-data: %s
        contexts:
        - name: alpha
          context: {cluster: c2, user: u2}
        - name: gamma
          context: {cluster: c2, user: u2, namespace: g}
        - name: delta
          context: {cluster: c3, user: u3}
        users:
        - name: u1
          user: {token: ignored}
        - name: u2
          user: {client-certificate: cert.pem, client-key: key.pem}
        - name: u3
          user: {tokenFile: token}
        """
            .formatted(
                Base64.getEncoder().encodeToString("CA THREE\n".getBytes(StandardCharsets.UTF_8))));
    kubeconfigVar =
        String.join(
            File.pathSeparator, a.toString(), dir.resolve("missing.yaml").toString(), b.toString());
  }

  static boolean kubectlOnPath() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "kubectl"))) {
        return true;
      }
    }
    return false;
  }

  static JsonObject kubectlView(Optional<String> context) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "kubectl",
                "config",
                "view",
                "--merge",
                "--minify",
                "--raw",
                "--flatten",
                "-o",
                "json"));
    context.ifPresent(c -> cmd.addAll(List.of("--context", c)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("KUBECONFIG", kubeconfigVar);
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl said: %s", out).isZero();
    return JsonParser.parseString(out).getAsJsonObject();
  }

  static String first(JsonObject view, String list, String field) {
    return view.getAsJsonArray(list).get(0).getAsJsonObject().get(field).getAsString();
  }

  static Optional<String> inner(JsonObject view, String list, String body, String field) {
    JsonObject o = view.getAsJsonArray(list).get(0).getAsJsonObject().getAsJsonObject(body);
    return o.has(field) ? Optional.of(o.get(field).getAsString()) : Optional.empty();
  }

  static String decoded(Optional<byte[]> bytes) {
    return bytes.map(x -> new String(x, StandardCharsets.UTF_8)).orElse("");
  }

  @ParameterizedTest(name = "--context ''{0}''")
  @ValueSource(strings = {"", "alpha", "beta", "gamma", "delta"})
  void should_resolve_merged_kubeconfig_files_as_kubectl_does(String context) throws Exception {
    assumeTrue(kubectlOnPath(), "no kubectl on PATH: the kubectl oracle test is skipped");
    Optional<String> ctx = context.isEmpty() ? Optional.empty() : Optional.of(context);
    JsonObject view = kubectlView(ctx);
    Kubeconfig.Resolved r =
        Kubeconfig.resolveDefault(
            Map.of("KUBECONFIG", kubeconfigVar, "HOME", dir.toString()), ctx, dir);

    assertThat(r.context()).isEqualTo(view.get("current-context").getAsString());
    assertThat(r.cluster()).isEqualTo(first(view, "clusters", "name"));
    assertThat(r.user()).isEqualTo(first(view, "users", "name"));
    assertThat(r.server()).isEqualTo(inner(view, "clusters", "cluster", "server").orElseThrow());
    assertThat(r.namespace())
        .isEqualTo(inner(view, "contexts", "context", "namespace").orElse("default"));
    assertThat(decoded(r.certificateAuthority()))
        .isEqualTo(
            inner(view, "clusters", "cluster", "certificate-authority-data")
                .map(s -> new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8))
                .orElse(""));
    assertThat(decoded(r.clientCertificate()))
        .isEqualTo(
            inner(view, "users", "user", "client-certificate-data")
                .map(s -> new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8))
                .orElse(""));
    Optional<String> token = inner(view, "users", "user", "token");
    Optional<String> tokenFile = inner(view, "users", "user", "tokenFile");
    if (tokenFile.isPresent()) {
      // kubectl prints the file name as written; it is relative to the file that defined the user
      assertThat(r.token())
          .contains(Files.readString(b.getParent().resolve(tokenFile.get())).strip());
    } else {
      assertThat(r.token()).isEqualTo(token);
    }
  }

  @Test
  void should_say_which_contexts_exist_when_the_context_is_unknown() {
    assertThatThrownBy(
            () ->
                Kubeconfig.resolveDefault(
                    Map.of("KUBECONFIG", kubeconfigVar), Optional.of("prod"), dir))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION);
              assertThat(e.getMessage())
                  .contains("context \"prod\" does not exist")
                  .contains("known: alpha, beta, gamma, delta");
            });
  }

  @Test
  void should_say_when_no_kubeconfig_file_exists() {
    assertThatThrownBy(
            () ->
                Kubeconfig.resolveDefault(
                    Map.of("KUBECONFIG", dir.resolve("nope").toString()), Optional.empty(), dir))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> assertThat(e.getMessage()).contains("none of the KUBECONFIG files exists"));
    assertThatThrownBy(
            () ->
                Kubeconfig.resolveDefault(
                    Map.of("HOME", dir.resolve("emptyhome").toString()), Optional.empty(), dir))
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("no kubeconfig: KUBECONFIG is unset")
                    .contains("set KUBECONFIG or pass a kubeconfig file"));
    assertThatThrownBy(() -> LiveCluster.builder().kubeconfig(dir.resolve("absent.yaml")).build())
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> assertThat(e.getMessage()).contains("absent.yaml does not exist"));
  }

  @Test
  void should_name_the_file_of_a_malformed_kubeconfig() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: v1\nclusters: [\n");
    assertThatThrownBy(() -> LiveCluster.builder().kubeconfig(bad).build())
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION);
              assertThat(e.getMessage())
                  .contains("bad.yaml is not valid YAML")
                  .doesNotContain("\n");
            });
    Path wrong = dir.resolve("wrong.yaml");
    Files.writeString(wrong, "apiVersion: v1\ncontexts: {a: b}\n");
    assertThatThrownBy(() -> LiveCluster.builder().kubeconfig(wrong).build())
        .hasMessageContaining("contexts must be a list");
  }

  @Test
  void should_use_the_home_kubeconfig_when_kubeconfig_is_unset() throws IOException {
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".kube"));
    Files.copy(a, home.resolve(".kube/config"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        dir.resolve("ca1.pem"),
        home.resolve(".kube/ca1.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Kubeconfig.Resolved r =
        Kubeconfig.resolveDefault(Map.of("HOME", home.toString()), Optional.empty(), dir);
    assertThat(r.context()).isEqualTo("alpha");
    assertThat(r.namespace()).isEqualTo("team-a");
  }

  @Test
  void should_use_the_service_account_in_a_pod() throws IOException {
    Path sa = dir.resolve("sa");
    Files.createDirectories(sa);
    Files.writeString(sa.resolve("token"), "sa-token\n");
    Files.writeString(sa.resolve("ca.crt"), "POD CA\n");
    Files.writeString(sa.resolve("namespace"), "linkerd");
    Map<String, String> env =
        Map.of(
            "HOME",
            dir.resolve("emptyhome").toString(),
            "KUBERNETES_SERVICE_HOST",
            "10.96.0.1",
            "KUBERNETES_SERVICE_PORT",
            "443");
    Kubeconfig.Resolved r = Kubeconfig.resolveDefault(env, Optional.empty(), sa);
    assertThat(r.server()).isEqualTo("https://10.96.0.1:443");
    assertThat(r.token()).contains("sa-token");
    assertThat(r.namespace()).isEqualTo("linkerd");
    assertThat(decoded(r.certificateAuthority())).isEqualTo("POD CA\n");
    Kubeconfig.Resolved v6 =
        Kubeconfig.inCluster(
            Map.of("KUBERNETES_SERVICE_HOST", "fd00::1", "KUBERNETES_SERVICE_PORT", "6443"), sa);
    assertThat(v6.server()).isEqualTo("https://[fd00::1]:6443");
    assertThat(r.toString()).doesNotContain("sa-token");
  }

  // ---------------------------------------------------------------- against a server

  static Path kubeconfigFor(Path where, String server, String user) throws IOException {
    Path f = where.resolve("kubeconfig-" + System.nanoTime() + ".yaml");
    Files.writeString(
        f,
        """
        apiVersion: v1
        kind: Config
        current-context: test
        clusters:
        - name: test
          cluster:
            server: %s
        contexts:
        - name: test
          context: {cluster: test, user: test}
        users:
        - name: test
          user:
        %s
        """
            .formatted(server, user.indent(4).stripTrailing()));
    return f;
  }

  @Test
  void should_send_the_token_an_exec_plugin_prints(@TempDir Path tmp) throws Exception {
    Path plugin = tmp.resolve("get-token.sh");
    Files.writeString(
        plugin,
        """
        #!/bin/sh
        # an EKS-style credential plugin: prints an ExecCredential
        case "$KUBERNETES_EXEC_INFO" in *ExecCredential*) ;; *) echo "no exec info" >&2; exit 3;; esac
        echo "{\\"apiVersion\\":\\"client.authentication.k8s.io/v1beta1\\",\\"kind\\":\\"ExecCredential\\",\
        \\"status\\":{\\"token\\":\\"exec-$CLUSTER_NAME-$1\\"}}"
        """);
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    try (MockWebServer server = new MockWebServer()) {
      server.start(0);
      server.enqueue(
          new MockResponse.Builder().code(200).body("{\"gitVersion\":\"v1.31.0\"}").build());
      Path kc =
          kubeconfigFor(
              tmp,
              server.url("/").toString(),
              """
          exec:
            apiVersion: client.authentication.k8s.io/v1beta1
            command: ./get-token.sh
            args: [eu-west-1]
            env:
            - {name: CLUSTER_NAME, value: prod}
          """);
      LiveCluster c =
          LiveCluster.builder().kubeconfig(kc).environment(Map.of("PATH", "/usr/bin:/bin")).build();
      assertThat(c.serverVersion().getGitVersion()).isEqualTo("v1.31.0");
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer exec-prod-eu-west-1");
      assertThat(c.context()).contains("test");
    }
  }

  @Test
  void should_explain_a_failing_exec_plugin(@TempDir Path tmp) throws Exception {
    Path plugin = tmp.resolve("fail.sh");
    Files.writeString(plugin, "#!/bin/sh\necho 'token expired: run aws sso login' >&2\nexit 255\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    Path kc = kubeconfigFor(tmp, "https://example.invalid", "exec:\n  command: " + plugin + "\n");
    assertThatThrownBy(() -> LiveCluster.builder().kubeconfig(kc).build())
        .isInstanceOfSatisfying(
            ClusterAccessException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION);
              assertThat(e.getMessage())
                  .contains("exited with status 255")
                  .contains("token expired: run aws sso login");
            });
    Path missing =
        kubeconfigFor(tmp, "https://example.invalid", "exec:\n  command: no-such-plugin-xyz\n");
    assertThatThrownBy(
            () ->
                LiveCluster.builder()
                    .kubeconfig(missing)
                    .environment(Map.of("PATH", tmp.toString()))
                    .build())
        .hasMessageContaining("\"no-such-plugin-xyz\"")
        .hasMessageContaining("install it or put it on PATH");
    Path hinted =
        kubeconfigFor(
            tmp,
            "https://example.invalid",
            "exec:\n  command: aws-nope\n  installHint: Install the AWS CLI, see https://aws.amazon.com/cli\n");
    assertThatThrownBy(() -> LiveCluster.builder().kubeconfig(hinted).build())
        .hasMessageContaining("Install the AWS CLI, see https://aws.amazon.com/cli");
  }

  static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("test-ca").build();
  static final HeldCertificate OTHER_CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("other-ca").build();
  static final HeldCertificate SERVER =
      new HeldCertificate.Builder()
          .signedBy(CA)
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();

  static MockWebServer https(boolean requireClientCert) throws IOException {
    HandshakeCertificates certs =
        new HandshakeCertificates.Builder()
            .heldCertificate(SERVER)
            .addTrustedCertificate(CA.certificate())
            .build();
    MockWebServer server = new MockWebServer();
    server.useHttps(certs.sslSocketFactory());
    if (requireClientCert) {
      server.requireClientAuth();
    }
    server.start(0);
    return server;
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static Path httpsKubeconfig(Path tmp, MockWebServer server, HeldCertificate ca, String user)
      throws IOException {
    Path f = kubeconfigFor(tmp, server.url("/").toString(), user);
    String text =
        Files.readString(f)
            .replace(
                "    server: " + server.url("/"),
                "    server: "
                    + server.url("/")
                    + "\n    certificate-authority-data: "
                    + b64(ca.certificatePem()));
    Files.writeString(f, text);
    return f;
  }

  @Test
  void should_trust_certificate_authority_data_and_send_client_certificates(@TempDir Path tmp)
      throws Exception {
    HeldCertificate client = new HeldCertificate.Builder().signedBy(CA).commonName("admin").build();
    try (MockWebServer server = https(true)) {
      server.enqueue(
          new MockResponse.Builder().code(200).body("{\"gitVersion\":\"v1.31.0\"}").build());
      Path kc =
          httpsKubeconfig(
              tmp,
              server,
              CA,
              "client-certificate-data: "
                  + b64(client.certificatePem())
                  + "\nclient-key-data: "
                  + b64(client.privateKeyPkcs8Pem())
                  + "\n");
      assertThat(LiveCluster.builder().kubeconfig(kc).build().serverVersion().getGitVersion())
          .isEqualTo("v1.31.0");
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r.getHandshake().peerCertificates()).isNotEmpty();
      assertThat(java.security.Security.getProvider("BC"))
          .as("no global security provider registered")
          .isNull();
    }
  }

  @Test
  void should_explain_a_client_certificate_that_does_not_match_its_key(@TempDir Path tmp)
      throws Exception {
    HeldCertificate client = new HeldCertificate.Builder().signedBy(CA).commonName("admin").build();
    HeldCertificate other =
        new HeldCertificate.Builder().signedBy(CA).commonName("other").rsa2048().build();
    try (MockWebServer server = https(true)) {
      Path kc =
          httpsKubeconfig(
              tmp,
              server,
              CA,
              "client-certificate-data: "
                  + b64(client.certificatePem())
                  + "\nclient-key-data: "
                  + b64(other.privateKeyPkcs1Pem())
                  + "\n");
      assertThatThrownBy(() -> LiveCluster.builder().kubeconfig(kc).build())
          .isInstanceOfSatisfying(
              ClusterAccessException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION);
                assertThat(e.getMessage())
                    .contains("does not match its key")
                    .doesNotContain("PRIVATE KEY");
              });
    }
  }

  @Test
  void should_explain_a_server_certificate_from_another_ca(@TempDir Path tmp) throws Exception {
    try (MockWebServer server = https(false)) {
      Path kc = httpsKubeconfig(tmp, server, OTHER_CA, "token: abc\n");
      LiveCluster c =
          LiveCluster.builder().kubeconfig(kc).retries(1, Duration.ofMillis(10)).build();
      assertThatThrownBy(c::serverVersion)
          .isInstanceOfSatisfying(
              ClusterAccessException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(Failure.TLS);
                assertThat(e.getMessage())
                    .contains("not signed by the configured certificate authority")
                    .contains("fix certificate-authority-data")
                    .doesNotContain("abc");
              });
    }
  }
}
