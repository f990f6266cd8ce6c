package io.meshsdk.cli;

/** The {@code -o} formats of the commands that print documents: YAML (the default) or JSON. */
enum OutputFormat {
  /** Block-style YAML. */
  yaml,
  /** Compact JSON. */
  json
}
