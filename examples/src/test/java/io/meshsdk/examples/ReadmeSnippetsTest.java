package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
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
   * The SDK's modules and their dependencies, without the test libraries: a snippet sees what a
   * user's code sees, the exported packages only.
   */
  private static String modulePath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !TEST_ONLY.matcher(e).find())
        .filter(e -> e.endsWith(".jar") || Files.isRegularFile(Paths.get(e, "module-info.class")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  @ParameterizedTest
  @MethodSource("snippets")
  void should_compile_readme_snippet(String source, @TempDir Path out) {
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
            .getTask(diagnostics, null, null,
                List.of("-d", out.toString(), "-classpath", out.toString(),
                    "--module-path", modulePath(),
                    "--add-modules", "io.meshsdk.core,io.meshsdk.inject",
                    "--release", "17", "-proc:none"),
                null, List.of(file))
            .call();
    assertThat(ok).as("README snippet %s compiles:%n%s", name, diagnostics).isTrue();
  }
}
