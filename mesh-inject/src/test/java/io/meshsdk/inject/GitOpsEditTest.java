package io.meshsdk.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meshsdk.core.manifest.DocumentEdits;
import io.meshsdk.core.manifest.Manifest;
import io.meshsdk.core.manifest.ManifestReader;
import io.meshsdk.core.manifest.ManifestWriter;
import io.meshsdk.core.manifest.TextEdit;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GitOps-style files (comments everywhere, flow style, single and double quotes, anchors and
 * aliases, {@code ---}/{@code ...} markers, a {@code %YAML} directive, CRLF, 2- and 4-space
 * indentation, indented and non-indented sequences, literal blocks with {@code #} inside, pretty
 * JSON, no final newline), injected in both modes: only the lines Linkerd owns change, every
 * comment is kept, the data is what inject produces as a tree, uninject gives the input back byte
 * for byte, and injecting again changes nothing.
 */
class GitOpsEditTest {
  private final ManifestReader reader = ManifestReader.create();

  static Stream<Arguments> files() throws IOException, URISyntaxException {
    Path dir = Path.of(GitOpsEditTest.class.getResource("/gitops").toURI());
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        for (InjectMode mode : InjectMode.values()) {
          out.add(Arguments.of(p.getFileName().toString(), mode, p));
        }
      }
    }
    return out.stream();
  }

  private static Injector injector(InjectMode mode) {
    return Injector.builder()
        .installedValues(TestValues.installed())
        .mode(mode)
        .createdBy("t")
        .build();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static String write(List<Manifest> docs) {
    StringWriter out = new StringWriter();
    ManifestWriter w = ManifestWriter.yaml(out);
    docs.forEach(w::write);
    w.flush();
    return out.toString();
  }

  private List<Object> roots(List<Manifest> docs) {
    List<Object> out = new ArrayList<>();
    for (Manifest m : docs) {
      out.add(m.root());
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("files")
  void should_change_only_the_lines_linkerd_owns_and_keep_every_comment(
      String name, InjectMode mode, Path file) throws IOException {
    String input = read(file);
    InjectionResult r = injector(mode).newSession().injectAll(reader.readAll(input, name));
    String out = write(r.documents());

    for (Manifest d : r.documents()) {
      DocumentEdits e = d.edits();
      assertThat(e.inPlace()).as("%s: %s", d, e.declined()).isTrue();
    }
    assertThat(roots(reader.readAll(out, "out")))
        .as("data as inject's trees")
        .isEqualTo(roots(r.documents()));
    assertThat(apply(input, r.documents())).as("the edits give the output").isEqualTo(out);

    List<String> in = lines(input);
    List<String> got = lines(out);
    for (String line : in) {
      if (line.contains("#") && !line.contains("linkerd.io/")) {
        assertThat(got).as("comment line kept").contains(line);
      }
    }
    List<String[]> changed = changedLines(in, got);
    for (String[] c : changed) {
      String old = c[0];
      boolean owned =
          old.contains("linkerd.io/")
              || old.contains("*") // an alias expanded in place
              || c[1] != null && onlyInsertions(old, c[1]);
      assertThat(owned).as("removed line %s (replaced by %s)", old, c[1]).isTrue();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("files")
  void should_give_the_input_back_byte_for_byte_on_uninject_and_edit_nothing_on_reinject(
      String name, InjectMode mode, Path file) throws IOException {
    String input = read(file);
    String out =
        write(injector(mode).newSession().injectAll(reader.readAll(input, name)).documents());

    String again =
        write(injector(mode).newSession().injectAll(reader.readAll(out, name)).documents());
    assertThat(again).as("inject(inject(x)) == inject(x) as text").isEqualTo(out);

    assumeTrue(!input.contains("linkerd.io/"), "the input carries Linkerd metadata");
    List<Manifest> back = Uninjector.create().uninjectAll(reader.readAll(out, name)).documents();
    if (count(out, '*') < count(input, '*')) { // an alias had to be expanded: equal as data
      assertThat(roots(back)).isEqualTo(roots(reader.readAll(input, name)));
    } else {
      assertThat(write(back)).isEqualTo(input);
    }
  }

  private static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }

  /** The input with every document's edits applied, as the writer joins them. */
  private static String apply(String input, List<Manifest> docs) {
    List<String> lines = new ArrayList<>(lines(input));
    int shift = 0;
    List<TextEdit> all = new ArrayList<>();
    for (Manifest d : docs) {
      all.addAll(d.edits().edits());
    }
    List<String> out = new ArrayList<>();
    int next = 0; // 0-based index of the next input line to copy
    for (TextEdit e : all) {
      while (next < e.line() - 1) {
        out.add(lines.get(next++));
      }
      out.addAll(lines(e.inserted()));
      next += e.lineCount();
      shift += e.insertedLineCount() - e.lineCount();
    }
    while (next < lines.size()) {
      out.add(lines.get(next++));
    }
    assertThat(shift).isEqualTo(out.size() - lines.size());
    return String.join("", out);
  }

  /** Lines with their line ends. */
  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int at = 0;
    while (at < s.length()) {
      int nl = s.indexOf('\n', at);
      int end = nl < 0 ? s.length() : nl + 1;
      out.add(s.substring(at, end));
      at = end;
    }
    return out;
  }

  /** Whether {@code after} is {@code before} with characters inserted (a flow line extended). */
  private static boolean onlyInsertions(String before, String after) {
    int j = 0;
    for (int i = 0; i < after.length() && j < before.length(); i++) {
      if (after.charAt(i) == before.charAt(j)) {
        j++;
      }
    }
    return j == before.length();
  }

  /**
   * The input lines a line diff (longest common subsequence) does not keep, each with the output
   * line at the same place of the diff (or null).
   */
  private static List<String[]> changedLines(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String[]> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n) {
      if (j < m && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (j >= m || lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.add(new String[] {a.get(i), j < m ? b.get(j) : null});
        i++;
      } else {
        j++;
      }
    }
    return out;
  }
}
