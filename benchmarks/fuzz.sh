#!/usr/bin/env bash
# Fuzzes one Jazzer target of the project for N minutes (Jazzer 0.24 from Maven Central, test scope).
#
# usage (from the project root): benchmarks/fuzz.sh TARGET [MINUTES]
#   TARGET one of: manifest, set, values-file, pem, inject   MINUTES default 10
#
# Under `mvn verify` the same @FuzzTest methods run only in regression mode (the committed inputs in
# src/test/resources/<package>/<Class>Inputs/<method>/). Here JAZZER_FUZZ=1 turns fuzzing on; each
# execution gets a 10 s time budget, the JVM a 1.5 GiB heap and the fuzzing process a 3 GiB RSS budget
# (libFuzzer -timeout and -rss_limit_mb). New corpus entries go to .cifuzz-corpus/ (not committed); a finding is written into
# the target's Inputs directory, where it becomes a regression input: commit it with the fix.
# The last lines printed are libFuzzer's: "Done N runs in S second(s)" gives executions per second.
set -euo pipefail
target="${1:?usage: benchmarks/fuzz.sh manifest|set|values-file|pem|inject [MINUTES]}"
minutes="${2:-10}"
case "$target" in
  manifest)    module=mesh-core;   test='ManifestFuzzTest' ;;
  set)         module=mesh-core;   test='ValuesFuzzTest#should_parse_set_arguments_to_values_that_round_trip' ;;
  values-file) module=mesh-core;   test='ValuesFuzzTest#should_read_values_files_to_values_that_round_trip' ;;
  pem)         module=mesh-core;   test='PemFuzzTest' ;;
  inject)      module=mesh-inject; test='InjectFuzzTest' ;;
  *) echo "unknown target: $target" >&2; exit 2 ;;
esac
JAZZER_FUZZ=1 exec nice mvn -B -o test -pl "$module" -am -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest="$test" -DargLine=-Xmx1536m \
  -Djazzer.internal.arg.0=fuzz \
  -Djazzer.internal.arg.1=-max_total_time=$((minutes * 60)) \
  -Djazzer.internal.arg.2=-timeout=10 \
  -Djazzer.internal.arg.3=-rss_limit_mb=3072 \
  -Djazzer.internal.arg.4=-print_final_stats=1
