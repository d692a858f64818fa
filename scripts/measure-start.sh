#!/usr/bin/env bash
# Start and memory of the packaged tool with its embedded PostgreSQL (docs/benchmarks.md, "Start and memory").
#
#   scripts/measure-start.sh [JVM option...]
#
# Builds nothing: run `./mvnw -B -q -DskipTests package` first (JAR=path to measure another jar).
# Starts `java [JVM options] -jar target/cqpi-lti.jar` twice on one new temporary data directory: a fresh start
# (initdb, migrations, référentiel stored) and a restart. Each time: the seconds from the command to
# /actuator/health/readiness answering UP, the JVM's CPU time (user + system) by then,
# then, IDLE seconds later (default 20), the VmRSS of the JVM and the
# sum of the PostgreSQL processes' (postmaster and its children; RSS and PSS). The working directory is empty, so the
# référentiels bundled in the jar load. Prints one Markdown table row per run, with the load average.
# Other settings through the environment: IDLE, LOGS (a directory to keep the
# tool's logs in); MALLOC_ARENA_MAX and the like
# pass through to the JVM.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$(realpath "${JAR:-$repo/target/cqpi-lti.jar}")"
idle="${IDLE:-20}"
[ -f "$jar" ] || { echo "No $jar: run ./mvnw -B -q -DskipTests package first" >&2; exit 2; }

work="$(mktemp -d /tmp/cqpi-measure-start.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

rss_kib() {
  awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# user + system CPU time of a process so far (less sensitive to the other builds than the wall time).
cpu_ms_of() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$1/stat"
}

pss_kib() {
  awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0
}

# RSS counts the shared buffers once per process that touched them; PSS shares them out.
postgres_kib() {
  local measure="$1" postmaster total child
  postmaster="$(head -1 "$work/pg/postmaster.pid")"
  total=$("$measure" "$postmaster")
  for child in $(pgrep -P "$postmaster"); do
    total=$((total + $("$measure" "$child")))
  done
  echo "$total"
}

echo "| Run | Start to UP | JVM CPU to UP | JVM idle RSS | PostgreSQL RSS (PSS) | JVM options | Load average (1, 5, 15 min) |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for run in fresh restart; do
  port="$(free_port)"
  log="$work/$run.log"
  start_ns=$(date +%s%N)
  (cd "$work" && exec java "$@" -jar "$jar" --server.port="$port" --cqpi.embedded-db.dir="$work/pg") >"$log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The tool stopped before it was ready; its log:" >&2
      tail -50 "$log" >&2
      exit 1
    fi
    sleep 0.05
  done
  up_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  cpu_ms=$(cpu_ms_of "$pid")
  sleep "$idle"
  jvm=$(rss_kib "$pid")
  pg=$(postgres_kib rss_kib)
  pg_pss=$(postgres_kib pss_kib)
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '| %s | %d.%d s | %d.%d s | %d MiB | %d MiB (%d MiB) | `%s` | %s |\n' \
    "$run" $((up_ms / 1000)) $((up_ms % 1000 / 100)) $((cpu_ms / 1000)) $((cpu_ms % 1000 / 100)) $((jvm / 1024)) $((pg / 1024)) $((pg_pss / 1024)) \
    "${*:-(none)}" "$load"
  [ -n "${LOGS:-}" ] && mkdir -p "$LOGS" && cp "$log" "$LOGS/"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
done
