package io.meshsdk.install;

import io.meshsdk.install.internal.ChartFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a Helm chart comes from: a chart folder, a packaged chart ({@code .tgz}), or a chart in a
 * Helm chart repository (its URL, the chart name and a version), which Helm itself pulls.
 *
 * <p>A folder is never written to: it is rendered from a temporary copy (with the folders of its
 * {@code file://} dependencies at the same relative place), because Helm's dependency build writes
 * the packaged dependencies into the chart's {@code charts/} folder. Immutable and thread-safe.
 */
public final class ChartSource {
  /** What kind of source this is. */
  public enum Kind {
    /** An unpacked chart folder with a {@code Chart.yaml}. */
    FOLDER,
    /** A packaged chart, {@code .tgz}. */
    ARCHIVE,
    /** A chart in a Helm chart repository ({@code index.yaml} at a URL). */
    REPOSITORY
  }

  private final Kind kind;
  private final Path path;
  private final URI repository;
  private final String chartName;
  private final String version;

  private ChartSource(Kind kind, Path path, URI repository, String chartName, String version) {
    this.kind = kind;
    this.path = path;
    this.repository = repository;
    this.chartName = chartName;
    this.version = version;
  }

  /**
   * A chart folder, e.g. {@code charts/linkerd-control-plane}.
   *
   * @param folder the folder holding {@code Chart.yaml}
   * @return the source
   * @throws InstallException when the folder has no {@code Chart.yaml}
   */
  public static ChartSource folder(Path folder) {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isRegularFile(folder.resolve("Chart.yaml"))) {
      throw new InstallException("chart folder " + folder + ": no Chart.yaml in it");
    }
    return new ChartSource(Kind.FOLDER, folder, null, null, null);
  }

  /**
   * A packaged chart, as {@code helm package} or {@code helm pull} writes it.
   *
   * @param archive the {@code .tgz} file
   * @return the source
   * @throws InstallException when the file does not exist
   */
  public static ChartSource archive(Path archive) {
    Objects.requireNonNull(archive, "archive");
    if (!Files.isRegularFile(archive)) {
      throw new InstallException("chart archive " + archive + ": no such file");
    }
    return new ChartSource(Kind.ARCHIVE, archive, null, null, null);
  }

  /**
   * A chart in a Helm chart repository, pulled by Helm (as {@code helm template NAME --repo URL
   * --version V} does). Helm keeps the downloaded index and archive in its repository cache ({@code
   * $HELM_REPOSITORY_CACHE}, by default {@code ~/.cache/helm/repository}); the user's repository
   * list is neither read nor changed.
   *
   * @param repository the repository URL, e.g. {@code https://helm.linkerd.io/edge}
   * @param chartName the chart name, e.g. {@code linkerd-control-plane}
   * @param version the chart version or a Helm version constraint; null for the latest
   * @return the source
   * @throws InstallException when the URL is not http(s) or the name is blank
   */
  public static ChartSource repository(URI repository, String chartName, String version) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(chartName, "chartName");
    String scheme =
        repository.getScheme() == null ? "" : repository.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InstallException("chart repository " + repository + ": not an http(s) URL");
    }
    if (chartName.isBlank() || chartName.contains("/")) {
      throw new InstallException("chart name '" + chartName + "' is not a chart name");
    }
    return new ChartSource(
        Kind.REPOSITORY,
        null,
        repository,
        chartName,
        version == null || version.isBlank() ? null : version);
  }

  /**
   * Reads a command-line chart reference: an existing folder, an existing {@code .tgz} file, or
   * {@code http(s)://REPOSITORY/NAME} (the repository URL followed by the chart name).
   *
   * @param reference the reference
   * @param version the version for a repository chart; must be null for a folder or archive
   * @return the source
   * @throws InstallException when the reference is none of these
   */
  public static ChartSource parse(String reference, String version) {
    Objects.requireNonNull(reference, "reference");
    String lower = reference.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      String trimmed = reference.replaceAll("/+$", "");
      int slash = trimmed.lastIndexOf('/');
      URI repo = URI.create(trimmed.substring(0, slash));
      if (repo.getPath() == null || repo.getHost() == null) {
        throw new InstallException(
            "chart " + reference + ": a repository chart is the repository URL followed by /NAME");
      }
      return repository(repo, trimmed.substring(slash + 1), version);
    }
    Path p = Path.of(reference);
    if (version != null) {
      throw new InstallException(
          "--version applies only to a chart in a repository, not to " + reference);
    }
    if (Files.isDirectory(p)) {
      return folder(p);
    }
    if (Files.isRegularFile(p)) {
      return archive(p);
    }
    throw new InstallException(
        "chart "
            + reference
            + ": no such folder or file (a repository"
            + " chart is given as its repository URL followed by /NAME, e.g."
            + " https://helm.linkerd.io/edge/linkerd-control-plane)");
  }

  /**
   * The kind of source.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The folder or archive.
   *
   * @return the path; empty for a repository chart
   */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /**
   * The repository URL.
   *
   * @return the URL; empty unless this is a repository chart
   */
  public Optional<URI> repositoryUrl() {
    return Optional.ofNullable(repository);
  }

  /**
   * The chart version asked of a repository.
   *
   * @return the version or constraint; empty for the latest, a folder or an archive
   */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /**
   * The chart's name: {@code name} of its {@code Chart.yaml} for a folder or an archive, the name
   * asked for a repository chart.
   *
   * @return the name, e.g. {@code linkerd-control-plane}
   * @throws InstallException when the chart's metadata cannot be read
   */
  public String chartName() {
    switch (kind) {
      case REPOSITORY:
        return chartName;
      case FOLDER:
        return ChartFiles.chartName(path);
      default:
        return ChartFiles.archiveChartName(path);
    }
  }

  /**
   * A file of the chart, e.g. {@code values-ha.yaml}, read from the folder or from inside the
   * archive.
   *
   * @param name the file's path inside the chart
   * @return its text; empty when the chart has no such file
   * @throws InstallException for a repository chart (pull it first: {@code helm pull --untar}), or
   *     when the chart cannot be read
   */
  public Optional<String> readFile(String name) {
    switch (kind) {
      case FOLDER:
        return ChartFiles.readFolderFile(path, name);
      case ARCHIVE:
        return ChartFiles.readArchiveFile(path, name);
      default:
        throw new InstallException(
            "chart "
                + chartName
                + " from "
                + repository
                + ": its file "
                + name
                + " cannot be read before Helm pulls it; use the chart"
                + " folder or .tgz (helm pull --untar)");
    }
  }

  /** Returns where the chart is, e.g. {@code folder charts/linkerd-crds}. */
  @Override
  public String toString() {
    switch (kind) {
      case FOLDER:
        return "folder " + path;
      case ARCHIVE:
        return "archive " + path;
      default:
        return "chart "
            + chartName
            + (version == null ? "" : " " + version)
            + " from "
            + repository;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChartSource c
        && kind == c.kind
        && Objects.equals(path, c.path)
        && Objects.equals(repository, c.repository)
        && Objects.equals(chartName, c.chartName)
        && Objects.equals(version, c.version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, path, repository, chartName, version);
  }
}
