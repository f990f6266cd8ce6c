package io.meshsdk.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of running {@code mesh} in-process: exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {

  /** Runs {@code mesh} with the given arguments and captures its streams. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MeshCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }
}
