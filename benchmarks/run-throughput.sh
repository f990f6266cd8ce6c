#!/usr/bin/env bash
# Whole-process injection throughput, side by side with the plain SnakeYAML round trip (the inject
# issue's "Throughput" bar): the manifest of gen_manifest.py, each command run RUNS times in
# alternation, stdout and stderr to /dev/null, medians of the wall-clock times.
#
# usage (from the project root, after `mvn -B -q -DskipTests package`):
#   benchmarks/run-throughput.sh [RUNS] [DOCS]        defaults: 5 runs, 30000 documents (20 MB)
# env: SHARED (default ../shared), SNAKEYAML_JAR (default ~/.m2/.../snakeyaml-2.6.jar), JAVA_OPTS
set -euo pipefail

RUNS=${1:-5}
DOCS=${2:-30000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
SNAKEYAML_JAR=${SNAKEYAML_JAR:-$HOME/.m2/repository/org/yaml/snakeyaml/2.6/snakeyaml-2.6.jar}
JAR=$ROOT/mesh-cli/target/mesh.jar
ANCHORS=$SHARED/conformance/linkerd/identity/valid-trust-anchors.pem
JAVA_OPTS=${JAVA_OPTS:-}

for f in "$JAR" "$SNAKEYAML_JAR" "$ANCHORS" "$SHARED/tools/perf/gen_manifest.py"; do
  [ -e "$f" ] || { echo "missing $f" >&2; exit 2; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$SHARED/tools/perf/gen_manifest.py" "$WORK/m.yaml" "$DOCS"
cp "$SHARED/tools/perf/YamlRoundTrip.java" "$WORK/"
javac -cp "$SNAKEYAML_JAR" -d "$WORK" "$WORK/YamlRoundTrip.java"
BYTES=$(stat -c %s "$WORK/m.yaml")

NAMES=(roundtrip annotate manual)
# shellcheck disable=SC2086
run() {
  case $1 in
    roundtrip) java $JAVA_OPTS -cp "$SNAKEYAML_JAR:$WORK" YamlRoundTrip "$WORK/m.yaml" ;;
    annotate) java $JAVA_OPTS -jar "$JAR" inject "$WORK/m.yaml" ;;
    manual) java $JAVA_OPTS -jar "$JAR" inject --manual \
      --set-file "identityTrustAnchorsPEM=$ANCHORS" "$WORK/m.yaml" ;;
  esac
}

echo "manifest: $DOCS documents, $BYTES bytes; $RUNS alternating runs of each command"
for ((i = 1; i <= RUNS; i++)); do
  for name in "${NAMES[@]}"; do
    start=$(date +%s%N)
    run "$name" >/dev/null 2>&1 || { echo "$name failed" >&2; exit 1; }
    end=$(date +%s%N)
    echo "$name $(((end - start) / 1000000))" >>"$WORK/times"
    echo "run $i $name $(((end - start) / 1000000)) ms"
  done
done

python3 - "$WORK/times" "$BYTES" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    name, t = line.split()
    times.setdefault(name, []).append(int(t) / 1000)
mb = int(sys.argv[2]) / 1e6
base = statistics.median(times["roundtrip"])
print()
print("| command | median s | MB/s (input) | vs round trip |")
print("|---|---|---|---|")
for name in ("roundtrip", "annotate", "manual"):
    m = statistics.median(times[name])
    print(f"| {name} | {m:.2f} | {mb / m:.1f} | {base / m:.2f}x |")
PY
