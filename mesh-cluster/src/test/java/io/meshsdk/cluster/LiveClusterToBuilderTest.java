package io.meshsdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LiveCluster#toBuilder()}: a variant of a live view is derived; nothing is requested. */
class LiveClusterToBuilderTest {
  @TempDir Path dir;

  private Path kubeconfig() throws IOException {
    return Files.writeString(
        dir.resolve("config"),
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "current-context: staging",
            "clusters:",
            "- name: staging",
            "  cluster: {server: 'http://127.0.0.1:1'}",
            "- name: prod",
            "  cluster: {server: 'http://127.0.0.1:2'}",
            "users:",
            "- name: me",
            "  user: {token: not-a-real-token}",
            "contexts:",
            "- name: staging",
            "  context: {cluster: staging, user: me, namespace: apps}",
            "- name: prod",
            "  context: {cluster: prod, user: me}",
            ""));
  }

  private LiveCluster.Builder configured() throws IOException {
    return LiveCluster.builder()
        .kubeconfig(kubeconfig())
        .context("staging")
        .impersonate("jane")
        .impersonateGroup("devs")
        .environment(Map.of())
        .connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(4))
        .requestDeadline(Duration.ofSeconds(20))
        .retries(3, Duration.ofMillis(50))
        .pageSize(100);
  }

  @Test
  void should_derive_a_view_of_another_context_with_the_same_settings() throws IOException {
    LiveCluster staging = configured().build();

    LiveCluster prod = staging.toBuilder().context("prod").build();
    LiveCluster again = staging.toBuilder().build();

    assertThat(staging.server()).isEqualTo("http://127.0.0.1:1");
    assertThat(staging.namespace()).isEqualTo("apps");
    assertThat(prod.server()).isEqualTo("http://127.0.0.1:2");
    assertThat(prod.context()).contains("prod");
    assertThat(again.server()).isEqualTo(staging.server());
    assertThat(again.context()).isEqualTo(staging.context());
    assertThat(staging.context()).as("the original is unchanged").contains("staging");
  }

  @Test
  void should_copy_every_field_of_the_builder() throws ReflectiveOperationException, IOException {
    LiveCluster.Builder original = configured();
    LiveCluster.Builder copy = original.build().toBuilder();
    for (Field f : LiveCluster.Builder.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        assertThat(f.get(copy)).as(f.getName()).isEqualTo(f.get(original));
      }
    }
  }
}
