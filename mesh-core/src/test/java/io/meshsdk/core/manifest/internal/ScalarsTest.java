package io.meshsdk.core.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

class ScalarsTest {

  /** What the resolvers say for a text starting with a letter, the slow way. */
  private static String viaResolver(String s) {
    Tag t = new Resolver().resolve(NodeId.scalar, s, true);
    if (!Tag.STR.equals(t)) {
      return t.getValue();
    }
    return List.of("y", "Y", "n", "N").contains(s) ? "tag:yaml.org,2002:bool" : null;
  }

  @Test
  void should_type_numeric_looking_texts_exactly_as_the_regular_expressions_do() {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "0",
                "4143",
                "0.0.0.0:4191",
                "10000ms",
                "30s",
                "1e3",
                "1E+3",
                "0x1F",
                "0o17",
                "0b101",
                "1_000",
                "190:20:30",
                "2001-12-14t21:59:43.10-05:00",
                "2002-12-14",
                ".inf",
                "-.Inf",
                ".NaN",
                "+12",
                "-_",
                "--incoming-proxy-port",
                "-1.5e-3",
                "1.2.3",
                "365d",
                "5m",
                "1h",
                "0.5",
                ".5",
                "-",
                "+",
                "."));
    Random rnd = new Random(11);
    String first = "0123456789-+.";
    String alphabet = "0123456789_.+-:eExXoObBabcdfABCDFtTzZ \tiInNmsgh";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder().append(first.charAt(rnd.nextInt(first.length())));
      for (int j = rnd.nextInt(8); j > 0; j--) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      texts.add(b.toString());
    }
    for (String t : texts) {
      assertThat(Scalars.nonStringTag(t)).as(t).isEqualTo(Scalars.resolvedTag(t));
    }
  }

  @Test
  void should_type_words_exactly_as_the_resolvers_do() {
    List<String> words =
        new ArrayList<>(
            List.of(
                "yes",
                "Yes",
                "YES",
                "yEs",
                "no",
                "No",
                "NO",
                "nO",
                "true",
                "True",
                "TRUE",
                "tRue",
                "false",
                "False",
                "FALSE",
                "on",
                "On",
                "ON",
                "oN",
                "off",
                "Off",
                "OFF",
                "y",
                "Y",
                "n",
                "N",
                "null",
                "Null",
                "NULL",
                "nULL",
                "name",
                "nodeName",
                "true1",
                "yes ",
                "offset",
                "t",
                "f",
                "o",
                "Infinity",
                "nan",
                "NaN",
                "e5",
                "x1"));
    Random rnd = new Random(7);
    String alphabet = "ynotfYNOTFaelrsuENLRSU0123456789.:- _";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      b.append("ynotfYNOTFabcXZ".charAt(rnd.nextInt(15)));
      for (int j = rnd.nextInt(6); j > 0; j--) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      words.add(b.toString());
    }
    for (String w : words) {
      assertThat(Scalars.nonStringTag(w)).as(w).isEqualTo(viaResolver(w));
    }
  }
}
