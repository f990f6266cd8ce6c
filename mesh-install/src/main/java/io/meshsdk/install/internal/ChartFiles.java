package io.meshsdk.install.internal;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.values.HelmValues;
import io.meshsdk.install.InstallException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reading chart metadata and files, and the temporary copy a folder is rendered from. */
public final class ChartFiles {
  private static final int BLOCK = 512;
  private static final long MAX_FILE = 16L * 1024 * 1024;

  private ChartFiles() {}

  /** {@code name} of a folder's Chart.yaml. */
  public static String chartName(Path folder) {
    return metadata(folder.resolve("Chart.yaml"), "chart folder " + folder)
        .getString("name")
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> new InstallException(folder.resolve("Chart.yaml") + ": no name"));
  }

  /** {@code name} of the Chart.yaml at the top of an archive. */
  public static String archiveChartName(Path archive) {
    String text =
        readArchiveEntry(archive, (top, rest) -> rest.equals("Chart.yaml"))
            .orElseThrow(
                () ->
                    new InstallException(
                        "chart archive " + archive + ": no Chart.yaml at its top"));
    try {
      return HelmValues.fromYaml(text, archive + "!Chart.yaml")
          .getString("name")
          .filter(s -> !s.isBlank())
          .orElseThrow(() -> new InstallException(archive + "!Chart.yaml: no name"));
    } catch (MeshException e) {
      throw new InstallException("chart archive " + archive + ": " + e.getMessage(), e);
    }
  }

  /** A file of a chart folder, if it exists. */
  public static Optional<String> readFolderFile(Path folder, String name) {
    Path f = folder.resolve(name).normalize();
    if (!f.startsWith(folder.normalize())) {
      throw new InstallException("chart file " + name + " is outside the chart");
    }
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InstallException("chart file " + f + ": " + e.getMessage(), e);
    }
  }

  /** A file of the chart inside an archive ({@code <chart>/<name>}), if it exists. */
  public static Optional<String> readArchiveFile(Path archive, String name) {
    return readArchiveEntry(archive, (top, rest) -> rest.equals(name));
  }

  private interface EntryFilter {
    boolean test(String top, String rest);
  }

  /** Reads a .tgz (ustar, GNU long names, pax paths) until the first matching regular file. */
  private static Optional<String> readArchiveEntry(Path archive, EntryFilter filter) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (readFully(in, header)) {
        if (isZero(header)) {
          return Optional.empty();
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        long size = octal(header, 124, 12, archive);
        char type = (char) header[156];
        if (type == 'L' || type == 'x') {
          String data = new String(readData(in, size, archive), StandardCharsets.UTF_8);
          longName = type == 'L' ? data.replace("\0", "") : paxPath(data, longName);
          continue;
        }
        String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
        longName = null;
        if (path.startsWith("./")) {
          path = path.substring(2);
        }
        int slash = path.indexOf('/');
        boolean regular = type == '0' || type == '\0';
        if (regular
            && slash > 0
            && filter.test(path.substring(0, slash), path.substring(slash + 1))) {
          return Optional.of(new String(readData(in, size, archive), StandardCharsets.UTF_8));
        }
        skip(in, padded(size), archive);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new InstallException(
          "chart archive " + archive + ": cannot be read as a .tgz: " + e.getMessage(), e);
    }
  }

  private static String paxPath(String records, String previous) {
    for (String line : records.split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.startsWith("path=", sp + 1)) {
        return line.substring(sp + 1 + "path=".length());
      }
    }
    return previous;
  }

  private static byte[] readData(InputStream in, long size, Path archive) throws IOException {
    if (size > MAX_FILE) {
      throw new InstallException(
          "chart archive "
              + archive
              + ": an entry of "
              + size
              + " bytes is too large for a chart file");
    }
    byte[] data = new byte[(int) size];
    if (!readFully(in, data)) {
      throw new InstallException("chart archive " + archive + ": truncated");
    }
    skip(in, padded(size) - size, archive);
    return data;
  }

  private static long padded(long size) {
    return (size + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static void skip(InputStream in, long n, Path archive) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new InstallException("chart archive " + archive + ": truncated");
        }
        s = 1;
      }
      left -= s;
    }
  }

  private static boolean readFully(InputStream in, byte[] buf) throws IOException {
    int off = 0;
    while (off < buf.length) {
      int r = in.read(buf, off, buf.length - off);
      if (r < 0) {
        if (off == 0) {
          return false;
        }
        throw new IOException("truncated tar block");
      }
      off += r;
    }
    return true;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len, Path archive) {
    String s = text(b, off, len).trim();
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new InstallException("chart archive " + archive + ": not a tar archive");
    }
  }

  /**
   * Copies a chart folder and the folders of its {@code file://} dependencies (recursively) into
   * {@code target}, keeping their relative layout, and returns the chart's copy.
   */
  public static Path copyWithLocalDependencies(Path chart, Path target) {
    Path root = chart.toAbsolutePath().normalize();
    Set<Path> folders = new LinkedHashSet<>();
    collect(root, folders);
    Path common = root;
    for (Path f : folders) {
      while (!f.startsWith(common)) {
        common = common.getParent();
        if (common == null) {
          throw new InstallException(
              "chart " + chart + ": its file:// dependencies are on" + " another file system root");
        }
      }
    }
    for (Path f : folders) {
      copyTree(f, target.resolve(common.relativize(f).toString()));
    }
    return target.resolve(common.relativize(root).toString());
  }

  private static void collect(Path folder, Set<Path> out) {
    if (!out.add(folder)) {
      return;
    }
    for (Map<String, Object> dep : dependencies(folder)) {
      Object repo = dep.get("repository");
      if (repo instanceof String r && r.startsWith("file://")) {
        Path d = folder.resolve(r.substring("file://".length())).normalize();
        if (!Files.isRegularFile(d.resolve("Chart.yaml"))) {
          throw new InstallException(
              "chart "
                  + folder
                  + ": dependency "
                  + dep.get("name")
                  + " at "
                  + r
                  + " is not a chart folder ("
                  + d
                  + ")");
        }
        collect(d, out);
      }
    }
  }

  /** The dependencies a chart declares (Chart.yaml, or requirements.yaml of apiVersion v1). */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> dependencies(Path folder) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String file : List.of("Chart.yaml", "requirements.yaml")) {
      Path f = folder.resolve(file);
      if (!Files.isRegularFile(f)) {
        continue;
      }
      List<Object> deps =
          metadata(f, "chart folder " + folder).getList("dependencies").orElse(List.of());
      for (Object d : deps) {
        if (d instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  /** Whether a declared dependency has no folder or archive in {@code charts/}. */
  public static boolean missesDependencies(Path folder) {
    Path charts = folder.resolve("charts");
    for (Map<String, Object> dep : dependencies(folder)) {
      Object name = dep.get("name");
      if (!(name instanceof String n)) {
        continue;
      }
      if (Files.isDirectory(charts.resolve(n))) {
        continue;
      }
      try (Stream<Path> s = Files.isDirectory(charts) ? Files.list(charts) : Stream.empty()) {
        if (s.noneMatch(
            p ->
                p.getFileName().toString().startsWith(n + "-")
                    && p.getFileName().toString().endsWith(".tgz"))) {
          return true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }

  private static HelmValues metadata(Path file, String what) {
    try {
      return HelmValues.fromFile(file);
    } catch (MeshException e) {
      throw new InstallException(what + ": " + e.getMessage(), e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try {
      Files.walkFileTree(
          from,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Files.createDirectories(to.resolve(from.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Path dest = to.resolve(from.relativize(file).toString());
              if (!Files.exists(dest)) {
                Files.copy(file, dest);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new InstallException("cannot copy chart " + from + " to " + to + ": " + e, e);
    }
  }

  /** Deletes a folder tree, quietly (best effort: it is a temporary folder). */
  public static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }
}
