package io.meshsdk.cluster.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.meshsdk.cluster.ClusterAccessException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an exec credential plugin (as kubectl does for EKS's {@code aws eks get-token}, GKE's {@code
 * gke-gcloud-auth-plugin}, {@code kubelogin}, …) and reads its {@code ExecCredential}. The
 * credentials it prints never appear in messages.
 */
public final class ExecPlugin {

  /**
   * What a plugin gave.
   *
   * @param token the bearer token, if any
   * @param clientCertificate the client certificate PEM, if any
   * @param clientKey the client key PEM, if any
   */
  public record Credential(
      Optional<String> token, Optional<byte[]> clientCertificate, Optional<byte[]> clientKey) {
    /** Never shows credentials. */
    @Override
    public String toString() {
      return "ExecCredential"
          + (token.isPresent() ? " (token)" : "")
          + (clientCertificate.isPresent() ? " (client certificate)" : "");
    }
  }

  private ExecPlugin() {}

  /**
   * Runs the plugin.
   *
   * @param exec the plugin configuration
   * @param user the kubeconfig user, for messages
   * @param baseEnv the environment the plugin inherits
   * @param timeout how long it may run
   * @return the credential
   * @throws ClusterAccessException ({@code CONFIGURATION}) if it cannot run, fails or prints no
   *     credential, with its exit code and the first line of its error output
   */
  public static Credential run(
      Kubeconfig.Exec exec, String user, Map<String, String> baseEnv, Duration timeout) {
    String command = exec.command();
    if ((command.contains("/") || command.contains(java.io.File.separator))
        && !Path.of(command).isAbsolute()) {
      command = exec.baseDir().resolve(command).normalize().toString();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(command);
    cmd.addAll(exec.args());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().putAll(baseEnv);
    pb.environment().putAll(exec.env());
    pb.environment()
        .put(
            "KUBERNETES_EXEC_INFO",
            "{\"apiVersion\":\""
                + exec.apiVersion()
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
    String what = "the exec credential plugin \"" + exec.command() + "\" of user \"" + user + "\"";
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw Kubeconfig.config(
          what
              + " cannot be started ("
              + e.getMessage()
              + "); "
              + exec.installHint().orElse("install it or put it on PATH"));
    }
    try {
      p.getOutputStream().close();
      byte[][] out = new byte[2][];
      Thread outReader = new Thread(() -> out[0] = readAll(p.getInputStream()), "exec-stdout");
      Thread errReader = new Thread(() -> out[1] = readAll(p.getErrorStream()), "exec-stderr");
      outReader.setDaemon(true);
      errReader.setDaemon(true);
      outReader.start();
      errReader.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw Kubeconfig.config(what + " did not finish within " + timeout.toSeconds() + "s");
      }
      outReader.join(5000);
      errReader.join(1000);
      if (out[0] == null) {
        out[0] = new byte[0];
      }
      String stderr = out[1] == null ? "" : new String(out[1], StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0) {
        String first =
            stderr.isEmpty() ? "" : ": " + Requests.oneLine(stderr.lines().findFirst().orElse(""));
        throw Kubeconfig.config(what + " exited with status " + p.exitValue() + first);
      }
      return parse(new String(out[0], StandardCharsets.UTF_8), what);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw ClusterAccessException.builder(
              ClusterAccessException.Failure.INTERRUPTED, "interrupted while running " + what)
          .build();
    } catch (IOException e) {
      throw Kubeconfig.config(what + " could not be read: " + e.getMessage());
    }
  }

  private static Credential parse(String stdout, String what) {
    JsonElement json;
    try {
      json = JsonParser.parseString(stdout);
    } catch (RuntimeException e) {
      throw Kubeconfig.config(what + " did not print an ExecCredential JSON object");
    }
    if (!json.isJsonObject()
        || !(json.getAsJsonObject().get("status") instanceof JsonObject status)) {
      throw Kubeconfig.config(what + " printed JSON without an ExecCredential status");
    }
    Optional<String> token = string(status, "token");
    Optional<byte[]> cert =
        string(status, "clientCertificateData").map(s -> s.getBytes(StandardCharsets.UTF_8));
    Optional<byte[]> key =
        string(status, "clientKeyData").map(s -> s.getBytes(StandardCharsets.UTF_8));
    if (token.isEmpty() && (cert.isEmpty() || key.isEmpty())) {
      throw Kubeconfig.config(
          what
              + " printed an ExecCredential with neither a token nor a client certificate and key");
    }
    return new Credential(token, cert, key);
  }

  private static Optional<String> string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() && !e.getAsString().isEmpty()
        ? Optional.of(e.getAsString())
        : Optional.empty();
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
