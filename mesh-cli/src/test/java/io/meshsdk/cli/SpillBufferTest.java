package io.meshsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SpillBufferTest {

  @Test
  void should_hold_small_output_in_memory_and_release_it_on_commit() throws Exception {
    StringWriter out = new StringWriter();
    try (SpillBuffer b = new SpillBuffer(100)) {
      b.write("apiVersion: v1\n");
      b.write("---\n");
      assertThat(b.spilled()).isFalse();
      assertThat(out.toString()).isEmpty();
      b.commitTo(out);
    }
    assertThat(out.toString()).isEqualTo("apiVersion: v1\n---\n");
  }

  @Test
  void should_spill_large_output_to_a_file_and_keep_it_whole() throws Exception {
    StringWriter out = new StringWriter();
    StringBuilder want = new StringBuilder();
    try (SpillBuffer b = new SpillBuffer(64)) {
      for (int i = 0; i < 1000; i++) {
        String line = "line " + i + " \u221a\n";
        b.write(line);
        want.append(line);
      }
      assertThat(b.spilled()).isTrue();
      b.commitTo(out);
      assertThat(b.spilled()).isFalse();
    }
    assertThat(out.toString()).isEqualTo(want.toString());
  }

  @Test
  void should_discard_everything_when_closed_without_commit() throws Exception {
    SpillBuffer b = new SpillBuffer(8);
    b.write("a long text that spills");
    assertThat(b.spilled()).isTrue();
    b.close();
    assertThat(b.spilled()).isFalse();
    StringWriter out = new StringWriter();
    b.commitTo(out);
    assertThat(out.toString()).isEmpty();
  }
}
