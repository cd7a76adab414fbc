#!/usr/bin/env bash
# SQL statements per organiser registration, background work included (the mail's composing and
# sending, rate-limit counts): one server from BENCH_JAR (bench/registration/serve.sh), its
# embedded PostgreSQL restarted with pg_stat_statements, a warm-up, then a burst of DURATION with
# CONNECTIONS connections; once the mail backlog is drained, every statement PostgreSQL ran since
# the burst began is listed with its calls per registration.
# Usage: BENCH_JAR=target/lectern-0.1.0-SNAPSHOT.jar bench/registration/statements.sh
#        (env: DURATION=10s CONNECTIONS=32 PORT_BENCH=18950, JFR=1 records the burst and the
#         drain to target/bench/statements-PORT.jfr; PUBLIC=1 counts the public path instead:
#         per submission with its mail step and link mail, then per confirmation with its mail)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/bench; mkdir -p "$out"
ef=$out/statements-$$.env; rm -f "$ef"
ENVFILE=$ef PORT_BENCH=${PORT_BENCH:-18950} bash "$root/bench/registration/serve.sh" > "$out/statements-serve.log" 2>&1 &
for _ in $(seq 1 900); do [ -s "$ef" ] && break; sleep 1; done
source "$ef"
psq() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atq "$@"; }
bin=$(dirname "$(sed -n 1p "$data/postgres/postmaster.opts" | cut -d' ' -f1)")
# pg_stat_statements must be loaded at start: restart the server (as zonky runs it, in a user
# namespace); the application's pool reconnects. A scheduled task cut off by the restart is freed.
psq -c "alter system set shared_preload_libraries = 'pg_stat_statements'" -c "alter system set pg_stat_statements.track = 'all'"
unshare -U "$bin/pg_ctl" restart -D "$data/postgres" -m fast -w -l "$out/statements-pg.log" >/dev/null
psq -c "create extension if not exists pg_stat_statements"
psq -c "update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null where picked"
wrk_run() { # label path duration
  BENCH_RUN="$1-$RANDOM" BENCH_PATH="$2" BENCH_TOKEN=${BENCH_AS-$token} \
    wrk -t2 -c"${CONNECTIONS:-32}" -d"$3" --timeout 30s -s "$root/bench/registration/organiser.lua" "$base" | grep RESULT
}
backlog() {
  psq -c "select (select count(*) from mail_outbox_due) + (select count(*) from registration_mail_job)"
}
drain() { for _ in $(seq 1 180); do [ "$(backlog)" = 0 ] && return; sleep 1; done; echo "backlog left: $(backlog)"; }
wrk_run warm "/api/v1/programmes/$warm/registrations" 20s >/dev/null
drain
psq -c "select pg_stat_statements_reset()" >/dev/null
report() { # unit count file: every statement since the last reset, per unit
  psq -F ' | ' -c "
    select round(sum(calls)::numeric / $2, 2) as per_$1, sum(calls) as calls,
      regexp_replace(left(min(query), 150), '\s+', ' ', 'g') as statement
    from pg_stat_statements
    where query not like '%pg_stat_statements%' and query not like '%scheduled_tasks%'
      and query not like '%count(*) from mail_outbox%' and query not like '%count(*) from registration%'
    group by queryid order by sum(calls) desc" > "$3"
  echo "$1s: $2"
  psq -c "
    select 'statements per $1: ' || round(sum(calls)::numeric / $2, 1)
    from pg_stat_statements
    where query not like '%pg_stat_statements%' and query not like '%scheduled_tasks%'
      and query not like '%count(*) from mail_outbox%' and query not like '%count(*) from registration%'"
  cat "$3"
}
if [ "${PUBLIC:-0}" != 1 ]; then
  [ "${JFR:-0}" = 1 ] && jcmd "$pid" JFR.start name=statements settings=profile >/dev/null
  r=$(wrk_run count "/api/v1/programmes/$prog/registrations" "${DURATION:-10s}")
  echo "$r"
  drain
  [ "${JFR:-0}" = 1 ] && jcmd "$pid" JFR.stop name=statements filename="$out/statements-${PORT_BENCH:-18950}.jfr" >/dev/null
  n=$(psq -c "select count(*) from registration where programme_id = '$prog'")
  report registration "$n" "$out/statements.txt"
else
  # PUBLIC=1: the public path, counted in two parts: anonymous submissions (202) with their mail
  # step and link mail, then following every link (GET the page, POST its form) with the mail the
  # registration sends.
  BENCH_AS="" wrk_run pub "/api/v1/programmes/$prog/registrations" "${DURATION:-10s}" > "$out/statements-sub.txt"
  submitted=$(sed -E 's/.* requests=([0-9]+).*/\1/' "$out/statements-sub.txt")
  # wrk's count leaves out the requests still in flight when it stopped: count the stored ones.
  sleep 2
  submitted=$(psq -c "select count(*) from registration_request where programme_id = '$prog'")
  links=$(python3 "$root/bench/registration/tokens.py" --wait "$submitted" "$data/mail/messages.txt" 600)
  drain
  report submission "$submitted" "$out/statements-submission.txt"
  echo "links in the sink (count, seconds waited): $links"
  psq -c "select pg_stat_statements_reset()" >/dev/null
  python3 "$root/bench/registration/tokens.py" "$data/mail/messages.txt" > "$data/tokens.txt"
  BENCH_TOKENS="$data/tokens.txt" BENCH_SLUG=bench-organiser \
    wrk -t2 -c"${CONNECTIONS:-32}" -d120s --timeout 30s -s "$root/bench/registration/confirm.lua" "$base" | grep CONFIRMED
  drain
  n=$(psq -c "select count(*) from registration where programme_id = '$prog'")
  report confirmation "$n" "$out/statements-confirmation.txt"
fi
# The restarted PostgreSQL is no child of the JVM: stop it by its own pid, then the server.
pgpid=$(sed -n 1p "$data/postgres/postmaster.pid" 2>/dev/null)
kill "$pid" "$smtp_pid" 2>/dev/null
sleep 3
[ -n "$pgpid" ] && kill -INT "$pgpid" 2>/dev/null
rm -f "$ef"
