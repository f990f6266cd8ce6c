package io.meshsdk.core.linkerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkerdVersionTest {

  @ParameterizedTest
  @CsvSource({
    "stable-2.11.2, STABLE, 2, 11, 2",
    "edge-26.8.3, EDGE, 26, 8, 3",
    "enterprise-2.17.1, ENTERPRISE, 2, 17, 1",
    "dev-0e5f3d3-alex, DEV, 0, 0, 0",
  })
  void should_parse_each_channel(String text, LinkerdVersion.Channel channel, int a, int b, int c) {
    LinkerdVersion v = LinkerdVersion.parse(text);
    assertThat(v.channel()).isEqualTo(channel);
    assertThat(List.of(v.major(), v.minor(), v.patch())).containsExactly(a, b, c);
    assertThat(v).hasToString(text);
  }

  @ParameterizedTest
  @CsvSource({
    "edge-26.8.3, edge-26.8.2",
    "edge-26.10.1, edge-26.9.9",
    "edge-26.1.1, edge-25.12.4",
    "stable-2.11.2, stable-2.11.1",
    "stable-2.14.10, stable-2.9.0",
    "enterprise-2.17.1, stable-2.14.10",
    "enterprise-2.17.1-2, enterprise-2.17.1-1",
    "enterprise-2.17.1-1, enterprise-2.17.1",
    "stable-2.14.0, stable-2.14.0-rc1",
  })
  void should_compare_versions_of_a_line(String newer, String older) {
    LinkerdVersion n = LinkerdVersion.parse(newer);
    LinkerdVersion o = LinkerdVersion.parse(older);
    assertThat(n.isNewerThan(o)).isTrue();
    assertThat(o.isNewerThan(n)).isFalse();
    assertThat(n.compareTo(o)).isPositive();
  }

  @Test
  void should_refuse_to_compare_across_numbering_schemes() {
    LinkerdVersion edge = LinkerdVersion.parse("edge-26.8.3");
    LinkerdVersion stable = LinkerdVersion.parse("stable-2.14.10");
    assertThat(edge.isComparableTo(stable)).isFalse();
    assertThatThrownBy(() -> edge.isNewerThan(stable))
        .isInstanceOf(LinkerdException.class)
        .hasMessage(
            "cannot compare edge-26.8.3 with stable-2.14.10: edge and stable releases are numbered"
                + " differently");
    assertThatThrownBy(
            () -> LinkerdVersion.parse("dev-a").isNewerThan(LinkerdVersion.parse("dev-b")))
        .hasMessageContaining("dev builds have no release order");
  }

  @Test
  void should_sort_totally() {
    List<LinkerdVersion> l = new ArrayList<>();
    for (String s :
        List.of("edge-26.8.3", "dev-x", "stable-2.11.2", "enterprise-2.17.1", "edge-24.1.1")) {
      l.add(LinkerdVersion.parse(s));
    }
    Collections.sort(l);
    assertThat(l)
        .extracting(LinkerdVersion::toString)
        .containsExactly(
            "stable-2.11.2", "enterprise-2.17.1", "edge-24.1.1", "edge-26.8.3", "dev-x");
    assertThat(LinkerdVersion.parse("stable-2.11.2"))
        .isEqualTo(LinkerdVersion.parse("stable-2.11.2"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty Linkerd version",
        "stable-2.11|malformed Linkerd version \"stable-2.11\": expected stable-MAJOR.MINOR.PATCH "
            + "such as stable-2.11.2",
        "edge-26.8|expected edge-YY.M.N such as edge-26.8.3",
        "beta-1.2.3|unknown Linkerd release channel \"beta\" in \"beta-1.2.3\": expected stable-, "
            + "edge-, enterprise- or dev-",
        "2.11.2|unknown Linkerd release channel \"2.11.2\"",
        "dev-|dev- needs a build name",
        "stable-2.x.1|malformed Linkerd version",
      })
  void should_explain_bad_versions(String text, String message) {
    assertThatThrownBy(() -> LinkerdVersion.parse(text))
        .isInstanceOf(LinkerdException.class)
        .hasMessageContaining(message);
    assertThat(LinkerdVersion.tryParse(text)).isEmpty();
  }
}
