#!/usr/bin/env bash
# API benchmark: starts StoryGraph on an existing graph (a data directory, e.g. the one `benchmark-cluster --keep DIR`
# leaves) with -Xmx1g, and drives each endpoint with wrk over loopback: 32 connections, bounded in time.
# Prints req/s and p50/p99 per endpoint as a Markdown table, then the service's heap after the run.
# Usage: scripts/bench-api.sh DATA_DIR [DURATION=20s] [CONNECTIONS=32]
# READY_WAIT=SECONDS (default 180) bounds the wait for readiness (a busy machine starts slower).
# CACHE=off runs the service without its read cache (storygraph.web.cache.enabled=false): every request reads the graph.
# The per-address limits on saved-query runs (storygraph.web.query-limits) are off: all of wrk's connections come from
# one address, and a limit of 4 runs at once would answer most requests with 429.
# The floor in the same run: `storygraph benchmark-bolt` runs a bare RETURN 1 over the same Neo4j Java driver against
# the service's embedded Bolt port (BOLT_PORT, default 17687), as many threads as connections, one session and read
# transaction per call, before and after the endpoints; the last table gives each endpoint's rate as a ratio of
# their mean. REFERENCE=off skips it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:?usage: scripts/bench-api.sh DATA_DIR [DURATION] [CONNECTIONS]}
duration=${2:-20s}
connections=${3:-32}
port=${PORT:-18080}
bolt_port=${BOLT_PORT:-17687}
reference=${REFERENCE:-on}
command -v wrk >/dev/null || { echo "bench-api: wrk is missing (sudo apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d /tmp/storygraph-bench-api.XXXXXX)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
# builds the benchmarks' test classes now if needed, not while the service is measured
[ "$reference" = off ] || "$here/storygraph" benchmark-bolt --help >/dev/null

STORYGRAPH_JAVA_OPTS="${STORYGRAPH_JAVA_OPTS:--Xmx1g}" "$here/storygraph" \
  --storygraph.neo4j.embedded.data-dir="$data" --server.port="$port" \
  --storygraph.ingest.seeds.load-when-empty=false --storygraph.neo4j.embedded.bolt-address="127.0.0.1:$bolt_port" \
  --storygraph.web.query-limits.enabled=false \
  --storygraph.web.cache.enabled="$([ "${CACHE:-on}" = off ] && echo false || echo true)" > "$work/service.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 "${READY_WAIT:-180}"); do
  curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 1
done
curl -sf "$base/actuator/health/readiness" >/dev/null || { echo "bench-api: the service did not get ready" >&2; exit 1; }

articles=$(curl -sf "$base/api/articles?size=1" | jq '.total')
# the ids detail requests rotate over: "typical" = 500 stories drawn at random (fixed seed) from all of them,
# "largest" = the 200 largest stories (the worst case); providers: the 200 with the most articles
stories=$(curl -sf "$base/api/stories?size=1" | jq '.total')
pages=$(( (stories + 99) / 100 ))
for p in $(seq 0 $((pages - 1))); do curl -sf "$base/api/stories?size=100&page=$p&sort=recency" | jq -r '.items[].id'; done \
  > "$work/all-ids"
shuf -n 500 --random-source=<(yes 7) "$work/all-ids" > "$work/ids"
curl -sf "$base/api/stories?size=200&sort=size" | jq -r '.items[].id' > "$work/largest"
curl -sf "$base/api/providers?size=200" | jq -r '.items[].domain' > "$work/providers"
[ -s "$work/ids" ] || { echo "bench-api: no stories in $data" >&2; exit 1; }

# a wrk script that walks through the story ids: PATH_TEMPLATE has {id}; BODY_TEMPLATE (optional) too
cat > "$work/rotate.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local template = os.getenv("PATH_TEMPLATE")
local body = os.getenv("BODY_TEMPLATE")
local counter = 0
request = function()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  local path = template:gsub("{id}", id)
  if body ~= nil and body ~= "" then
    return wrk.format("POST", path, {["Content-Type"] = "application/json"}, (body:gsub("{id}", id)))
  end
  return wrk.format("GET", path)
end
LUA

floor() { # RETURN 1 over Bolt: prints its req/s line, appends the rate to $work/floor
  local line
  line=$(STORYGRAPH_JAVA_OPTS="${BOLT_JAVA_OPTS:--Xmx256m}" "$here/storygraph" benchmark-bolt \
    --uri "bolt://127.0.0.1:$bolt_port" --threads "$connections" --duration "$duration" 2>>"$work/floor.log")
  echo "$line" | sed -n 's/.*: \([0-9.]*\) req\/s.*/\1/p' >> "$work/floor"
  echo "$line"
}

run() { # name path-template [body-template]   (IDS_FILE from the caller's environment: the ids to rotate over)
  local name=$1 path=$2 body=${3:-}
  # warm-up (plans cached, pages in the page cache), then the measured run
  IDS_FILE="${IDS:-$work/ids}" PATH_TEMPLATE="$path" BODY_TEMPLATE="$body" \
    wrk -t2 -c"$connections" -d5s -s "$work/rotate.lua" "$base" >/dev/null
  IDS_FILE="${IDS:-$work/ids}" PATH_TEMPLATE="$path" BODY_TEMPLATE="$body" \
    wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/rotate.lua" "$base" > "$work/$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "$work/$name.txt")
  printf '| %s | `%s` | %s | %s | %s | %s |\n' "$name" "$path" "$rps" "$p50" "$p99" "${errors:-0}"
  echo "$name $rps $p50 $p99" >> "$work/rates"
}

echo "graph: ${articles:-?} articles, ${stories} stories; ${connections} connections, ${duration} per endpoint (after 5 s warm-up), wrk -t2 on the same 2 cores; read cache ${CACHE:-on}"
echo "typical: 500 random stories; largest: the 200 largest stories; provider: the 200 largest providers"
echo
# the service just started: a first floor run (not counted) warms its Bolt path and JIT before anything is measured
[ "$reference" = off ] || { floor >/dev/null; : > "$work/floor"; floor_before=$(floor); }
echo "| endpoint | request | req/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
run story-list "/api/stories?size=20&sort=size"
run story-detail "/api/stories/{id}"
run coverage "/api/stories/{id}/coverage"
run timeline "/api/stories/{id}/timeline?bucket=hour"
run story-graph "/api/stories/{id}/graph"
run saved-query "/api/queries/story-articles/run" '{"story": "{id}"}'
IDS="$work/largest" run story-detail-largest "/api/stories/{id}"
IDS="$work/largest" run coverage-largest "/api/stories/{id}/coverage"
IDS="$work/largest" run timeline-largest "/api/stories/{id}/timeline?bucket=hour"
IDS="$work/providers" run provider "/api/providers/{id}"
[ "$reference" = off ] || floor_after=$(floor)
echo
if [ "$reference" != off ]; then
  floor_mean=$(awk '{ s += $1; n++ } END { if (n) printf "%.2f", s / n }' "$work/floor")
  echo "RETURN 1 over Bolt, before the endpoints: ${floor_before:-failed}"
  echo "RETURN 1 over Bolt, after the endpoints: ${floor_after:-failed}"
  echo
  echo "| endpoint | req/s | p50 | p99 | ratio to RETURN 1 (${floor_mean:-?} req/s) |"
  echo "|---|---|---|---|---|"
  awk -v floor="${floor_mean:-0}" '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, (floor > 0 ? sprintf("%.2f", $2 / floor) : "n/a") }' \
    "$work/rates"
  echo
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
heap=$("$("$here/.mvn/find-jdk.sh")/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | grep -m1 -i 'total' || true)
rss=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status")
echo "service heap after the run: ${heap:-n/a}"
echo "service peak resident memory (heap + page cache + native): $rss"
