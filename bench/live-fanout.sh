#!/usr/bin/env bash
# Live room fan-out (BENCHMARKS.md): N concurrent SSE clients on loopback; time from posting a
# question to its arrival at every client, and heap per client. Not part of ./mvnw verify.
# Usage: bench/live-fanout.sh [clients] [nodes] [questions]   e.g. bench/live-fanout.sh 5000 2
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-1000}; nodes=${2:-1}; questions=${3:-20}
# bounded in time: the harness waits at most 120 s for connections and 30 s for deliveries
timeout 900 ./mvnw -q -B verify -Dit.test=LiveFanOutBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.clients="$clients" -Dbench.nodes="$nodes" -Dbench.questions="$questions"
cat "target/bench/live-fanout-$clients-$nodes.txt"
