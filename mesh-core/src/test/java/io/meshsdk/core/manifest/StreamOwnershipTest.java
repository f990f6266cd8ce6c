package io.meshsdk.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One ownership rule for every writer and stream over a caller's stream: what the caller passed in
 * stays the caller's (flushed, never closed); what the SDK opened itself it closes.
 */
class StreamOwnershipTest {
  private static final String DOC = "kind: ConfigMap\nmetadata:\n  name: a\n";

  /** A writer that records whether it was flushed or closed. */
  private static final class Recording extends FilterWriter {
    boolean closed;
    boolean flushed;

    Recording(Writer out) {
      super(out);
    }

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void should_flush_but_not_close_the_callers_writer_at_the_end_of_try_with_resources() {
    for (boolean json : new boolean[] {false, true}) {
      StringWriter text = new StringWriter();
      Recording out = new Recording(text);
      Manifest m = ManifestReader.create().readAll(DOC, "a.yaml").get(0);
      try (ManifestWriter w = json ? ManifestWriter.json(out) : ManifestWriter.yaml(out)) {
        w.write(m);
      }
      assertThat(out.closed).as("caller's writer closed (json=%s)", json).isFalse();
      assertThat(out.flushed).as("caller's writer flushed (json=%s)", json).isTrue();
      assertThat(text.toString()).isNotEmpty();
    }
  }

  /** A reader that records whether it was closed. */
  private static final class ClosingReader extends StringReader {
    boolean closed;

    ClosingReader(String s) {
      super(s);
    }

    @Override
    public void close() {
      closed = true;
      super.close();
    }
  }

  /** An input stream that records whether it was closed. */
  private static final class ClosingInput extends ByteArrayInputStream {
    boolean closed;

    ClosingInput(byte[] b) {
      super(b);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void should_leave_a_callers_reader_open_after_the_end_and_after_close() {
    ClosingReader in = new ClosingReader(DOC + "---\n" + DOC);
    try (ManifestStream s = ManifestReader.create().open(in, "in")) {
      while (s.hasNext()) {
        s.next();
      }
    }
    assertThat(in.closed).isFalse();
  }

  @Test
  void should_leave_a_callers_input_stream_such_as_stdin_open() {
    ClosingInput in = new ClosingInput(DOC.getBytes(StandardCharsets.UTF_8));
    try (ManifestStream s = ManifestReader.create().open(in, "<stdin>")) {
      assertThat(s.next().kind()).contains("ConfigMap");
    }
    assertThat(in.closed).isFalse();
  }

  @Test
  void should_iterate_and_stream_the_documents() {
    String text = DOC + "---\n" + DOC.replace("name: a", "name: b");
    java.util.List<String> names = new java.util.ArrayList<>();
    try (ManifestStream s = ManifestReader.create().open(new StringReader(text), "in")) {
      for (Manifest m : s) {
        names.add(m.name().orElseThrow());
      }
    }
    assertThat(names).containsExactly("a", "b");
    try (java.util.stream.Stream<Manifest> s =
        ManifestReader.create().open(new StringReader(text), "in").stream()) {
      assertThat(s.map(m -> m.name().orElseThrow())).containsExactly("a", "b");
    }
  }
}
