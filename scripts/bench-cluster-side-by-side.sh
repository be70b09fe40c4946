#!/usr/bin/env bash
# Clustering side by side: `storygraph benchmark-cluster` from each given checkout in turns, ROUNDS times, each run on
# a fresh data directory, so that a slower or faster moment of a shared machine hits every side alike. Prints, per
# run, the benchmark's summary lines and the vector-index milliseconds of each clustered batch (DEBUG log lines).
# Usage: scripts/bench-cluster-side-by-side.sh ARTICLES NAME=CHECKOUT [NAME=CHECKOUT ...]
#   e.g. git worktree add /tmp/before HEAD~1 && scripts/bench-cluster-side-by-side.sh 10000 before=/tmp/before after=.
# ROUNDS (default 2) rounds; INCREMENTAL (default 1000) articles clustered incrementally after the full clustering;
# JAVA_OPTS_<NAME> the JVM options of one side (default -Xmx1g), e.g.
#   JAVA_OPTS_simd="-Xmx1g --add-modules jdk.incubator.vector" scripts/bench-cluster-side-by-side.sh 10000 plain=. simd=.
# OUT (default a new directory under /tmp, kept) receives each run's output and log.
set -euo pipefail
articles=${1:?usage: scripts/bench-cluster-side-by-side.sh ARTICLES NAME=CHECKOUT [NAME=CHECKOUT ...]}
shift
[ $# -ge 1 ] || { echo "bench-cluster-side-by-side: name at least one NAME=CHECKOUT" >&2; exit 2; }
out=${OUT:-$(mktemp -d /tmp/storygraph-side-by-side.XXXXXX)}
mkdir -p "$out"
for side in "$@"; do # build each side's benchmark classes now, not while another side is measured
  dir=${side#*=}
  [ -x "$dir/storygraph" ] || { echo "bench-cluster-side-by-side: no storygraph launcher in $dir" >&2; exit 2; }
  (cd "$dir" && ./storygraph benchmark-cluster --help >/dev/null)
done
echo "# $(date -u +%FT%TZ) $articles articles (+ ${INCREMENTAL:-1000}), ${ROUNDS:-2} rounds; output in $out"
for round in $(seq 1 "${ROUNDS:-2}"); do
  for side in "$@"; do
    name=${side%%=*}
    dir=${side#*=}
    opts_var="JAVA_OPTS_$name"
    data="$out/graph-$name"
    rm -rf "$data" && mkdir -p "$data"
    echo "== $name, round $round, $(date -u +%T) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $(git -C "$dir" rev-parse --short HEAD 2>/dev/null || echo '?')"
    (cd "$dir" && STORYGRAPH_JAVA_OPTS="${!opts_var:--Xmx1g}" ./storygraph benchmark-cluster --articles "$articles" \
      --incremental "${INCREMENTAL:-1000}" --storygraph.neo4j.embedded.data-dir="$data" \
      --logging.level.org.storygraph.clustering=DEBUG > "$out/$name-$round.txt" 2> "$out/$name-$round.err")
    grep -E "^(embedding model alone|full clustering|incremental|quality)" "$out/$name-$round.txt"
    echo "vector index per batch (ms): $(sed -n 's/.*Clustered [0-9]* articles.*vector index \([0-9]*\) ms.*/\1/p' \
      "$out/$name-$round.txt" | tr '\n' ' ')"
  done
done
rm -rf "$out"/graph-*
echo "== done $(date -u +%T) UTC"
