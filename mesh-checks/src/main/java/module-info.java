/** Mesh SDK checks: Linkerd health checks and pre-install checks, as data. */
module io.meshsdk.checks {
  requires transitive io.meshsdk.core;

  // exports io.meshsdk.checks; comes with the package's first type (javac refuses an empty export)
}
