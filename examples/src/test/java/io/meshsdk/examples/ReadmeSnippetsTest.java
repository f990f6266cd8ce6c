package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ```java block of the README compiles against the SDK's exported API as it is. */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
  private static final Pattern TEST_ONLY =
      Pattern.compile("test-classes|-tests\\.jar|junit|assertj|opentest4j|apiguardian");
  private static final Pattern TYPE =
      Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?(?:class|record|interface)\\s+(\\w+)");

  static Stream<String> snippets() throws IOException {
    Path readme = Paths.get("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    assertThat(out).as("java blocks in README.md").isNotEmpty();
    return out.stream();
  }

  /**
   * The SDK's modules with a module descriptor and every library jar, without the test libraries: a
   * snippet sees the exported packages of the modular artifacts only.
   */
  private static String modulePath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !TEST_ONLY.matcher(e).find())
        .filter(e -> e.endsWith(".jar") || Files.isRegularFile(Paths.get(e, "module-info.class")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * What a snippet reads from the class path: the SDK artifacts that are automatic modules
   * (mesh-cluster, mesh-testing, mesh-checks, mesh-install: they depend on non-modular jars) and
   * the test libraries a JUnit snippet uses, beside the snippet's own output folder.
   */
  private static String classPath(Path out) {
    return Stream.concat(
            Stream.of(out.toString()),
            Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("test-classes"))
                .filter(
                    e ->
                        TEST_ONLY.matcher(e).find()
                            || (!e.endsWith(".jar")
                                && !Files.isRegularFile(Paths.get(e, "module-info.class")))))
        .collect(Collectors.joining(File.pathSeparator));
  }

  @ParameterizedTest
  @MethodSource("snippets")
  void should_compile_readme_snippet(String source, @TempDir Path out) {
    compile(source, out);
  }

  /** A System.out stand-in that records a close. */
  private static final class Stdout extends PrintStream {
    boolean closed;

    Stdout(ByteArrayOutputStream bytes) {
      super(bytes, true, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      closed = true;
      super.close();
    }
  }

  @Test
  void should_run_the_manifest_snippet_without_closing_system_out(@TempDir Path out)
      throws Exception {
    String source =
        snippets().filter(s -> s.contains("class ReadmeSnippet")).findFirst().orElseThrow();
    String name = compile(source, out);
    Path manifests = Files.createDirectories(out.resolve("in"));
    Files.writeString(
        manifests.resolve("web.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Stdout stdout = new Stdout(bytes);
    PrintStream saved = System.out;
    System.setOut(stdout);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      Method annotate = loader.loadClass(name).getDeclaredMethod("annotate", Path.class);
      annotate.setAccessible(true);
      annotate.invoke(null, manifests);
    } finally {
      System.setOut(saved);
    }
    assertThat(stdout.closed).as("System.out closed by the snippet").isFalse();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("linkerd.io/inject: enabled");
  }

  private static String compile(String source, Path out) {
    Matcher type = TYPE.matcher(source);
    assertThat(type.find()).as("snippet declares a top-level type:\n" + source).isTrue();
    String name = type.group(1);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    boolean ok =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-d",
                    out.toString(),
                    "-classpath",
                    classPath(out),
                    "--module-path",
                    modulePath(),
                    "--add-modules",
                    "ALL-MODULE-PATH",
                    "--release",
                    "17",
                    "-proc:none"),
                null,
                List.of(file))
            .call();
    assertThat(ok).as("README snippet %s compiles:%n%s", name, diagnostics).isTrue();
    return name;
  }
}
