package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListQueryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app",
        "!app",
        "app=web",
        "app==web",
        "app!=web",
        "app in (a,b)",
        "app notin (a)",
        "linkerd.io/control-plane-ns,!linkerd.io/cni-resource",
        " app = web , tier in ( x , y ) ",
        "app=",
        "x>1",
        "x<10",
        "example.com/a_b.c-d=v_1.2-3",
        "in=notin"
      })
  void should_accept_what_the_api_server_accepts(String selector) {
    assertThat(ListQuery.inAllNamespaces().withLabelSelector(selector).labelSelector())
        .contains(selector.strip());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app in ()         | values set can't be empty",
        "app in a          | expected: '('",
        "app=web=x         | expected: ',' or 'end of string'",
        "app,              | expected: identifier after ','",
        "=web              | expected: !, identifier",
        "-app=web          | invalid label key \"-app\"",
        "Example.com/a=b   | prefix part must be a lowercase DNS subdomain",
        "app=-web          | invalid label value \"-web\"",
        "app web           | expected: '=', '!=', '==', 'in', notin'",
        "x>a               | must be an integer",
        "app in (a b)      | expected: ',' or ')'",
      })
  void should_reject_malformed_label_selectors_saying_what_is_wrong(String selector, String why) {
    assertThatThrownBy(() -> ListQuery.inAllNamespaces().withLabelSelector(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + selector + "\"")
        .hasMessageContaining(why);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "metadata.name        | can't understand 'metadata.name'",
        "=x                   | no field name",
        "a=b\\c               | invalid escape sequence",
      })
  void should_reject_malformed_field_selectors(String selector, String why) {
    assertThatThrownBy(() -> ListQuery.inAllNamespaces().withFieldSelector(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why);
  }

  @Test
  void should_be_equal_when_equal_and_print_as_kubectl_flags() {
    ListQuery a =
        ListQuery.inNamespace("linkerd")
            .withLabelSelector("app")
            .withFieldSelector("status.phase=Running");
    ListQuery b =
        ListQuery.inNamespace("linkerd")
            .withFieldSelector("status.phase=Running")
            .withLabelSelector(" app ");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).isEqualTo("-n linkerd -l app --field-selector status.phase=Running");
    assertThat(ListQuery.inAllNamespaces().toString()).isEqualTo("-A");
    assertThat(ListQuery.inAllNamespaces().withLabelSelector("").labelSelector()).isEmpty();
  }

  @Test
  void should_reject_an_empty_namespace() {
    assertThatThrownBy(() -> ListQuery.inNamespace(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
