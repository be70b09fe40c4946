#!/usr/bin/env bash
# One row of the scaling table: load, clustering and API benchmarks at N articles, one after the other on this
# machine; full outputs in $OUT (default /tmp/storygraph-scaling-N), the CSV row (docs/scaling.csv columns) last.
# Usage: scripts/bench-scaling.sh N [NAIVE=1000] [API_DURATION=20s]   (skip parts with SKIP_LOAD=1, SKIP_API=1)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:?usage: scripts/bench-scaling.sh N [NAIVE] [API_DURATION]}
naive=${2:-1000}
duration=${3:-20s}
out=${OUT:-/tmp/storygraph-scaling-$n}
mkdir -p "$out"
echo "bench-scaling: $n articles, outputs in $out ($(date -u +%FT%TZ), $(nproc) cores)" >&2

load_s=""
if [ "${SKIP_LOAD:-0}" != 1 ]; then
  "$here/storygraph" benchmark-load --articles "$n" --naive "$naive" > "$out/load.txt" 2> "$out/load.err"
  cat "$out/load.txt" >&2
  load_s=$(awk '/^project loader/ {print $(NF-1)}' "$out/load.txt")
fi

rm -rf "$out/graph"
mkdir -p "$out/graph"
/usr/bin/time -f "max RSS %M KiB" "$here/storygraph" benchmark-cluster --articles "$n" --incremental 1000 \
  --storygraph.neo4j.embedded.data-dir="$out/graph" --logging.level.org.storygraph.clustering=INFO \
  > "$out/cluster.txt" 2> "$out/cluster.err"
cat "$out/cluster.txt" >&2
full_s=$(sed -n 's/^full clustering: *\([0-9.]*\) s.*/\1/p' "$out/cluster.txt")
heap=$(sed -n 's/^full clustering:.*peak heap \([0-9]*\) MiB.*/\1/p' "$out/cluster.txt")
inc_s=$(sed -n 's/^incremental batch: *\([0-9.]*\) s.*/\1/p' "$out/cluster.txt")

detail_p99() { # the typical story detail's p99 in ms from an api table
  local p99
  p99=$(awk -F'|' '$2 == " story-detail " {gsub(/ /, "", $6); print $6}' "$1")
  case "$p99" in *ms) echo "${p99%ms}" ;; *us) awk "BEGIN {print ${p99%us} / 1000}" ;; *s) awk "BEGIN {print ${p99%s} * 1000}" ;; esac
}
p99="" p99_uncached=""
if [ "${SKIP_API:-0}" != 1 ]; then
  "$here/scripts/bench-api.sh" "$out/graph" "$duration" 32 > "$out/api.txt" 2> "$out/api.err"
  cat "$out/api.txt" >&2
  CACHE=off "$here/scripts/bench-api.sh" "$out/graph" "$duration" 32 > "$out/api-uncached.txt" 2> "$out/api-uncached.err"
  cat "$out/api-uncached.txt" >&2
  p99=$(detail_p99 "$out/api.txt")
  p99_uncached=$(detail_p99 "$out/api-uncached.txt")
fi
echo "articles,load_seconds,full_cluster_seconds,incremental_seconds,peak_heap_mib,api_p99_ms,api_p99_uncached_ms"
echo "$n,$load_s,$full_s,$inc_s,$heap,$p99,$p99_uncached"
