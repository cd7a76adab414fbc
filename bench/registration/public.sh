#!/usr/bin/env bash
# The public path (called by bench/registration.sh): anonymous submissions through the API (202,
# double opt-in), the mail step sends each address its link (to the benchmark's SMTP sink), then
# every link is followed (GET shows the button, POST with its CSRF token registers).
# A complete registration = submission + confirmation.
set -euo pipefail
base=$1 prog=$2 slug=$3 data=$4 conns=$5 duration=$6 pgport=$7
root=$(cd "$(dirname "$0")/../.." && pwd)
load() { cut -d' ' -f1-3 /proc/loadavg; }
psql_() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atq "$@"; }
echo "== public path: submissions, $conns connections, $duration, load before $(load)"
t0=$(date +%s.%N)
c0=$(python3 "$root/bench/registration/cpu.py" $pid $pgpid)
jfr_start public
r=$(BENCH_RUN="pub-$RANDOM" BENCH_PATH=/api/v1/programmes/$prog/registrations BENCH_TOKEN= \
  wrk -t2 -c"$conns" -d"$duration" --timeout 30s --latency -s "$root/bench/registration/organiser.lua" "$base" | grep RESULT)
echo "submissions: $r"
submitted=$(echo "$r" | sed -E 's/.* requests=([0-9]+).*/\1/')
# The links reach the sink once the mail step and the outbox have run.
echo "waiting for $submitted links in the mail sink ..."
n=$(python3 "$root/bench/registration/tokens.py" --wait "$submitted" "$data/mail/messages.txt" 800 | cut -d' ' -f1)
t1=$(date +%s.%N)
echo "links received: $n of $submitted after $(python3 -c "print('%.1f' % ($t1 - $t0))") s (load $(load))"
python3 "$root/bench/registration/tokens.py" "$data/mail/messages.txt" > "$data/tokens.txt"
echo "tokens: $(wc -l < "$data/tokens.txt")"
echo "== public path: confirmations, $conns connections (GET the link, POST its form), load before $(load)"
all=$(BENCH_TOKENS="$data/tokens.txt" BENCH_SLUG=$slug \
  wrk -t2 -c"$conns" -d"${CONFIRM_DURATION:-120s}" --timeout 30s --latency -s "$root/bench/registration/confirm.lua" "$base")
c=$(echo "$all" | grep RESULT)
cw=$(echo "$all" | grep CONFIRMED || echo "CONFIRMED n=0 seconds=1 rate=0")
echo "confirmations: $cw (latencies include the health polls after the last one: $c)"
jfr_stop public
c1=$(python3 "$root/bench/registration/cpu.py" $pid $pgpid)
t2=$(date +%s.%N)
confirmed=$(psql_ -c "select count(*) from registration where programme_id = '$prog'")
echo "registrations stored: $confirmed (load after $(load))"
python3 - "$r" "$c" "$confirmed" "$t0" "$t1" "$t2" "$c0" "$c1" "$cw" <<'PY'
import re, sys
def f(s, k): return float(re.search(k + r"=([0-9.]+)", s).group(1))
sub, conf, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0, t1, t2 = map(float, sys.argv[4:7])
secs = f(sub, "seconds") + f(sys.argv[9], "seconds")
cs = f(sys.argv[9], "seconds")
t2 = t1 + cs
print("PUBLIC complete registrations: %d; submission + confirmation load %.1f s = %.1f /s; "
      "end to end with the link mails (submissions, mail step and outbox to the sink, confirmations) %.1f s = %.1f /s; "
      "submission p50/p99 %.1f/%.1f ms, confirmation (GET and POST) p50/p99 %.1f/%.1f ms"
      % (n, secs, n / secs, t2 - t0, n / (t2 - t0), f(sub, "p50_ms"), f(sub, "p99_ms"), f(conf, "p50_ms"), f(conf, "p99_ms")))
j0, p0 = map(float, sys.argv[7].split()); j1, p1 = map(float, sys.argv[8].split())
cpu = (j1 - j0) + (p1 - p0)
print("CPU public: Lectern %.1f s + PostgreSQL %.1f s for %d complete registrations (submission, mail step, link mail, confirmation) = %.2f ms each -> %.0f /s if two idle cores did only this"
      % (j1 - j0, p1 - p0, n, 1000 * cpu / n, 2 * n / cpu))
PY
