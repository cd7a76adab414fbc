#!/usr/bin/env bash
# Measures the time from `java -jar` to a healthy /actuator/health with the embedded PostgreSQL,
# on a first start (empty data directory: initdb + migrations) and on restarts (data kept).
# Both as `java -jar` on the built jar and as prepared by bin/prepare-fast-start.sh (extracted jar
# plus a class-data-sharing archive), one after the other in the same run.
# Usage: bench/startup.sh [runs]   (builds the jar when missing; uses port 18080)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/lectern-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/lectern-*.jar | head -1); fi
data=$(mktemp -d)
fast=$(mktemp -d)
pid=""
trap 'kill $pid 2>/dev/null || true; rm -rf "$data" "$fast"' EXIT
bin/prepare-fast-start.sh "$fast" >/dev/null
measure() {
  local start end
  start=$(date +%s%N)
  PORT=18080 LECTERN_DATA_DIR="$data" java $2 -jar "$3" >"$data/log.txt" 2>&1 &
  pid=$!
  until curl -sf http://127.0.0.1:18080/actuator/health >/dev/null; do sleep 0.05; done
  end=$(date +%s%N)
  echo "$1: $(( (end - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"
plain="" ; cds="-XX:SharedArchiveFile=$fast/lectern.jsa"
measure "java -jar: first start (empty data directory)" "$plain" "$jar"
for i in $(seq 1 "$runs"); do measure "java -jar: restart $i (data kept)" "$plain" "$jar"; done
rm -rf "$data"; data=$(mktemp -d)
measure "fast start: first start (empty data directory)" "$cds" "$fast/lectern.jar"
for i in $(seq 1 "$runs"); do measure "fast start: restart $i (data kept)" "$cds" "$fast/lectern.jar"; done
