#!/usr/bin/env bash
# Package test (issue 15): installs the built .deb on this machine with dpkg -i, starts the
# service's command as the systemd unit would — its User/Group, EnvironmentFile, WorkingDirectory and
# ExecStart read from the installed unit, with ProtectSystem=strict + ReadWritePaths, PrivateTmp,
# ProtectHome and NoNewPrivileges reproduced in a private mount namespace (systemd is not PID 1 in
# a container) — waits for readiness, uses it through the API, checks that a second start fails
# promptly, stops it with SIGTERM, then removes it with dpkg --purge. Needs root; slow (≈ 2 min),
# not part of ./mvnw verify:
#   ./mvnw -DskipTests -Dspotbugs.skip=true package && ops/package-test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deb=${1:-$(ls -t "$root"/target/lectern_*_amd64.deb 2>/dev/null | head -1)}
PORT=${PORT:-18580} MPORT=${MPORT:-18581}
[ -f "$deb" ] || { echo "no package: build it with ./mvnw -DskipTests package"; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root (dpkg -i)"; exit 2; }
if dpkg -s lectern >/dev/null 2>&1 || [ -e /var/lib/lectern ]; then
  echo "lectern is already installed here (or /var/lib/lectern exists): not touching it"; exit 2
fi
work=$(mktemp -d /tmp/lectern-package-test.XXXXXX)
server=""
passed=0 failed=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  dpkg --purge lectern >"$work/purge.log" 2>&1 || true
  rm -rf /var/lib/lectern
  getent passwd lectern >/dev/null && deluser --system lectern >/dev/null 2>&1 || true
  getent group lectern >/dev/null && delgroup --system lectern >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "package: $deb ($(du -m "$deb" | cut -f1) MB), work directory $work"
t0=$(date +%s.%N)
dpkg -i "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; bad "dpkg -i"; exit 1; }
printf 'ok   dpkg -i in %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"
check "post-install message" grep -q "Lectern is installed, not started" "$work/install.log"
check "system user lectern without a login shell" sh -c 'getent passwd lectern | grep -q ":/usr/sbin/nologin$"'
check "/var/lib/lectern owned by lectern, 0750" test "$(stat -c '%U:%G %a' /var/lib/lectern)" = "lectern:lectern 750"
check "/etc/lectern/lectern.env root:lectern 0640" test "$(stat -c '%U:%G %a' /etc/lectern/lectern.env)" = "root:lectern 640"
check "conffiles registered" sh -c 'dpkg-query -W -f "\${Conffiles}" lectern | grep -q /etc/lectern/lectern.env'
# nginx -t on the installed site (TLS left out: no certificate here).
sed 's| ssl http2;| http2;|; /ssl_certificate/d' /etc/lectern/nginx-site.conf >"$work/site.conf"
printf 'events {}\nhttp {\ninclude %s;\n}\n' "$work/site.conf" >"$work/nginx.conf"
check "nginx site snippet parses (nginx -t)" nginx -t -q -c "$work/nginx.conf" -g "pid $work/nginx.pid; error_log stderr;"

unit=/lib/systemd/system/lectern.service
for directive in User=lectern Group=lectern NoNewPrivileges=true ProtectSystem=strict PrivateTmp=true \
  ReadWritePaths=/var/lib/lectern ProtectHome=true PrivateDevices=true CapabilityBoundingSet= \
  EnvironmentFile=/etc/lectern/lectern.env; do
  check "unit has $directive" grep -qx "$directive" "$unit"
done
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" >"$work/verify.log" 2>&1 || true
  check "systemd-analyze verify: no complaint about the unit" sh -c "! grep -v 'Failed to connect\|/run/systemd\|not supported' '$work/verify.log' | grep -qi lectern"
fi

# Configure it as an administrator would (port moved off 8080 to stay out of others' way).
env_file=$(sed -n 's/^EnvironmentFile=-\{0,1\}//p' "$unit")
sed -i -e "s|^PORT=.*|PORT=$PORT|" -e "s|^LECTERN_BASE_URL=.*|LECTERN_BASE_URL=http://127.0.0.1:$PORT|" "$env_file"
cat >>"$env_file" <<EOF
LECTERN_MANAGEMENT_PORT=$MPORT
LECTERN_ADMIN_EMAIL=admin@package-test.example
LECTERN_ADMIN_PASSWORD=Package test passphrase 2026
# Test installation only: the administrator may work through the API without a second factor.
LECTERN_SECOND_FACTOR_DEFAULT_POLICY=OFFERED
EOF

# The unit's command, as systemd would run it: only the environment file's variables, its user,
# its working directory, a read-only file system but for ReadWritePaths, a private /tmp, no /home.
user=$(sed -n 's/^User=//p' "$unit") group=$(sed -n 's/^Group=//p' "$unit")
wd=$(sed -n 's/^WorkingDirectory=//p' "$unit") exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
rw=$(sed -n 's/^ReadWritePaths=//p' "$unit") umask=$(sed -n 's/^UMask=//p' "$unit")
mapfile -t env_lines < <(grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "$env_file")
run_unit() {
  exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    HOME="$wd" "${env_lines[@]}" \
    unshare -m --propagation private sh -ec "
      mount -t tmpfs -o mode=1777 tmpfs /tmp
      for d in /root /home /run/user; do [ -d \$d ] && mount -t tmpfs -o mode=000 tmpfs \$d; done
      mount --bind '$rw' '$rw'
      mount -o remount,bind,ro /
      cd '$wd'
      umask ${umask:-0022}
      exec setpriv --reuid='$user' --regid='$group' --init-groups --no-new-privs -- $exec_start"
}
t0=$(date +%s.%N)
run_unit >"$work/lectern.log" 2>&1 &
server=$!
ready=""
for _ in $(seq 1 360); do
  if curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; then ready=yes; break; fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then tail -40 "$work/lectern.log"; bad "service ready"; exit 1; fi
printf 'ok   ready (/actuator/health/readiness UP) %.1f s after the start, first start (PostgreSQL initialised)\n' \
  "$(echo "$(date +%s.%N) - $t0" | bc)"
passed=$((passed + 1))
check "runs as $user: $(ps -o user=,args= -p "$server" | cut -c1-60)" test "$(ps -o user= -p "$server" | tr -d ' ')" = "$user"
check "/actuator/health UP on the main port" sh -c "curl -sf http://127.0.0.1:$PORT/actuator/health | grep -q UP"
check "home page answers 200" curl -sf -o /dev/null "http://127.0.0.1:$PORT/"
check "Prometheus metrics on the management port" sh -c "curl -sf http://127.0.0.1:$MPORT/actuator/prometheus | grep -q '^jvm_'"
check "embedded PostgreSQL in /var/lib/lectern/postgres, owned by lectern" test "$(stat -c %U /var/lib/lectern/postgres)" = lectern
check "installation key in /var/lib/lectern/keys, not readable by others" sh -c \
  'case $(stat -c %a /var/lib/lectern/keys/personal-data.json) in *0) true ;; *) false ;; esac'

# Use it through the API: the administrator from the environment file, an organisation, a
# programme and a registration (encrypted under the programme's key, whose file goes to LECTERN_KEY_DIR).
api() { curl -sS --fail-with-body -H 'Content-Type: application/json' ${token:+-H "Authorization: Bearer $token"} "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token=""
token=$(api -X POST "http://127.0.0.1:$PORT/api/v1/auth/tokens" \
  -d '{"email":"admin@package-test.example","password":"Package test passphrase 2026"}' | tee "$work/token.json" | json "['token']" 2>/dev/null) || cat "$work/token.json"
if [ -n "$token" ]; then
  ok "administrator from lectern.env signs in through the API"
  org=$(api -X POST "http://127.0.0.1:$PORT/api/v1/organisations" -d '{"name":"Package Test Bar"}' | json "['id']") || true
  prog=$(api -X POST "http://127.0.0.1:$PORT/api/v1/programmes" -d "{\"slug\":\"package-test\",\"title\":{\"en\":\"Package test\"},\"timeZone\":\"Asia/Almaty\",\"languages\":[\"en\"],\"organisationId\":\"$org\"}" | json "['id']") || true
  reg=$(api -X POST "http://127.0.0.1:$PORT/api/v1/programmes/$prog/registrations" -d '{"email":"delegate@package-test.example","fullName":"Aigerim Package","consent":true}' | json "['status']") || true
  check "organisation, programme and registration created (registration $reg)" test -n "$reg"
  check "a programme key file in LECTERN_KEY_DIR" sh -c 'ls /var/lib/lectern/keys/programmes/*.key'
else
  bad "administrator from lectern.env signs in through the API"
fi

# lectern backup while it runs (embedded PostgreSQL: online physical copy), as the service user.
install -m 0640 -o root -g lectern /dev/null /etc/lectern/backup-passphrase
openssl rand -base64 32 >/etc/lectern/backup-passphrase
t1=$(date +%s.%N)
if runuser -u lectern -- lectern backup >"$work/backup.log" 2>&1; then
  printf 'ok   lectern backup of the running service in %.1f s: %s\n' "$(echo "$(date +%s.%N) - $t1" | bc)" \
    "$(cd /var/lib/lectern/backups && ls -s --block-size=K lectern-db-* lectern-keys-* | grep -v sha256 | tr '\n' ' ')"
  passed=$((passed + 1))
else
  cat "$work/backup.log"; bad "lectern backup"
fi
db_copy=$(ls /var/lib/lectern/backups/lectern-db-*.pgdata.tar 2>/dev/null | head -1)
key_copy=$(ls /var/lib/lectern/backups/lectern-keys-*.tar.enc 2>/dev/null | head -1)
check "key archive is encrypted (no key file name readable in it)" sh -c "! grep -qa personal-data '$key_copy'"
# A registration after the backup: the restore must not have it.
late=$(api -X POST "http://127.0.0.1:$PORT/api/v1/programmes/$prog/registrations" -d '{"email":"late@package-test.example","fullName":"Late Registrant","consent":true}' | json "['id']") || true

# A second start of the same installation must fail and exit non-zero promptly (port and data
# directory taken), so a service manager sees it.
t1=$(date +%s.%N)
set +e
timeout 180 bash -c "$(declare -f run_unit); $(declare -p env_lines); wd='$wd' rw='$rw' umask='$umask' user='$user' group='$group' exec_start='$exec_start'; run_unit" >"$work/second.log" 2>&1
code=$?
set -e
second=$(echo "$(date +%s.%N) - $t1" | bc)
if [ "$code" != 0 ] && [ "$code" != 124 ]; then
  printf 'ok   a second start fails: exit %s after %.1f s (%s)\n' "$code" "$second" \
    "$(grep -m1 -o 'Port [0-9]* was already in use\|lock file .* already exists\|could not bind' "$work/second.log" || echo see $work/second.log)"
  passed=$((passed + 1))
else
  bad "a second start fails promptly (exit $code after $second s)"
fi

# SIGTERM: graceful stop (the unit's KillSignal), within the unit's TimeoutStopSec.
t1=$(date +%s.%N)
kill -TERM "$server"
set +e; wait "$server"; code=$?; set -e
server=""
stop=$(echo "$(date +%s.%N) - $t1" | bc)
if [ "$code" = 0 ] || [ "$code" = 143 ]; then
  printf 'ok   SIGTERM: stopped in %.1f s, exit %s (SuccessExitStatus)\n' "$stop" "$code"; passed=$((passed + 1))
else
  bad "SIGTERM: exit $code after $stop s"
fi

# lectern restore into a fresh data directory, start again, find the data.
if [ -n "$db_copy" ] && runuser -u lectern -- lectern restore --keys "$key_copy" "$db_copy" >"$work/restore.log" 2>&1; then
  ok "lectern restore (service stopped): $(tail -1 "$work/restore.log" | cut -c1-90)"
  t0=$(date +%s.%N)
  run_unit >"$work/lectern-restored.log" 2>&1 &
  server=$!
  ready=""
  for _ in $(seq 1 360); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; then ready=yes; break; fi
    kill -0 "$server" 2>/dev/null || break
    sleep 0.5
  done
  if [ -n "$ready" ]; then
    printf 'ok   ready again on the restored copy after %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"; passed=$((passed + 1))
    token=""
    token=$(api -X POST "http://127.0.0.1:$PORT/api/v1/auth/tokens" \
      -d '{"email":"admin@package-test.example","password":"Package test passphrase 2026"}' | json "['token']") || true
    api "http://127.0.0.1:$PORT/api/v1/programmes/$prog/registrations" >"$work/registrations.json" || true
    check "the registration made before the backup is back, name readable (keys restored)" grep -q "Aigerim Package" "$work/registrations.json"
    check "the registration made after the backup is not" sh -c "! grep -q 'Late Registrant' '$work/registrations.json'"
  else
    tail -30 "$work/lectern-restored.log"; bad "ready again on the restored copy"
  fi
  kill -TERM "$server"; wait "$server" || true; server=""
else
  cat "$work/restore.log"; bad "lectern restore"
fi

dpkg --purge lectern >"$work/purge.log" 2>&1 && ok "dpkg --purge" || bad "dpkg --purge"
check "package files gone" sh -c '! test -e /usr/share/lectern/lectern.jar && ! test -e /lib/systemd/system/lectern.service && ! test -e /etc/lectern'
check "data directory kept on purge (keys are never deleted by the package)" test -d /var/lib/lectern
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
