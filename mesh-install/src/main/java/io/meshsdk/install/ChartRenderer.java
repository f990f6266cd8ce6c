package io.meshsdk.install;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.install.internal.ChartFiles;
import io.meshsdk.install.internal.HelmErrors;
import io.meshsdk.install.internal.HelmOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a chart with real Helm ({@code helm template}, Helm v3.21 in-process through helm-java)
 * into mesh-core {@link Manifest}s, in Helm's install order (Helm's {@code InstallOrder} by kind:
 * Namespace, ServiceAccount, Secret, ConfigMap, CustomResourceDefinition, RBAC, Service,
 * Deployment, …, webhooks last; other kinds after those, by name).
 *
 * <p>The values go to Helm as a values file (as {@code helm template -f}), not as {@code --set}
 * strings, so strings stay strings and booleans booleans; Helm coalesces them onto the chart's own
 * defaults. The file is written owner-only into a temporary folder and deleted after the render,
 * like the temporary copy a chart folder is rendered from. Each manifest is located at its template
 * ({@code linkerd-control-plane/templates/identity.yaml}) and keeps Helm's text, {@code # Source:}
 * comment included.
 *
 * <p>Helm's own log lines (e.g. coalescing warnings) go to the process's stderr, never to stdout.
 * Immutable and thread-safe.
 */
public final class ChartRenderer {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path tempRoot;

  private ChartRenderer(Path tempRoot) {
    this.tempRoot = tempRoot;
  }

  /**
   * A renderer that works in {@code java.io.tmpdir}.
   *
   * @return the renderer
   */
  public static ChartRenderer create() {
    return new ChartRenderer(null);
  }

  /**
   * A renderer whose temporary folders (chart copy, values file, repository list) go under another
   * folder.
   *
   * @param folder an existing folder
   * @return the renderer
   */
  public static ChartRenderer withTempDirectory(Path folder) {
    return new ChartRenderer(Objects.requireNonNull(folder, "folder"));
  }

  /**
   * Renders a chart.
   *
   * @param source the chart
   * @param values the user values (coalesced by Helm onto the chart defaults)
   * @param release the release name ({@code .Release.Name})
   * @param namespace the release namespace ({@code .Release.Namespace})
   * @param kubeVersion the Kubernetes version the chart is rendered for ({@code
   *     .Capabilities.KubeVersion}), e.g. {@code 1.31.0}
   * @return the manifests in install order
   * @throws RenderException when Helm refuses the chart or the values
   * @throws InstallException when the chart cannot be read or copied
   */
  public List<Manifest> render(
      ChartSource source, HelmValues values, String release, String namespace, String kubeVersion) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(kubeVersion, "kubeVersion");
    String chart =
        source.kind() == ChartSource.Kind.REPOSITORY
            ? source.chartName()
            : source.path().orElseThrow().toString();
    List<String> secrets = secrets(values);
    Path work = createWorkFolder();
    try {
      Path valuesFile = work.resolve("values.json");
      writeOwnerOnly(valuesFile, values.toJson());
      TemplateCommand template;
      String repositoryName = null;
      Path repositoryConfig = null;
      switch (source.kind()) {
        case FOLDER:
          {
            chart = source.chartName();
            Path copy =
                ChartFiles.copyWithLocalDependencies(
                    source.path().orElseThrow(), work.resolve("chart"));
            if (ChartFiles.missesDependencies(copy)) {
              try {
                new Helm(copy).dependency().build().call();
              } catch (IllegalStateException e) {
                throw new RenderException(
                    chart,
                    null,
                    "cannot build its dependencies: "
                        + HelmErrors.redact(String.valueOf(e.getMessage()), secrets).strip());
              }
            }
            template = new Helm(copy).template();
            break;
          }
        case ARCHIVE:
          chart = source.chartName();
          template = new Helm(source.path().orElseThrow().toAbsolutePath()).template();
          break;
        default:
          {
            repositoryName = "mesh-" + HexFormat.of().formatHex(randomBytes());
            repositoryConfig = work.resolve("repositories.yaml");
            try {
              Helm.repo()
                  .add()
                  .withRepositoryConfig(repositoryConfig)
                  .withName(repositoryName)
                  .withUrl(source.repositoryUrl().orElseThrow())
                  .call();
            } catch (IllegalStateException e) {
              throw new RenderException(
                  chart,
                  null,
                  "cannot read chart repository "
                      + source.repositoryUrl().orElseThrow()
                      + ": "
                      + e.getMessage());
            }
            template =
                Helm.template(repositoryName + "/" + source.chartName())
                    .withRepositoryConfig(repositoryConfig);
            if (source.version().isPresent()) {
              template = template.withVersion(source.version().get());
            }
          }
      }
      String text;
      try {
        text =
            template
                .withName(release)
                .withNamespace(namespace)
                .withKubeVersion(kubeVersion)
                .withValuesFile(valuesFile)
                .call();
      } catch (IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        if (repositoryName != null) {
          message =
              message.replace(
                  repositoryName + " index",
                  "the index of " + source.repositoryUrl().orElseThrow());
        }
        throw HelmErrors.toException(chart, message, secrets);
      } finally {
        if (repositoryName != null) {
          removeRepository(repositoryConfig, repositoryName);
        }
      }
      return HelmOutput.parse(text, chart);
    } finally {
      ChartFiles.deleteTree(work);
    }
  }

  private static void removeRepository(Path config, String name) {
    try {
      Helm.repo().remove().withRepositoryConfig(config).withRepo(name).call();
    } catch (IllegalStateException e) {
      // best effort: the repository list is in the work folder, deleted next
    }
    // Helm cached the index of this uniquely named repository; the pulled archive stays cached
    Path cache = helmRepositoryCache();
    for (String suffix : List.of("-index.yaml", "-charts.txt")) {
      try {
        Files.deleteIfExists(cache.resolve(name + suffix));
      } catch (IOException e) {
        // best effort
      }
    }
  }

  /** Helm's repository cache folder, as Helm's {@code helmpath} finds it on Linux. */
  static Path helmRepositoryCache() {
    String explicit = System.getenv("HELM_REPOSITORY_CACHE");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    String cacheHome = System.getenv("HELM_CACHE_HOME");
    if (cacheHome == null || cacheHome.isEmpty()) {
      String xdg = System.getenv("XDG_CACHE_HOME");
      cacheHome =
          xdg == null || xdg.isEmpty()
              ? Path.of(System.getProperty("user.home"), ".cache", "helm").toString()
              : Path.of(xdg, "helm").toString();
    }
    return Path.of(cacheHome, "repository");
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  private Path createWorkFolder() {
    try {
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (tempRoot == null) {
        return posix
            ? Files.createTempDirectory(
                "mesh-render-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
            : Files.createTempDirectory("mesh-render-");
      }
      return posix
          ? Files.createTempDirectory(
              tempRoot,
              "mesh-render-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
          : Files.createTempDirectory(tempRoot, "mesh-render-");
    } catch (IOException e) {
      throw new InstallException("cannot create a temporary folder to render in: " + e, e);
    }
  }

  private static void writeOwnerOnly(Path file, String text) {
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InstallException("cannot write the values file for Helm: " + e, e);
    }
  }

  /** Every string of the values that holds a private key. */
  private static List<String> secrets(HelmValues values) {
    List<String> out = new ArrayList<>();
    collectSecrets(values.asMap(), out);
    return out;
  }

  private static void collectSecrets(Object node, List<String> out) {
    if (node instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectSecrets(v, out));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectSecrets(v, out));
    } else if (node instanceof String s && s.contains("PRIVATE KEY")) {
      out.add(s);
    }
  }

  @Override
  public String toString() {
    return "ChartRenderer[" + (tempRoot == null ? "java.io.tmpdir" : tempRoot) + "]";
  }
}
