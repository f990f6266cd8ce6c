/**
 * The {@code mesh} command line on the Mesh SDK API. Exports nothing: picocli reaches the commands
 * through the package opened to it.
 */
module io.meshsdk.cli {
  requires io.meshsdk.core;
  requires io.meshsdk.inject;
  requires io.meshsdk.checks;
  requires info.picocli;

  opens io.meshsdk.cli to
      info.picocli;
}
