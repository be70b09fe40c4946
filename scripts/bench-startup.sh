#!/usr/bin/env bash
# Start-up benchmark (issue 19, target 1): wall time of `storygraph load FILE` with nothing new, `storygraph query
# list`, and the service until /actuator/health/readiness is UP, all on an existing database. Each is run RUNS times
# (default 3; the variants take turns within each repetition) and the median is printed, as a Markdown table, for:
#   - every jar given with BEFORE=JAR (e.g. the previous commit's, see docs/benchmarks.md "Start-up"), run as the old
#     launcher ran it (java -jar);
#   - this checkout's jar without the start-up cache ("cold": java -jar, what ./storygraph does with STORYGRAPH_AOT=off
#     or when the JVM refuses the cache);
#   - the same jar with its JDK AOT cache ("warm": what ./storygraph runs once the cache exists), made here first by
#     the same training run as the launcher's.
# Usage: scripts/bench-startup.sh DATA_DIR FILE
#   DATA_DIR: an existing data directory (e.g. 10k generated articles loaded), copied once to a temporary directory
#             so the original is left as it was; FILE: a file already loaded into it (so the load finds nothing new).
# Environment: BEFORE=JAR (an older jar to compare), RUNS=3, PORT=18090, STORYGRAPH_JAVA_OPTS (default -Xmx1g).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data_in=${1:?usage: scripts/bench-startup.sh DATA_DIR FILE}
file=$(cd "$(dirname "${2:?usage: scripts/bench-startup.sh DATA_DIR FILE}")" && pwd)/$(basename "$2")
runs=${RUNS:-3}
port=${PORT:-18090}
java="$("$here/.mvn/find-jdk.sh")/bin/java"
opts=${STORYGRAPH_JAVA_OPTS:--Xmx1g}
flags=(--add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED)
jar=$(ls "$here"/target/storygraph-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
[ -n "$jar" ] || { echo "bench-startup: build the jar first (./mvnw -o -DskipTests package)" >&2; exit 2; }
work=$(mktemp -d /tmp/storygraph-bench-startup.XXXXXX)
pid=
trap '[ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; } || true; rm -rf "$work"' EXIT
cp -r "$data_in" "$work/db"
common=(--storygraph.neo4j.embedded.data-dir="$work/db" --storygraph.ingest.seeds.load-when-empty=false
  --storygraph.ingest.allowed-roots="$(dirname "$file")")

# the AOT cache of this jar, by the launcher's training run (see ./storygraph)
echo "bench-startup: training the AOT cache..." >&2
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
"$java" "$here/scripts/StripJarSignatures.java" "$work/app/lib"
# shellcheck disable=SC2086
"$java" $opts "${flags[@]}" -XX:AOTCacheOutput="$work/app/storygraph.aot" -Dspring.context.exit=onRefresh \
  -jar "$work/app/$(basename "$jar")" --storygraph.neo4j.embedded.data-dir="$work/train" \
  --storygraph.ingest.seeds.load-when-empty=false --storygraph.feeds.poll=false --server.port=0 \
  --logging.level.root=WARN >"$work/training.log" 2>&1

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

# one timed run: VARIANT COMMAND; prints the wall seconds
timed() {
  local variant=$1 what=$2 start
  local -a launch
  case $variant in
    before) launch=(-jar "$BEFORE") ;;
    cold) launch=(-jar "$jar") ;;
    warm) launch=(-XX:AOTCache="$work/app/storygraph.aot" -Xlog:aot*=off -Xlog:cds*=off
      -jar "$work/app/$(basename "$jar")") ;;
  esac
  start=$(now)
  case $what in
    load)
      # shellcheck disable=SC2086
      "$java" $opts "${flags[@]}" "${launch[@]}" load "$file" "${common[@]}" >"$work/out" 2>&1 \
        || { cat "$work/out" >&2; exit 1; }
      grep -q "0 loaded" "$work/out" || { echo "bench-startup: the load found something new:" >&2; cat "$work/out" >&2; exit 1; }
      ;;
    query-list)
      # shellcheck disable=SC2086
      "$java" $opts "${flags[@]}" "${launch[@]}" query list "${common[@]}" >"$work/out" 2>&1 \
        || { cat "$work/out" >&2; exit 1; }
      ;;
    ready)
      # shellcheck disable=SC2086
      "$java" $opts "${flags[@]}" "${launch[@]}" "${common[@]}" --server.port="$port" >"$work/out" 2>&1 &
      pid=$!
      until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$pid" 2>/dev/null || { cat "$work/out" >&2; exit 1; }
        sleep 0.1
      done
      ;;
  esac
  since "$start"
  if [ "$what" = ready ]; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
  fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }'; }

variants=(cold warm)
[ -z "${BEFORE:-}" ] || variants=(before cold warm)
echo "bench-startup: $(uname -n), $(nproc) cores, $("$java" -version 2>&1 | head -n 1), $(date -u +%FT%TZ)," \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# the variants take turns within each repetition, so that a busy moment of the shared machine hits all of them
declare -A times=()
for rep in $(seq 1 "$runs"); do
  for what in load query-list ready; do
    for variant in "${variants[@]}"; do
      t=$(timed "$variant" "$what")
      times[$variant.$what]="${times[$variant.$what]:-}$t "
      echo "bench-startup: run $rep, $variant, $what: $t s (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
    done
  done
done
printf '| variant | load FILE, nothing new (s) | query list (s) | service ready (s) | runs (s) |\n'
printf '|---|---:|---:|---:|---|\n'
for variant in "${variants[@]}"; do
  row=()
  runs_text=
  for what in load query-list ready; do
    # shellcheck disable=SC2086
    row+=("$(printf '%s\n' ${times[$variant.$what]} | median)")
    # shellcheck disable=SC2086
    runs_text+="${runs_text:+; }$what $(printf '%.1f ' ${times[$variant.$what]} | sed 's/ $//')"
  done
  printf '| %s | %s | %s | %s | %s |\n' "$variant" "${row[@]}" "$runs_text"
done
echo "bench-startup: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
