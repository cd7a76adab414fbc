#!/usr/bin/env bash
# Prepares Lectern for a fast start (BENCHMARKS.md, "Start-up"): extracts the jar into Spring
# Boot's recommended layout and records a class-data-sharing (AppCDS) archive with a training run
# that starts the application on a throw-away embedded PostgreSQL and stops once it is ready.
# Usage: bin/prepare-fast-start.sh [destination]   (default target/fast; builds the jar if missing)
# Then:  java -XX:SharedArchiveFile=<dir>/lectern.jsa -jar <dir>/lectern.jar (the absolute path
#        it prints; the same environment variables as for the plain jar)
# The archive belongs to the JVM and jar it was made with: run this again after an upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/fast}
jar=$(ls target/lectern-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/lectern-*.jar | head -1); fi
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)   # the archive records the jar's path: train and run with the same one
java -Djarmode=tools -jar "$jar" extract --destination "$out" >/dev/null
mv "$out/$(basename "$jar")" "$out/lectern.jar"
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
SERVER_PORT=0 LECTERN_DATA_DIR="$train" LECTERN_DEMO=false \
  java -XX:ArchiveClassesAtExit="$out/lectern.jsa" -Dspring.context.exit=onRefresh \
  -jar "$out/lectern.jar" >"$train/training.log" 2>&1 || { cat "$train/training.log"; exit 1; }
echo "ready: java -XX:SharedArchiveFile=$out/lectern.jsa -jar $out/lectern.jar"
