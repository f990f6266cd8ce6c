package io.meshsdk.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** The outcome of running {@code mesh} in-process: exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {

  /** Runs {@code mesh} with the given arguments and captures its streams; stdin is empty. */
  static CliRun of(String... args) {
    return withStdin("", args);
  }

  /** Runs {@code mesh} with the given arguments and standard input, capturing its streams. */
  static CliRun withStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        MeshCommand.execute(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }
}
