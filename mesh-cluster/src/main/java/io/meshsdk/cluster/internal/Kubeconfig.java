package io.meshsdk.cluster.internal;

import io.meshsdk.cluster.ClusterAccessException;
import io.meshsdk.cluster.ClusterAccessException.Failure;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestException;
import io.meshsdk.core.manifest.ManifestReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubeconfig resolution as kubectl does it: the files of {@code KUBECONFIG} merged (the first file
 * that defines a cluster, user or context name wins, and the first {@code current-context} wins;
 * missing files are skipped), else {@code ~/.kube/config}, else the in-cluster service account.
 * Relative paths in a file are relative to that file's folder.
 */
public final class Kubeconfig {

  /** Where a pod's service account credentials are mounted. */
  public static final Path SERVICE_ACCOUNT_DIR =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  /**
   * An exec credential plugin as configured.
   *
   * @param command the command
   * @param args the arguments
   * @param env extra environment variables
   * @param apiVersion the ExecCredential API version
   * @param baseDir the folder of the kubeconfig that defined it (for relative commands)
   * @param installHint the kubeconfig's hint on how to install the plugin, if any
   */
  public record Exec(
      String command,
      List<String> args,
      Map<String, String> env,
      String apiVersion,
      Path baseDir,
      Optional<String> installHint) {}

  /**
   * The resolved connection settings of one context.
   *
   * @param source where they came from (file names, or "in-cluster service account")
   * @param context the context name (empty for in-cluster)
   * @param cluster the cluster name
   * @param user the user name
   * @param server the server URL
   * @param namespace the context's namespace ({@code default} when unset)
   * @param certificateAuthority the CA certificates (PEM), if any
   * @param insecureSkipTlsVerify whether TLS verification is off
   * @param tlsServerName the TLS server name override, if any
   * @param token the bearer token, if any (never printed)
   * @param clientCertificate the client certificate (PEM), if any
   * @param clientKey the client key (PEM), if any (never printed)
   * @param username basic-auth user name, if any
   * @param password basic-auth password, if any (never printed)
   * @param exec the exec plugin, if any
   * @param impersonateUser the user's {@code as}
   * @param impersonateGroups the user's {@code as-groups}
   */
  public record Resolved(
      String source,
      String context,
      String cluster,
      String user,
      String server,
      String namespace,
      Optional<byte[]> certificateAuthority,
      boolean insecureSkipTlsVerify,
      Optional<String> tlsServerName,
      Optional<String> token,
      Optional<byte[]> clientCertificate,
      Optional<byte[]> clientKey,
      Optional<String> username,
      Optional<String> password,
      Optional<Exec> exec,
      Optional<String> impersonateUser,
      List<String> impersonateGroups) {

    /** Never shows credentials. */
    @Override
    public String toString() {
      return "context "
          + context
          + " (cluster "
          + cluster
          + ", user "
          + user
          + ", server "
          + server
          + ", from "
          + source
          + ")";
    }
  }

  private Kubeconfig() {}

  /**
   * Resolves the default kubeconfig as kubectl does.
   *
   * @param env the environment ({@code KUBECONFIG}, {@code HOME}, {@code KUBERNETES_SERVICE_HOST},
   *     {@code KUBERNETES_SERVICE_PORT})
   * @param context the context to use, or empty for the current context
   * @param serviceAccountDir where in-cluster credentials are mounted
   * @return the settings
   * @throws ClusterAccessException ({@link Failure#CONFIGURATION}) with what to fix
   */
  public static Resolved resolveDefault(
      Map<String, String> env, Optional<String> context, Path serviceAccountDir) {
    String kubeconfig = env.getOrDefault("KUBECONFIG", "");
    if (!kubeconfig.isEmpty()) {
      List<Path> files = new ArrayList<>();
      List<String> listed = new ArrayList<>();
      Set<Path> seen = new LinkedHashSet<>();
      for (String part : kubeconfig.split(File.pathSeparator)) {
        if (part.isEmpty()) {
          continue;
        }
        listed.add(part);
        Path p = Path.of(part).toAbsolutePath().normalize();
        if (Files.exists(p) && seen.add(p)) {
          files.add(p);
        }
      }
      if (files.isEmpty()) {
        throw config(
            "no kubeconfig: none of the KUBECONFIG files exists ("
                + String.join(", ", listed)
                + "); fix KUBECONFIG or create the file");
      }
      return resolve(files, context);
    }
    Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    Path config = home.resolve(".kube").resolve("config");
    if (Files.exists(config)) {
      return resolve(List.of(config), context);
    }
    if (!env.getOrDefault("KUBERNETES_SERVICE_HOST", "").isEmpty()
        && !env.getOrDefault("KUBERNETES_SERVICE_PORT", "").isEmpty()) {
      if (context.isPresent()) {
        throw config(
            "context \""
                + context.get()
                + "\" was asked for, but there is no kubeconfig ("
                + config
                + " does not exist, KUBECONFIG is unset) and in-cluster configuration has"
                + " no contexts");
      }
      return inCluster(env, serviceAccountDir);
    }
    throw config(
        "no kubeconfig: KUBECONFIG is unset, "
            + config
            + " does not exist and this is not a pod (KUBERNETES_SERVICE_HOST is unset); set"
            + " KUBECONFIG or pass a kubeconfig file");
  }

  /**
   * Resolves the in-cluster configuration: the service's host and port from the environment, the
   * service account's token, CA and namespace from its mounted files.
   *
   * @param env the environment
   * @param dir the service account folder
   * @return the settings
   * @throws ClusterAccessException if this is not a pod or the files are missing
   */
  public static Resolved inCluster(Map<String, String> env, Path dir) {
    String host = env.getOrDefault("KUBERNETES_SERVICE_HOST", "");
    String port = env.getOrDefault("KUBERNETES_SERVICE_PORT", "");
    if (host.isEmpty() || port.isEmpty()) {
      throw config(
          "not running in a pod: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set"
              + " for in-cluster configuration");
    }
    Path token = dir.resolve("token");
    if (!Files.isReadable(token)) {
      throw config(
          "in-cluster configuration: the service account token "
              + token
              + " is missing or unreadable; is automountServiceAccountToken off?");
    }
    String server = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    Path ca = dir.resolve("ca.crt");
    Path ns = dir.resolve("namespace");
    try {
      return new Resolved(
          "in-cluster service account " + dir,
          "",
          "",
          "",
          server,
          Files.isReadable(ns) ? Files.readString(ns).strip() : "default",
          Files.isReadable(ca) ? Optional.of(Files.readAllBytes(ca)) : Optional.empty(),
          false,
          Optional.empty(),
          Optional.of(Files.readString(token).strip()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of());
    } catch (IOException e) {
      throw config("in-cluster configuration: cannot read " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Resolves a context from kubeconfig files merged in order.
   *
   * @param files the files (each must exist)
   * @param contextName the context, or empty for the merged current-context
   * @return the settings
   * @throws ClusterAccessException ({@link Failure#CONFIGURATION}) with what to fix
   */
  public static Resolved resolve(List<Path> files, Optional<String> contextName) {
    Map<String, Named> clusters = new LinkedHashMap<>();
    Map<String, Named> users = new LinkedHashMap<>();
    Map<String, Named> contexts = new LinkedHashMap<>();
    String current = "";
    for (Path f : files) {
      Map<String, Object> doc = read(f);
      Path dir = f.toAbsolutePath().getParent();
      collect(f, doc, "clusters", "cluster", dir, clusters);
      collect(f, doc, "users", "user", dir, users);
      collect(f, doc, "contexts", "context", dir, contexts);
      if (current.isEmpty() && doc.get("current-context") instanceof String s) {
        current = s;
      }
    }
    String source = files.size() == 1 ? files.get(0).toString() : files.toString();
    String name = contextName.orElse(current);
    if (name.isEmpty()) {
      throw config(
          "the kubeconfig ("
              + source
              + ") sets no current-context: choose a context"
              + known(contexts)
              + " or run kubectl config use-context");
    }
    Named ctx = contexts.get(name);
    if (ctx == null) {
      throw config(
          "context \""
              + name
              + "\" does not exist in the kubeconfig ("
              + source
              + ")"
              + known(contexts));
    }
    String clusterName = string(ctx.body, "cluster", ctx);
    String userName = string(ctx.body, "user", ctx);
    String namespace = string(ctx.body, "namespace", ctx);
    Named cluster = clusters.get(clusterName);
    if (clusterName.isEmpty() || cluster == null) {
      throw config(
          "context \""
              + name
              + "\" refers to cluster \""
              + clusterName
              + "\", which the kubeconfig ("
              + source
              + ") does not define");
    }
    Named user = userName.isEmpty() ? null : users.get(userName);
    if (!userName.isEmpty() && user == null) {
      throw config(
          "context \""
              + name
              + "\" refers to user \""
              + userName
              + "\", which the kubeconfig ("
              + source
              + ") does not define");
    }
    String server = string(cluster.body, "server", cluster);
    if (server.isEmpty()) {
      throw config("cluster \"" + clusterName + "\" in " + cluster.file + " has no server");
    }
    Map<String, Object> u = user == null ? Map.of() : user.body;
    Named un = user == null ? cluster : user;
    Optional<Exec> exec = Optional.empty();
    if (u.get("exec") instanceof Map<?, ?> e) {
      exec = Optional.of(exec(e, un));
    } else if (u.containsKey("exec") && u.get("exec") != null) {
      throw config("user \"" + userName + "\" in " + un.file + ": exec must be a mapping");
    }
    if (u.get("auth-provider") != null) {
      throw config(
          "user \""
              + userName
              + "\" in "
              + un.file
              + " uses an auth-provider, which kubectl no longer supports; use an exec credential"
              + " plugin (e.g. gke-gcloud-auth-plugin, kubelogin)");
    }
    Optional<String> token = opt(string(u, "token", un));
    String tokenFile = string(u, "tokenFile", un);
    if (token.isEmpty() && !tokenFile.isEmpty()) {
      Path tf = un.dir.resolve(tokenFile);
      try {
        token = Optional.of(Files.readString(tf).strip());
      } catch (IOException ex) {
        throw config(
            "user \"" + userName + "\": cannot read tokenFile " + tf + ": " + ex.getMessage());
      }
    }
    List<String> groups = new ArrayList<>();
    if (u.get("as-groups") instanceof List<?> l) {
      for (Object g : l) {
        groups.add(String.valueOf(g));
      }
    }
    return new Resolved(
        source,
        name,
        clusterName,
        userName,
        server,
        namespace.isEmpty() ? "default" : namespace,
        data(cluster, "certificate-authority-data", "certificate-authority"),
        Boolean.TRUE.equals(cluster.body.get("insecure-skip-tls-verify"))
            || "true".equals(String.valueOf(cluster.body.get("insecure-skip-tls-verify"))),
        opt(string(cluster.body, "tls-server-name", cluster)),
        token,
        user == null
            ? Optional.empty()
            : data(user, "client-certificate-data", "client-certificate"),
        user == null ? Optional.empty() : data(user, "client-key-data", "client-key"),
        opt(string(u, "username", un)),
        opt(string(u, "password", un)),
        exec,
        opt(string(u, "as", un)),
        List.copyOf(groups));
  }

  private record Named(String name, Map<String, Object> body, Path file, Path dir) {}

  private static Map<String, Object> read(Path f) {
    List<Manifest> docs;
    try {
      docs = ManifestReader.create().readAll(f);
    } catch (ManifestException e) {
      throw config("kubeconfig " + f + " is not valid YAML: " + Requests.oneLine(e.getMessage()));
    }
    List<Manifest> nonEmpty = docs.stream().filter(d -> !d.isEmpty() && d.root() != null).toList();
    if (nonEmpty.isEmpty()) {
      return Map.of();
    }
    if (nonEmpty.size() > 1 || nonEmpty.get(0).object().isEmpty()) {
      throw config("kubeconfig " + f + " must be one YAML mapping (apiVersion: v1, kind: Config)");
    }
    return nonEmpty.get(0).object().get();
  }

  private static void collect(
      Path f,
      Map<String, Object> doc,
      String listKey,
      String bodyKey,
      Path dir,
      Map<String, Named> into) {
    Object list = doc.get(listKey);
    if (list == null) {
      return;
    }
    if (!(list instanceof List<?> items)) {
      throw config("kubeconfig " + f + ": " + listKey + " must be a list");
    }
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
        throw config("kubeconfig " + f + ": every entry of " + listKey + " needs a name");
      }
      Object body = m.get(bodyKey);
      if (body != null && !(body instanceof Map)) {
        throw config(
            "kubeconfig "
                + f
                + ": "
                + listKey
                + " entry \""
                + name
                + "\": "
                + bodyKey
                + " must be a mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> b = body == null ? Map.of() : (Map<String, Object>) body;
      into.putIfAbsent(name, new Named(name, b, f, dir));
    }
  }

  private static Exec exec(Map<?, ?> e, Named user) {
    Object command = e.get("command");
    if (!(command instanceof String c) || c.isEmpty()) {
      throw config("user \"" + user.name + "\" in " + user.file + ": exec has no command");
    }
    List<String> args = new ArrayList<>();
    if (e.get("args") instanceof List<?> l) {
      for (Object a : l) {
        args.add(String.valueOf(a));
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    if (e.get("env") instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m && m.get("name") != null) {
          env.put(
              String.valueOf(m.get("name")),
              m.get("value") == null ? "" : String.valueOf(m.get("value")));
        }
      }
    }
    String apiVersion =
        e.get("apiVersion") instanceof String s ? s : "client.authentication.k8s.io/v1beta1";
    Optional<String> hint =
        e.get("installHint") instanceof String h && !h.isBlank()
            ? Optional.of(Requests.oneLine(h))
            : Optional.empty();
    return new Exec(
        (String) command, List.copyOf(args), Map.copyOf(env), apiVersion, user.dir, hint);
  }

  private static Optional<byte[]> data(Named n, String dataKey, String fileKey) {
    String data = string(n.body, dataKey, n);
    if (!data.isEmpty()) {
      try {
        return Optional.of(Base64.getMimeDecoder().decode(data));
      } catch (IllegalArgumentException e) {
        throw config(n.name + " in " + n.file + ": " + dataKey + " is not valid base64");
      }
    }
    String file = string(n.body, fileKey, n);
    if (!file.isEmpty()) {
      Path p = n.dir.resolve(file);
      try {
        return Optional.of(Files.readAllBytes(p));
      } catch (IOException e) {
        throw config(n.name + " in " + n.file + ": cannot read " + fileKey + " " + p);
      }
    }
    return Optional.empty();
  }

  private static String string(Map<String, Object> m, String key, Named where) {
    Object v = m.get(key);
    if (v == null) {
      return "";
    }
    if (v instanceof Map || v instanceof List) {
      throw config(where.name + " in " + where.file + ": " + key + " must be a string");
    }
    return v instanceof io.meshsdk.core.manifest.YamlScalar y ? y.text() : String.valueOf(v);
  }

  private static Optional<String> opt(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static String known(Map<String, Named> contexts) {
    return contexts.isEmpty()
        ? " (it defines no contexts)"
        : " (known: " + String.join(", ", contexts.keySet()) + ")";
  }

  static ClusterAccessException config(String message) {
    return ClusterAccessException.builder(Failure.CONFIGURATION, message).build();
  }
}
