#!/usr/bin/env bash
# Texts per second of the sentence encoders the clustering lab compares, side by side in one JVM (EmbedSpeed):
# the texts are "title. excerpt" of the first N item files under DIR (e.g. a generated benchmark corpus or a dev set).
# Usage: scripts/bench-encoders.sh DIR [N=1000] [ROUNDS=2] [ENCODER...]   (default encoders: minilm e5)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:?usage: scripts/bench-encoders.sh DIR [N] [ROUNDS] [ENCODER...]}
n=${2:-1000}
rounds=${3:-2}
shift $(( $# < 3 ? $# : 3 ))
texts=$(mktemp)
trap 'rm -f "$texts"' EXIT
files=$(find "$dir" -name '*.txt' | sort | head -n "$n" || true)  # head closes the pipe early
for f in $files; do
  awk '/^title:/ && !t {sub(/^title: */, ""); gsub(/^"|"$/, ""); t = $0}
       /^excerpt:/ && !e {sub(/^excerpt: */, ""); gsub(/^"|"$/, ""); e = $0}
       END {print (e == "" ? t : t ". " e)}' "$f"
done > "$texts"
java_home=$("$here/.mvn/find-jdk.sh")
cd "$here"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >&2
exec "$java_home/bin/java" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  org.storygraph.clustering.EmbedSpeed "$texts" "$rounds" "$@"
