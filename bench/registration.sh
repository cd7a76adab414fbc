#!/usr/bin/env bash
# Registration burst, measured from outside: Lectern from the built jar on its embedded PostgreSQL
# (fsync and synchronous_commit on, like production), set up through the API only (platform
# administrator from LECTERN_ADMIN_EMAIL/PASSWORD, an organisation, a programme, a token), then:
#   1. organiser API: wrk, CONNECTIONS connections, DURATION, one new registration per request;
#   2. the raw single-row insert rate of the same PostgreSQL (pgbench, a registration-sized row,
#      one autocommitted insert per transaction, the same number of connections), same run: before
#      the warm-up and again once the organiser phase's mails are out (nothing else runs beside
#      pgbench either time); the ratio is taken against the higher of the two;
#   3. the public path: anonymous submissions (202) and then the confirmation of each address.
# Prints registrations/s, the raw rate, their ratio, p50/p99.
# Usage: bench/registration.sh            (env: CONNECTIONS=32 DURATION=15s CAPACITY=1000000
#                                           WARMUP=20s, PUBLIC_WARMUP=20s (0: none), JFR=1 to record target/bench/*.jfr, SKIP_PUBLIC=1,
#                                           PERF=1 to sample the machine with perf during the organiser phase,
#                                           RAW_BEFORE=0 to skip the raw insert rate before the warm-up,
#                                           CHECKPOINT_TIMEOUT=30min to keep timed checkpoints out of the phase,
#                                           PGSS=1 to list the phase's heaviest statements (pg_stat_statements),
#                                           CONFIRM_DURATION=120s for following the links,
#                                           NO_DRAIN=1 starts the public phase before the organiser
#                                           phase's mails are out)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/bench/registration/setup.sh"
source "$root/bench/registration/pgwatch.sh"
prog=$(new_programme bench-organiser)

wrk_run() { # label path token duration
  BENCH_RUN="$1-$RANDOM" BENCH_PATH="$2" BENCH_TOKEN="$3" \
    wrk -t2 -c"$conns" -d"$4" --timeout 30s --latency -s "$root/bench/registration/organiser.lua" "$base" | grep RESULT
}
# Mails still waiting to be composed or sent (the due list, the batches' notes, unfinished events).
backlog() { psql_ -c "select (select count(*) from mail_outbox_due) + (select count(*) from registration_mail_job) + (select count(*) from event_publication where completion_date is null)"; }
drain() { # waits (at most 10 min) until no mail is left; prints the seconds it took
  local t left
  for t in $(seq 0 600); do
    left=$(backlog); [ "${left:-0}" = 0 ] && break; sleep 1
  done
  echo "$t"
}
# The raw single-row insert rate of this PostgreSQL (pgbench, 10 s): measured twice in a run, on an
# idle database before the warm-up and after the organiser phase once its mails are out; the ratio
# is taken against the higher (the rate varies with the virtual disk's fsync from minute to minute).
raw_insert() { # label → prints the rate and its CPU, sets $raw
  echo "== raw insert ($1): pgbench, $conns connections, 10 s, one registration-sized row per transaction"
  psql_ -c "drop table if exists bench_insert; create table bench_insert (like registration including defaults); alter table bench_insert drop constraint if exists bench_insert_pkey; alter table bench_insert add primary key (id)" 2>/dev/null || true
  cat > "$data/insert.sql" <<SQL
insert into bench_insert (id, programme_id, status, email_index, email, full_name, language, consent_language, created_at, updated_at)
values (gen_random_uuid(), '$prog', 'CONFIRMED', md5(random()::text) || md5(random()::text),
  decode(md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex'),
  decode(md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex'), 'ru', 'ru', now(), now());
SQL
  local c2 c3
  c2=$(cpu $pgpid)
  raw=$(pgbench -h 127.0.0.1 -p "$pgport" -U postgres -n -c "$conns" -j 2 -T 10 -f "$data/insert.sql" postgres 2>/dev/null \
    | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
  c3=$(cpu $pgpid)
  echo "raw inserts/s: $raw (load after: $(load))"
  python3 -c "
p0=float('$c2'); p1=float('$c3'); n=$raw*10
print('CPU raw insert: PostgreSQL %.1f s for %d rows = %.3f ms per row -> %.0f rows/s if two idle cores did only this (pgbench itself not counted)' % (p1-p0, n, 1000*(p1-p0)/n, 2*n/(p1-p0)))"
  psql_ -c "drop table if exists bench_insert" >/dev/null
}
pgpid=$(sed -n 1p "$data/postgres/postmaster.pid")
export pgpid
pgwatch_pgss_enable
export pgpid
# The machine's own speed per CPU second (compute and memory latency), measured before the
# warm-up, just before the phase and after it: a host that slows the virtual CPUs down shows here,
# whatever Lectern does (bench/registration/Calibrate.java). And the CPU time the host took from
# this machine (steal) during the phase.
calibrate() { echo "$1 $(java -Xmx1g "$root/bench/registration/Calibrate.java")"; }
jiffies() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $9}' /proc/stat; }
calibrate "before the warm-up:"
raw_before=0
if [ "${RAW_BEFORE:-1}" = 1 ]; then raw_insert "before the warm-up"; raw_before=$raw; fi
echo "warm-up (${WARMUP:-20s}, another programme) ..."
wrk_run warm /api/v1/programmes/$warm/registrations "$token" "${WARMUP:-20s}" >/dev/null
# The measured phase starts with no mail of the warm-up left, so that the mails it sends (during
# the phase and after it) are its own and their CPU can be counted with it.
echo "the warm-up's mails drained in $(drain) s (left: $(backlog))"
calibrate "before the phase:"
echo "== organiser API: $conns connections, $duration, load before $(load); PostgreSQL up $(psql_ -c "select extract(epoch from now() - pg_postmaster_start_time())::int") s, the last checkpoint completed: $(psql_ -c "select coalesce(extract(epoch from now() - checkpoint_time)::int || ' s ago', 'none') from pg_control_checkpoint()"), checkpointer now: $(psql_ -c "select coalesce(wait_event, 'CPU') from pg_stat_activity where backend_type = 'checkpointer'")"
# PostgreSQL's own background work during the phase (it is counted in its CPU): checkpoints, and
# autovacuum workers sampled once a second.
checkpoints() { psql_ -c "select num_timed + num_requested from pg_stat_checkpointer"; }
ck0=$(checkpoints)
(while sleep 1; do psql_ -c "select regexp_replace(query, '^autovacuum: ', '') from pg_stat_activity where backend_type = 'autovacuum worker' and query <> ''"; done > "$data/autovacuum.txt" 2>/dev/null) &
sampler=$!
pgwatch_snapshot "$data/pg0.txt"
pgwatch_pgss_reset
pgwatch_sampler "$data/pgsamples.txt" &
watcher=$!
c0=$(cpu $pid $pgpid)
s0=$(jiffies)
python3 "$root/bench/registration/threads.py" $pid > "$data/threads0.txt"
jfr_start organiser
pgwatch_perf_start "$(( ${duration%s} - 2 ))"
r=$(wrk_run org /api/v1/programmes/$prog/registrations "$token" "$duration")
jfr_stop organiser
c1=$(cpu $pid $pgpid)
s1=$(jiffies)
kill $sampler $watcher 2>/dev/null || true
sleep 2 # the backends report their counts when idle, at most a second later
pgwatch_snapshot "$data/pg1.txt"
av=$(sort "$data/autovacuum.txt" | uniq -c | sort -rn | awk '{n=$1; $1=""; printf "%s%s (%d s)", sep, $0, n; sep=","}')
echo "PostgreSQL during the phase: $(( $(checkpoints) - ck0 )) checkpoint(s) begun; autovacuum workers:${av:- none}"
echo "$r"
python3 -c "
t0,s0=map(int,'$s0'.split()); t1,s1=map(int,'$s1'.split())
print('steal during the phase: %.1f %% of the machine\'s CPU time' % (100*(s1-s0)/max(1,t1-t0)))"
python3 "$root/bench/registration/threads.py" $pid "$data/threads0.txt"
pgwatch_report "$data/pg0.txt" "$data/pg1.txt" "$data/pgsamples.txt" "$(echo "$r" | sed -E 's/.* requests=([0-9]+).*/\1/')" "$prog"
pgwatch_perf_report
pgwatch_pgss_report "$(echo "$r" | sed -E 's/.* requests=([0-9]+).*/\1/')"
echo "load after: $(load)"
rate=$(echo "$r" | sed -E 's/.* rate=([0-9.]+).*/\1/')
done_org=$(echo "$r" | sed -E 's/.* requests=([0-9]+).*/\1/')
python3 -c "
j0,p0=map(float,'$c0'.split()); j1,p1=map(float,'$c1'.split()); n=$done_org
print('CPU organiser: Lectern %.1f s + PostgreSQL %.1f s for %d registrations = %.2f ms per registration -> %.0f registrations/s if two idle cores did only this' % (j1-j0, p1-p0, n, 1000*((j1-j0)+(p1-p0))/n, 2*n/((j1-j0)+(p1-p0))))"
echo "stored: $(psql_ -c "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from registration where programme_id = '$prog' group by status) x")"
# The confirmation mails are composed and sent after the answer: most during the phase, the rest
# after it. Wait until they are all out, and count that CPU too; the raw insert rate below is
# then measured on a PostgreSQL that does nothing else (before, it ran beside the mail backlog).
drained=$(drain)
c1b=$(cpu $pid $pgpid)
python3 -c "
j0,p0=map(float,'$c0'.split()); j1,p1=map(float,'$c1b'.split()); n=$done_org
print('CPU organiser including its mails (backlog out $drained s after the phase): Lectern %.1f s + PostgreSQL %.1f s for %d registrations = %.2f ms per registration' % (j1-j0, p1-p0, n, 1000*((j1-j0)+(p1-p0))/n))"

calibrate "after the phase:"
raw_insert "after the organiser phase"
raw_after=$raw
raw=$(python3 -c "print(max($raw_before, $raw_after))")
python3 -c "print('RATIO organiser %.1f reg/s / raw %.1f rows/s (the higher of the raw runs) = %.1f %% (before the warm-up: %s, after: %.1f %%)' % ($rate, $raw, 100*$rate/$raw, '%.1f %%' % (100*$rate/$raw_before) if $raw_before else 'not run', 100*$rate/$raw_after))"

if [ "${SKIP_PUBLIC:-0}" = 1 ]; then exit 0; fi
# The organiser phase leaves thousands of mails to compose and send; measured beside them, the public
# submissions were slower (BENCHMARKS, fifth pass). Wait until they are out (NO_DRAIN=1: do not).
if [ "${NO_DRAIN:-0}" != 1 ]; then
  echo "the organiser phase's mail backlog drained $(drain) s before the public phase (left: $(backlog), load $(load))"
fi
export pid out
# The public path's own warm-up (PUBLIC_WARMUP, default 20s of submissions; 0 for none): the same
# submissions, link mails and confirmations against another programme, so that the anonymous
# submission and the confirmation are measured compiled, as the organiser API is after WARMUP.
if [ "${PUBLIC_WARMUP:-20s}" != 0 ]; then
  # The sink appends: the organiser phase's mails (one per registration) are not links to follow,
  # and reading them all would take the waiting script minutes of a core.
  : > "$data/mail/messages.txt"
  wpub=$(new_programme bench-public-warm)
  echo "== public path warm-up: ${PUBLIC_WARMUP:-20s} of submissions and their confirmations (bench-public-warm)"
  JFR=0 bash "$root/bench/registration/public.sh" "$base" "$wpub" bench-public-warm "$data" "$conns" "${PUBLIC_WARMUP:-20s}" "$pgport" \
    > "$out/registration-public-warmup.log" 2>&1 || echo "(warm-up failed: see $out/registration-public-warmup.log)"
  grep -E "^PUBLIC complete" "$out/registration-public-warmup.log" | sed 's/^/warm-up: /' || true
  drain >/dev/null
  # The measured phase counts the links in the sink: the warm-up's are not theirs (the sink appends).
  : > "$data/mail/messages.txt"
fi
pub=$(new_programme bench-public)
bash "$root/bench/registration/public.sh" "$base" "$pub" bench-public "$data" "$conns" "$duration" "$pgport"
