#!/usr/bin/env bash
# Discussion-table signalling (BENCHMARKS.md): TABLES tables of SIZE people, all streams open, every
# pair's WebRTC handshake at once; messages/s and send -> arrival latency. Not part of ./mvnw verify.
# Usage: bench/table-signalling.sh [tables=50] [size=6] [ice=4]
set -euo pipefail
cd "$(dirname "$0")/.."
tables=${1:-50}; size=${2:-6}; ice=${3:-4}
# bounded in time: 120 s for the streams to open, 30 s for the deliveries after the last send
timeout 900 ./mvnw -q -B verify -Dit.test=TableSignalBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.tables="$tables" -Dbench.size="$size" -Dbench.ice="$ice"
cat "target/bench/table-signalling-${tables}x${size}.txt"
