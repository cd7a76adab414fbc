#!/usr/bin/env bash
# One benchmark server for bench/registration/ab.sh: Lectern from BENCH_JAR on its embedded PostgreSQL,
# set up exactly as bench/registration.sh does (admin, token, organisation, two programmes); writes
# what ab.sh needs to ENVFILE and serves until killed. The header below is registration.sh's.
# Registration burst, measured from outside: Lectern from the built jar on its embedded PostgreSQL
# (fsync and synchronous_commit on, like production), set up through the API only (platform
# administrator from LECTERN_ADMIN_EMAIL/PASSWORD, an organisation, a programme, a token), then:
#   1. organiser API: wrk, CONNECTIONS connections, DURATION, one new registration per request;
#   2. the raw single-row insert rate of the same PostgreSQL (pgbench, a registration-sized row,
#      one autocommitted insert per transaction, the same number of connections), same run;
#   3. the public path: anonymous submissions (202) and then the confirmation of each address.
# Prints registrations/s, the raw rate, their ratio, p50/p99.
# Usage: bench/registration.sh            (env: CONNECTIONS=32 DURATION=15s CAPACITY=1000000
#                                           WARMUP=20s, JFR=1 to record target/bench/*.jfr, SKIP_PUBLIC=1,
#                                           CONFIRM_DURATION=120s for following the links)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
serving=1
server_log=$root/target/bench/registration-server-${PORT_BENCH:-18090}.log
source "$root/bench/registration/setup.sh"
prog=$(new_programme bench-organiser)


echo "pid=$pid pgport=$pgport token=$token prog=$prog warm=$warm base=$base data=$data smtp_pid=$smtp_pid" > ${ENVFILE:-$out/serve.env}
wait $pid || true
kill $smtp_pid 2>/dev/null; rm -rf "$data"
