#!/usr/bin/env bash
# Where PostgreSQL's work goes per organiser registration (issue 16, eighth pass): one server from
# BENCH_JAR (serve.sh), its embedded PostgreSQL restarted with pg_stat_statements (planning
# tracked too), a warm-up, then a burst of DURATION; once the mail backlog is drained, per
# registration: each statement family's calls, execution and planning time, rows and WAL bytes;
# WAL records/bytes/full-page images (pg_stat_wal); rows inserted/updated/HOT/deleted per table and
# the index entries that implies; the server's CPU by process kind (backends, walwriter,
# autovacuum, ...).
# Usage: BENCH_JAR=target/lectern-0.1.0-SNAPSHOT.jar bench/registration/pgcost.sh
#        (env: DURATION=15s WARMUP=60s CONNECTIONS=32 PORT_BENCH=18960 OUT=target/bench/pgcost)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/bench; mkdir -p "$out"
res=${OUT:-$out/pgcost}; mkdir -p "$res"
ef=$out/pgcost-$$.env; rm -f "$ef"
ENVFILE=$ef PORT_BENCH=${PORT_BENCH:-18960} bash "$root/bench/registration/serve.sh" > "$res/serve.log" 2>&1 &
for _ in $(seq 1 900); do [ -s "$ef" ] && break; sleep 1; done
source "$ef"
psq() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atq "$@"; }
bin=$(dirname "$(sed -n 1p "$data/postgres/postmaster.opts" | cut -d' ' -f1)")
psq -c "alter system set shared_preload_libraries = 'pg_stat_statements'" -c "alter system set pg_stat_statements.track = 'all'" \
    -c "alter system set pg_stat_statements.track_planning = on"
unshare -U "$bin/pg_ctl" restart -D "$data/postgres" -m fast -w -l "$res/pg.log" >/dev/null
psq -c "create extension if not exists pg_stat_statements"
psq -c "update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null where picked"
pgpid=$(sed -n 1p "$data/postgres/postmaster.pid")
wrk_run() { # label path duration
  BENCH_RUN="$1-$RANDOM" BENCH_PATH="$2" BENCH_TOKEN=$token \
    wrk -t2 -c"${CONNECTIONS:-32}" -d"$3" --timeout 30s --latency -s "$root/bench/registration/organiser.lua" "$base" | grep RESULT
}
backlog() {
  psq -c "select (select count(*) from mail_outbox_due) + (select count(*) from registration_mail_job)
    + (select count(*) from event_publication where completion_date is null)"
}
drain() { for _ in $(seq 1 300); do [ "$(backlog)" = 0 ] && return; sleep 1; done; echo "backlog left: $(backlog)"; }
wrk_run warm "/api/v1/programmes/$warm/registrations" "${WARMUP:-60s}" > "$res/warm.txt"
drain
sleep 2
psq -c "select pg_stat_statements_reset()" -c "select pg_stat_reset()" -c "select pg_stat_reset_shared('wal')" >/dev/null
sleep 1   # the statistics reset reaches the shared counters at the next report
tables0=$(psq -F, -c "select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables")
n0=$(psq -c "select count(*) from registration where programme_id = '$prog'")
c0=$(python3 "$root/bench/registration/cpu.py" "$pid" "$pgpid"); k0=$(python3 "$root/bench/registration/pgprocs.py" "$pgpid")
wrk_run count "/api/v1/programmes/$prog/registrations" "${DURATION:-15s}" | tee "$res/burst.txt"
drain
c1=$(python3 "$root/bench/registration/cpu.py" "$pid" "$pgpid"); k1=$(python3 "$root/bench/registration/pgprocs.py" "$pgpid")
n=$(( $(psq -c "select count(*) from registration where programme_id = '$prog'") - n0 ))
echo "registrations: $n"
python3 - "$c0" "$c1" "$k0" "$k1" "$n" <<'PY' | tee "$res/cpu.txt"
import sys
c0, c1, k0, k1, n = sys.argv[1:6]; n = int(n)
j0, p0 = map(float, c0.split()); j1, p1 = map(float, c1.split())
print("CPU per registration: Lectern %.3f ms, PostgreSQL %.3f ms" % (1000 * (j1 - j0) / n, 1000 * (p1 - p0) / n))
a = dict(x.split("=") for x in k0.split()); b = dict(x.split("=") for x in k1.split())
for k in sorted(set(a) | set(b)):
    d = float(b.get(k, 0)) - float(a.get(k, 0))
    print("  PostgreSQL %-16s %.3f ms per registration" % (k, 1000 * d / n))
PY
filter="query not like '%pg_stat_%' and query not like '%scheduled_tasks%' and query not like '%count(*) from mail_outbox%' and query not like '%from registration where programme_id = %'"
psq -F ' | ' -c "
  select round(sum(calls)::numeric / $n, 3) calls, round((sum(total_exec_time) / $n)::numeric, 4) exec_ms,
    round((sum(total_plan_time) / $n)::numeric, 4) plan_ms, round(sum(rows)::numeric / $n, 2) rows,
    round(sum(wal_bytes) / $n, 0) wal_b, round(sum(wal_records)::numeric / $n, 2) wal_rec,
    round(sum(shared_blks_hit + shared_blks_read)::numeric / $n, 1) blks,
    regexp_replace(left(min(query), 160), '\s+', ' ', 'g')
  from pg_stat_statements where $filter
  group by queryid order by sum(total_exec_time + total_plan_time) desc" > "$res/statements.txt"
psq -c "select 'per registration: statements ' || round(sum(calls)::numeric / $n, 2) || ', exec ' || round((sum(total_exec_time) / $n)::numeric, 3)
   || ' ms, plan ' || round((sum(total_plan_time) / $n)::numeric, 3) || ' ms, planned ' || round(sum(plans)::numeric / $n, 2)
   || ', WAL (statements) ' || round(sum(wal_bytes) / $n) || ' B'
   from pg_stat_statements where $filter" | tee "$res/summary.txt"
psq -c "select 'pg_stat_wal per registration: records ' || round(wal_records::numeric / $n, 2) || ', bytes ' || round(wal_bytes / $n)
   || ', full-page images ' || round(wal_fpi::numeric / $n, 3) || ', wal_sync ' || round(wal_sync::numeric / $n, 3) || ', wal_write ' || round(wal_write::numeric / $n, 3) from pg_stat_wal" | tee -a "$res/summary.txt"
psq -F ' | ' -c "select s.relname, s.n_tup_ins, s.n_tup_upd, s.n_tup_hot_upd, s.n_tup_del, s.n_dead_tup,
    (select count(*) from pg_index i where i.indrelid = s.relid) indexes, s.autovacuum_count, s.autoanalyze_count
  from pg_stat_user_tables s where s.n_tup_ins + s.n_tup_upd + s.n_tup_del > 0 order by s.n_tup_ins + s.n_tup_upd + s.n_tup_del desc" > "$res/tables.raw"
python3 - "$n" "$res/tables.raw" <<'PY' | tee "$res/tables.txt"
import sys
n = int(sys.argv[1])
print("%-32s %8s %8s %8s %8s %8s %4s %9s %s" % ("table", "ins/reg", "upd/reg", "hot/reg", "del/reg", "dead", "idx", "idx-ent/reg", "av/an"))
for line in open(sys.argv[2]):
    t, i, u, h, d, dead, x, av, an = [c.strip() for c in line.split("|")]
    i, u, h, d, x = int(i), int(u), int(h), int(d), int(x)
    print("%-32s %8.3f %8.3f %8.3f %8.3f %8s %4d %9.2f %s/%s" % (t, i / n, u / n, h / n, d / n, dead, x, x * (i + u - h) / n, av, an))
PY
psq -F ' | ' -c "select relname, indexrelname, idx_scan, idx_tup_read from pg_stat_user_indexes where idx_scan > 0 order by idx_scan desc" > "$res/indexes.txt"
if [ -z "${HOLD:-}" ]; then
  kill "$pid" "$smtp_pid" 2>/dev/null; sleep 3; kill -INT "$pgpid" 2>/dev/null; rm -f "$ef"
else echo "held: $ef (pid $pid, pg $pgpid, port $pgport)"; fi
