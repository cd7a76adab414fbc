#!/usr/bin/env bash
# Restore drill (issue 15): Debian's PostgreSQL as the external database, Lectern from the built jar
# without the demo. Through the API it makes registrations, a Zoom attendance report, certificates,
# door check-ins and live-room questions; backs the running instance up with ops/lectern-backup
# (pg_dump custom format + encrypted key archive); restores both with ops/lectern-restore into a
# fresh database and an empty data directory; starts Lectern on them and finds everything again
# (ops/restore-drill-client.py). Slow (≈ 3 min), not part of ./mvnw verify:
#   ./mvnw -DskipTests -Dspotbugs.skip=true package && ops/restore-drill.sh
# The embedded PostgreSQL's backup and restore are exercised by ops/package-test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$(ls "$root"/target/lectern-*.jar | grep -v original | head -1)
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/lectern-restore-drill.XXXXXX)
chmod 755 "$work"
PG_PORT=${PG_PORT:-55442} PORT=${PORT:-18680}
ADMIN=admin@drill.example PASSWORD='Restore drill passphrase 2026'
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
elapsed() { echo "$(date +%s.%N) - $1" | bc | xargs printf '%.1f'; }

echo "work directory: $work; $("$pgbin/pg_ctl" --version | sed "s/^pg_ctl //")"
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_pg "$pgbin/initdb" -D "$work/pg" -U lectern --auth=trust >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/log" -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" -w start >/dev/null
psql() { command psql -X -h 127.0.0.1 -p "$PG_PORT" -U lectern -qAt "$@"; }
psql -d postgres -c "create database lectern_live" -c "create database lectern_restored"

# One installation = one environment file, as the package has it.
write_env() { # file database data-dir
  cat >"$1" <<EOF
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$2
SPRING_DATASOURCE_USERNAME=lectern
SPRING_DATASOURCE_PASSWORD=
LECTERN_DATA_DIR=$3
LECTERN_KEY_DIR=$3/keys/programmes
LECTERN_BASE_URL=http://127.0.0.1:$PORT
PORT=$PORT
LECTERN_MANAGEMENT_PORT=$((PORT + 1))
LECTERN_ADMIN_EMAIL=$ADMIN
LECTERN_ADMIN_PASSWORD="$PASSWORD"
LECTERN_SECOND_FACTOR_DEFAULT_POLICY=OFFERED
LECTERN_BACKUP_DIR=$work/backups
LECTERN_BACKUP_PASSPHRASE_FILE=$work/passphrase
EOF
}
start() { # env-file log
  local t0
  t0=$(date +%s.%N)
  (set -a; . "$1"; set +a; exec java -Xmx640m -jar "$jar") >"$2" 2>&1 &
  server=$!
  for _ in $(seq 1 360); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && { echo "ready in $(elapsed "$t0") s"; return 0; }
    kill -0 "$server" 2>/dev/null || break
    sleep 0.5
  done
  tail -30 "$2"; echo "FAIL: not ready"; exit 1
}
stop() { kill -TERM "$server"; wait "$server" || true; server=""; }

write_env "$work/live.env" lectern_live "$work/live"
write_env "$work/restored.env" lectern_restored "$work/restored"
openssl rand -base64 32 >"$work/passphrase"
chmod 600 "$work/passphrase"

echo "== the instance in use"
start "$work/live.env" "$work/live.log"
python3 "$root/ops/restore-drill-client.py" create "http://127.0.0.1:$PORT" "$ADMIN" "$PASSWORD" "$work/state.json"

echo "== lectern backup while it runs"
t0=$(date +%s.%N)
LECTERN_ENV_FILE="$work/live.env" "$root/ops/lectern-backup"
echo "backup took $(elapsed "$t0") s: $(cd "$work/backups" && ls -s --block-size=K | grep -v 'total\|sha256' | tr '\n' ' ')"
stop

echo "== lectern restore into a fresh database and an empty data directory"
t0=$(date +%s.%N)
LECTERN_ENV_FILE="$work/restored.env" "$root/ops/lectern-restore" \
  --keys "$(ls "$work"/backups/lectern-keys-*.tar.enc)" "$(ls "$work"/backups/lectern-db-*.dump)"
echo "restore took $(elapsed "$t0") s"
echo "tables restored: $(psql -d lectern_restored -c "select count(*) from pg_tables where schemaname = 'public'")," \
  "registrations: $(psql -d lectern_restored -c 'select count(*) from registration')"

echo "== Lectern on the restored copy"
start "$work/restored.env" "$work/restored.log"
python3 "$root/ops/restore-drill-client.py" check "http://127.0.0.1:$PORT" "$ADMIN" "$PASSWORD" "$work/state.json"
