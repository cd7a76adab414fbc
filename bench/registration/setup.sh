# Shared by bench/registration.sh and bench/registration/serve.sh (sourced, with $root set and the
# repository as the working directory): starts Lectern from the jar on its embedded PostgreSQL with a
# mail sink, and sets it up through the API (administrator, token, organisation, two programmes).
# serve.sh sets serving=1 (no clean-up on exit: it keeps serving) and server_log.
conns=${CONNECTIONS:-32}
duration=${DURATION:-15s}
capacity=${CAPACITY:-1000000}
port=${PORT_BENCH:-18090}
mport=$((port + 1))
smtp_port=$((port + 2))
out=$root/target/bench
mkdir -p "$out"
jar=${BENCH_JAR:-$(ls target/lectern-*.jar 2>/dev/null | head -1 || true)}
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/lectern-*.jar | head -1); fi
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench missing: apt-get install -y postgresql-client"; exit 1; }
data=$(mktemp -d)
pid=""; smtp_pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null || true
  rm -rf "$data"
}
[ "${serving:-0}" = 1 ] || trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU seconds used so far by Lectern's JVM and by the PostgreSQL server (postmaster, its live
# children, and its waited-for children): on a machine shared with other work the rate alone says
# little, the CPU time each registration costs does not depend on the neighbours.
cpu() { python3 "$root/bench/registration/cpu.py" "$@"; }
base=http://127.0.0.1:$port
admin=bench-admin@example.org
password='bench passphrase for the registration burst'

# A mail sink: accepts every message and keeps it in $data/mail (the public path needs the links).
python3 "$root/bench/registration/smtp_sink.py" "$smtp_port" "$data/mail" &
smtp_pid=$!

# JFR=1: a flight recording of each measured phase only (target/bench/registration-*.jfr).
jfr_start() { [ "${JFR:-0}" = 1 ] && jcmd "$pid" JFR.start name="$1" settings=profile >/dev/null || true; }
jfr_stop() { [ "${JFR:-0}" = 1 ] && jcmd "$pid" JFR.stop name="$1" filename="$out/registration-$1.jfr" >/dev/null || true; }
export -f jfr_start jfr_stop
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1), load before: $(load)"
PORT=$port LECTERN_MANAGEMENT_PORT=$mport LECTERN_DATA_DIR="$data" \
  LECTERN_ADMIN_EMAIL=$admin LECTERN_ADMIN_PASSWORD="$password" LECTERN_BASE_URL=$base \
  SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$smtp_port \
  LECTERN_MAIL_PER_MINUTE=1000000 LECTERN_MAIL_PER_DOMAIN_PER_MINUTE=1000000 LECTERN_MAIL_POLL_INTERVAL=1s \
  java -Xmx1g -jar "$jar" \
  --lectern.registration.rate-limit.per-address-per-minute=100000000 \
  --lectern.registration.rate-limit.per-email-per-hour=100000000 \
  --lectern.registration.rate-limit.per-user-per-minute=100000000 \
  >"${server_log:-$out/registration-server.log}" 2>&1 &
pid=$!
until curl -sf $base/actuator/health >/dev/null; do
  kill -0 $pid 2>/dev/null || { tail -30 "${server_log:-$out/registration-server.log}"; exit 1; }
  sleep 0.5
done
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
# JFR=1: the first recording a JVM starts throws away its compiled code (12,652 methods made not
# entrant within a second, seventh pass): start one now, before the warm-up, so that the measured
# phase's recording does not spend it recompiling everything.
[ "${JFR:-0}" = 1 ] && jcmd "$pid" JFR.start name=init settings=profile duration=1s >/dev/null || true
psql_() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atq "$@"; }
# Like production: every acknowledged commit on disk (the embedded server's library defaults to
# synchronous_commit off; Lectern sets it on, and so does this script, for older builds).
psql_ -c "alter system set synchronous_commit = on" -c "alter system set fsync = on" -c "select pg_reload_conf()" >/dev/null
# CHECKPOINT_TIMEOUT (e.g. 30min): when timed checkpoints happen. With PostgreSQL's default (5min)
# the first one begins about when the organiser phase does, and is spread over 4.5 minutes.
if [ -n "${CHECKPOINT_TIMEOUT:-}" ]; then
  psql_ -c "alter system set checkpoint_timeout = '$CHECKPOINT_TIMEOUT'" -c "select pg_reload_conf()" >/dev/null
fi
sleep 1
echo "PostgreSQL: $(psql_ -c 'show server_version'), fsync=$(psql_ -c 'show fsync'), synchronous_commit=$(psql_ -c 'show synchronous_commit'), checkpoint_timeout=$(psql_ -c 'show checkpoint_timeout'), max_wal_size=$(psql_ -c 'show max_wal_size'), port $pgport"

json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
# A platform administrator must set up a second factor before asking for a token (done as a person
# would, in the back office; the app's codes computed by the script).
token=$(python3 "$root/bench/registration/admin_token.py" $base $admin "$password")
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
org=$(curl -sf -X POST $base/api/v1/organisations "${auth[@]}" -d '{"name":"Bench organisation"}' | json "['id']")
new_programme() { # slug → id; published, one session next month, capacity $capacity with a waitlist
  local id start end
  id=$(curl -sf -X POST $base/api/v1/programmes "${auth[@]}" -d "{\"slug\":\"$1\",\"title\":\"Bench $1\",\"timeZone\":\"Asia/Almaty\",\"languages\":[\"ru\"],\"capacity\":$capacity,\"waitlist\":true,\"organisationId\":\"$org\"}" | json "['id']")
  start=$(date -u -d '+30 days' +%Y-%m-%dT10:00:00Z); end=$(date -u -d '+30 days' +%Y-%m-%dT12:00:00Z)
  curl -sf -X POST $base/api/v1/programmes/$id/sessions "${auth[@]}" -d "{\"title\":\"Session\",\"startsAt\":\"$start\",\"endsAt\":\"$end\",\"mode\":\"ONLINE\"}" >/dev/null
  curl -sf -X PATCH $base/api/v1/programmes/$id "${auth[@]}" -d '{"status":"PUBLISHED"}' >/dev/null
  echo "$id"
}
warm=$(new_programme bench-warm)
