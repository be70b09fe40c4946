#!/usr/bin/env bash
# Crash safety at scale: generate N articles, load them uninterrupted into one data directory, load them into
# another while killing the loader with SIGKILL part-way, load again, rebuild the stories on both, compare the
# graph checksums. Usage: scripts/crash-test.sh [ARTICLES=100000] [KILL_AFTER_SECONDS=60]
# STORIES=0 compares the loaded graphs without rebuilding stories on both sides (two full reclusters of 100k
# articles take most of the time; CrashSafetyTest rebuilds them on 1,200 articles in every build).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
kill_after=${2:-60}
work=$(mktemp -d /tmp/storygraph-crash.XXXXXX)
sg() { "$here/storygraph" "$@" --storygraph.story.auto-cluster=false; }
echo "crash-test: $n articles in $work"
"$here/storygraph" generate --articles "$n" --seed 11 --out "$work/corpus"
rm "$work/corpus/truth.csv"

start=$(date +%s)
sg load "$work/corpus" --storygraph.neo4j.embedded.data-dir="$work/clean" > "$work/clean-load.txt" 2>&1
echo "crash-test: uninterrupted load took $(( $(date +%s) - start )) s"
check() { if [ "${STORIES:-1}" = 0 ]; then sg checksum "$@"; else sg recluster --checksum "$@"; fi; }
reference=$(check --storygraph.neo4j.embedded.data-dir="$work/clean" 2>/dev/null | tail -1)

# not through sg(): a backgrounded shell function is a subshell, and killing it would leave the JVM running
"$here/storygraph" load "$work/corpus" --storygraph.neo4j.embedded.data-dir="$work/crashed" \
  --storygraph.story.auto-cluster=false > "$work/crashed-load.txt" 2>&1 &
pid=$!
sleep "$kill_after"
# the launcher execs java, so $pid is the JVM itself
kill -9 "$pid" 2>/dev/null || true
sleep 1
if kill -0 "$pid" 2>/dev/null; then echo "crash-test: the loader survived SIGKILL?" >&2; exit 1; fi
wait "$pid" 2>/dev/null || true
echo "crash-test: killed the loader after ${kill_after} s at: $(grep 'load:' "$work/crashed-load.txt" | tail -1)"
sg load "$work/corpus" --storygraph.neo4j.embedded.data-dir="$work/crashed" 2>/dev/null | grep -E 'files:|articles:'
after=$(check --storygraph.neo4j.embedded.data-dir="$work/crashed" 2>/dev/null | tail -1)

echo "uninterrupted: $reference"
echo "crashed+again: $after"
if [ "$reference" = "$after" ]; then echo "crash-test: IDENTICAL"; rm -rf "$work"; else echo "crash-test: DIFFERENT (kept $work)"; exit 1; fi
