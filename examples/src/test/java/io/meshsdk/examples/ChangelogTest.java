package io.meshsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CHANGELOG tells users about the API: it names no internal package or type. */
class ChangelogTest {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][\\w.]*");

  private static Set<String> internalTypes() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> modules = Files.list(Paths.get(".."))) {
      for (Path main :
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          files
              .filter(f -> main.relativize(f).toString().contains("internal"))
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
              .forEach(n -> names.add(n.substring(0, n.length() - ".java".length())));
        }
      }
    }
    return names;
  }

  @Test
  void should_name_no_internal_package_or_type() throws IOException {
    Set<String> internal = internalTypes();
    String changelog = Files.readString(Paths.get("..", "CHANGELOG.md"), StandardCharsets.UTF_8);
    List<String> advertised = new ArrayList<>();
    Matcher code = CODE.matcher(changelog);
    while (code.find()) {
      Matcher word = WORD.matcher(code.group(1));
      while (word.find()) {
        String w = word.group();
        String simple = w.substring(w.lastIndexOf('.') + 1);
        if (w.contains(".internal") || internal.contains(simple)) {
          advertised.add(code.group());
        }
      }
    }

    assertThat(internal).as("internal types found in the sources").contains("GoText", "Frozen");
    assertThat(advertised).as("internal names in CHANGELOG.md").isEmpty();
  }
}
