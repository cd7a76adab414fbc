# PostgreSQL's work per registration during the organiser phase, in counts rather than time (issue 16,
# eleventh pass): the same jar ran at 1.0 ms of PostgreSQL CPU per registration in some runs and 0.5 ms
# in others, with the machine's own speed unchanged. Sourced by bench/registration.sh (needs psql_).
#   pgwatch_snapshot FILE   buffers touched, rows fetched/updated, dead rows: per table and in all
#   pgwatch_sampler FILE &  once a second: the oldest snapshot's age (xmin) and what holds it, the
#                           sessions by state and wait event
#   pgwatch_report BEFORE AFTER SAMPLES N   the differences per registration and the samples' summary
pgwatch_snapshot() {
  psql_ -F ' ' -c "
    select 'ALL', blks_hit + blks_read, tup_fetched, tup_returned, xact_commit, 0
      from pg_stat_database where datname = current_database()
    union all
    select t.relname, coalesce(heap_blks_hit, 0) + coalesce(heap_blks_read, 0)
                      + coalesce(idx_blks_hit, 0) + coalesce(idx_blks_read, 0) + coalesce(toast_blks_hit, 0),
           n_tup_upd, n_tup_hot_upd, n_tup_ins + n_tup_del, n_dead_tup
      from pg_stat_user_tables t join pg_statio_user_tables s using (relid)
    union all
    select 'WAL', wal_records, wal_fpi, wal_bytes, 0, 0 from pg_stat_wal" > "$1"
  # The server's CPU split into user and kernel time (postmaster and its children, live or waited).
  python3 - "$pgpid" >> "$1" <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK"); kids = {}; st = {}
for d in filter(str.isdigit, os.listdir("/proc")):
    try: raw = open(f"/proc/{d}/stat").read()
    except OSError: continue
    f = raw[raw.rindex(")") + 2:].split()
    st[int(d)] = (int(f[1]), int(f[11]) + int(f[13]), int(f[12]) + int(f[14]))
def tree(p):
    u, s = st.get(p, (0, 0, 0))[1:]
    for c, v in st.items():
        if v[0] == p:
            cu, cs = tree(c); u += cu; s += cs
    return u, s
u, s = tree(int(sys.argv[1]))
print("PGCPU", u, s, tick, 0, 0)
PY
}
pgwatch_sampler() {
  while sleep 1; do
    psql_ -F '|' -c "
      select 'XMIN', coalesce(max(age(backend_xmin)), 0),
             (select coalesce(state, '') || ' ' || coalesce(extract(epoch from now() - xact_start)::int, 0) || ' s: '
                     || left(regexp_replace(query, '\s+', ' ', 'g'), 90)
                from pg_stat_activity where backend_xmin is not null order by age(backend_xmin) desc limit 1)
        from pg_stat_activity
      union all
      select 'WAIT', count(*), coalesce(state, '?') || ' ' || coalesce(wait_event_type || ':' || wait_event, 'CPU')
        from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()
       group by state, wait_event_type, wait_event
      union all
      select 'CKPT', 1, coalesce(wait_event, 'CPU') from pg_stat_activity where backend_type = 'checkpointer'" 2>/dev/null
  done > "$1"
}
pgwatch_report() { # before after samples registrations programme
  # Registrations written by one transaction share its xmin: the batches' sizes, exactly.
  psql_ -c "select n from (select xmin::text, count(*) n from registration where programme_id = '$5' group by 1) x order by n" > "$3.batches"
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import sys, collections
def load(p):
    d = {}
    for line in open(p):
        f = line.split()
        if len(f) == 6: d[f[0]] = list(map(int, f[1:]))
    return d
a, b, n = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[4])
al = [x - y for x, y in zip(b['ALL'], a['ALL'])]
print('PostgreSQL per registration: %.1f buffers touched, %.1f rows fetched, %.2f commits' % (al[0] / n, al[1] / n, al[3] / n))
rows = []
for t, v in b.items():
    if t in ('ALL', 'WAL', 'PGCPU'): continue
    u = a.get(t, [0] * 5)
    rows.append((v[0] - u[0], t, v[1] - u[1], v[2] - u[2], v[4]))
rows.sort(reverse=True)
print('  buffers per registration by table (updates, HOT updates per registration; dead rows after):')
wal = [x - y for x, y in zip(b['WAL'], a['WAL'])]
print('  WAL per registration: %.1f records, %.2f full-page images, %.0f bytes' % (wal[0] / n, wal[1] / n, wal[2] / n))
cu, cs = b['PGCPU'][0] - a['PGCPU'][0], b['PGCPU'][1] - a['PGCPU'][1]; tick = b['PGCPU'][2]
print('  PostgreSQL CPU per registration: user %.3f ms, kernel %.3f ms' % (1000 * cu / tick / n, 1000 * cs / tick / n))
bs = [int(x) for x in open(sys.argv[3] + '.batches') if x.strip()]
if bs:
    q = lambda f: bs[min(len(bs) - 1, int(f * len(bs)))]
    print('  registrations per transaction: mean %.1f over %d transactions; quartiles %d / %d / %d, max %d; share of registrations in transactions of 1-4: %.1f %%'
          % (sum(bs) / len(bs), len(bs), q(.25), q(.5), q(.75), bs[-1], 100 * sum(x for x in bs if x <= 4) / sum(bs)))
for blks, t, upd, hot, dead in rows[:8]:
    print('  %-28s %6.1f buffers  %5.2f upd (%5.2f HOT)  %d dead' % (t, blks / n, upd / n, hot / n, dead))
xmin, waits, holders, ckpt = [], collections.Counter(), collections.Counter(), collections.Counter()
for line in open(sys.argv[3]):
    f = line.rstrip('\n').split('|')
    if len(f) < 3: continue
    if f[0] == 'CKPT':
        ckpt[f[2]] += 1; continue
    if f[0] == 'XMIN':
        xmin.append(int(f[1])); holders[f[2][:120]] += 1
    else:
        waits[f[2]] += int(f[1])
secs = max(1, len(xmin))
if xmin:
    print('  oldest snapshot (xmin age, transactions): max %d, median %d over %d samples' % (max(xmin), sorted(xmin)[len(xmin)//2], len(xmin)))
    for h, c in holders.most_common(3): print('    held by (%d s): %s' % (c, h))
print('  checkpointer (seconds in each state; CheckpointWriteDelay: a checkpoint in progress): ' + ', '.join('%s %d' % kv for kv in ckpt.most_common()))
print('  client sessions per sample: ' + ', '.join('%s %.1f' % (k, v / secs) for k, v in waits.most_common(6)))
PY
}
# PERF=1: the whole machine sampled during the phase (perf, cpu-clock: this virtual machine has no
# hardware counters), then PostgreSQL's heaviest functions as shares of its own samples.
pgwatch_perf_start() { # seconds
  [ "${PERF:-0}" = 1 ] || return 0
  perf record -e cpu-clock -F 499 -a -o "$out/registration-phase.perf" -- sleep "$1" > /dev/null 2>&1 &
  perf_pid=$!
}
pgwatch_perf_report() {
  [ "${PERF:-0}" = 1 ] || return 0
  wait "$perf_pid" 2>/dev/null || true
  echo "  PostgreSQL's heaviest functions (perf, shares of the server's samples; $out/registration-phase.perf):"
  perf report -i "$out/registration-phase.perf" --comm postgres --no-children --sort dso,sym --stdio 2>/dev/null \
    | grep -E '^ +[0-9.]+%' | python3 -c "
import sys
rows = [(float(l.split('%')[0]), ' '.join(l.split()[1:])) for l in sys.stdin]
t = sum(r[0] for r in rows) or 1
kernel = sum(r[0] for r in rows if 'kernel' in r[1])
print('    kernel %.1f %%, user %.1f %%' % (100 * kernel / t, 100 - 100 * kernel / t))
for share, name in rows[:20]: print('    %5.1f %%  %s' % (100 * share / t, name))"
}
# PGSS=1: the server restarted with pg_stat_statements before the warm-up (as pgcost.sh does), and
# the phase's heaviest statements printed per registration (calls, execution time, buffers).
pgwatch_pgss_enable() {
  [ "${PGSS:-0}" = 1 ] || return 0
  local bin
  bin=$(dirname "$(sed -n 1p "$data/postgres/postmaster.opts" | cut -d' ' -f1)")
  psql_ -c "alter system set shared_preload_libraries = 'pg_stat_statements'" -c "alter system set pg_stat_statements.track = 'all'" >/dev/null
  unshare -U "$bin/pg_ctl" restart -D "$data/postgres" -m fast -w -l "$out/registration-pg.log" >/dev/null
  psql_ -c "create extension if not exists pg_stat_statements" >/dev/null
  psql_ -c "update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null where picked" >/dev/null
  pgpid=$(sed -n 1p "$data/postgres/postmaster.pid")
  echo "PostgreSQL restarted with pg_stat_statements (pid $pgpid)"
}
pgwatch_pgss_reset() { [ "${PGSS:-0}" = 1 ] && psql_ -c "select pg_stat_statements_reset()" >/dev/null || true; }
pgwatch_pgss_report() { # registrations
  [ "${PGSS:-0}" = 1 ] || return 0
  echo "  heaviest statements of the phase, per registration (calls, execution ms, buffers, rows):"
  psql_ -F ' | ' -c "
    select round(sum(calls)::numeric / $1, 3), round((sum(total_exec_time) / $1)::numeric, 4),
           round(sum(shared_blks_hit + shared_blks_read)::numeric / $1, 1), round(sum(rows)::numeric / $1, 2),
           regexp_replace(left(min(query), 110), '\s+', ' ', 'g')
      from pg_stat_statements where query not like '%pg_stat%' and query not like '%pg_control%'
     group by queryid order by sum(total_exec_time) desc limit 10" | sed 's/^/    /'
}
