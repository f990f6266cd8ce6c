package io.meshsdk.cli;

import io.meshsdk.core.MeshException;
import io.meshsdk.core.values.ValuesException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mesh} command line: Mesh SDK's library exposed for people and scripts.
 *
 * <p>Results go to stdout, diagnostics to stderr. Exit codes, the same in every command: 0 success;
 * 1 a failed operation (a file that cannot be read or parsed, a refused input, missing required
 * values, unknown keys with {@code --strict}); 2 bad usage (unknown options, argument syntax and
 * argument limits, e.g. {@code --set a.b[}, {@code --set a[99999999]=1}, an unterminated {@code
 * --set-json}, a bad {@code --override} or flag value).
 */
@Command(
    name = "mesh",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Manage a Linkerd service mesh: values, injection, certificates and checks.",
    subcommands = {
      VersionCommand.class,
      ValuesCommand.class,
      InjectCommand.class,
      InstallCommand.class,
      UninjectCommand.class,
      CertsCommand.class,
      CheckCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MeshCommand implements Runnable {

  /** Exit code of a successful command. */
  public static final int OK = 0;

  /** Exit code of a failed operation. */
  public static final int FAILED = 1;

  /** Exit code of bad usage. */
  public static final int USAGE = 2;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;

  private MeshCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  /**
   * Standard input of this run, for {@code -} arguments.
   *
   * @return the stream
   */
  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /**
   * Entry point of {@code java -jar mesh.jar}.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(
        execute(
            args,
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /**
   * Runs {@code mesh} with the given arguments and streams; used by {@link #main} and by tests.
   *
   * @param args command-line arguments
   * @param out where results go
   * @param err where diagnostics go
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, System.in, out, err);
  }

  /**
   * Runs {@code mesh} with the given arguments and streams, standard input included.
   *
   * @param args command-line arguments
   * @param in what {@code -} arguments read
   * @param out where results go
   * @param err where diagnostics go
   * @return the exit code
   */
  public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    if (args.length == 1 && args[0].equals("version")) {
      // nothing to parse: answer without building picocli's model of every command, which is
      // most of the start-up time of `mesh version` (picocli's classes are too old for AppCDS)
      VersionCommand.print(out);
      out.flush();
      return OK;
    }
    CommandLine cl = commandLine(in, out, err);
    int code;
    try {
      code = cl.execute(args);
    } catch (Throwable t) { // errors (stack overflow, out of memory) pass picocli's handlers
      err.println(unexpected(cl.getParseResult(), t));
      code = FAILED;
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The one line for a failure no known input should cause: the operation, its input and the
   * exception's type, never a stack trace (nor a message, which may quote the input at length).
   */
  static String unexpected(CommandLine.ParseResult parsed, Throwable t) {
    String operation = "mesh";
    List<String> inputs = new ArrayList<>();
    for (CommandLine.ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
      operation = pr.commandSpec().qualifiedName();
      inputs.clear();
      for (CommandLine.Model.PositionalParamSpec p : pr.matchedPositionals()) {
        inputs.addAll(p.originalStringValues());
      }
    }
    String input = inputs.isEmpty() ? "its arguments" : String.join(" ", inputs);
    if (input.length() > 200) {
      input = input.substring(0, 200) + "…";
    }
    return "mesh: internal error: '"
        + operation
        + "' failed on "
        + input
        + " ("
        + t.getClass().getSimpleName()
        + "); please report it";
  }

  /**
   * Builds the configured picocli command line.
   *
   * @param in standard input
   * @param out where results go
   * @param err where diagnostics go
   * @return the command line
   */
  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new MeshCommand(in));
    cl.setOut(out);
    cl.setErr(err);
    // arguments are passed through verbatim: a Helm --set argument may start with '@'
    cl.setExpandAtFiles(false);
    cl.setExitCodeExceptionMapper(
        e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
    cl.setParameterExceptionHandler(
        (ex, arguments) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("mesh: " + ex.getMessage());
          c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          if (ex instanceof CommandLine.ParameterException pe) {
            // options that parse but do not go together, checked by the command itself
            CommandLine at = pe.getCommandLine();
            at.getErr().println("mesh: " + pe.getMessage());
            at.getErr()
                .println("Run '" + at.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
          }
          if (ex instanceof ValuesException v && v.isArgumentError()) {
            // a --set* argument Helm would refuse (syntax, limits): bad usage, as --override
            c.getErr().println("mesh: " + oneLine(ex.getMessage()));
            return USAGE;
          }
          boolean expected =
              ex instanceof MeshException
                  || ex instanceof java.io.IOException
                  || ex instanceof java.io.UncheckedIOException;
          c.getErr()
              .println(
                  expected ? "mesh: " + oneLine(ex.getMessage()) : unexpected(parseResult, ex));
          return FAILED;
        });
    return cl;
  }

  private static String oneLine(String message) {
    return message == null ? "failed" : message.strip();
  }

  static {
    // keep the class of the last-resort line loadable when memory has run out
    unexpected(null, new OutOfMemoryError());
  }
}
