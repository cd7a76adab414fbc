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
jfr_start public
r=$(BENCH_RUN="pub-$RANDOM" BENCH_PATH=/api/v1/programmes/$prog/registrations BENCH_TOKEN= \
  wrk -t2 -c"$conns" -d"$duration" --latency -s "$root/bench/registration/organiser.lua" "$base" | grep RESULT)
echo "submissions: $r"
submitted=$(echo "$r" | sed -E 's/.* requests=([0-9]+).*/\1/')
# The links reach the sink once the mail step and the outbox have run.
echo "waiting for $submitted links in the mail sink ..."
for _ in $(seq 1 600); do
  n=$(grep -c "=====END=====" "$data/mail/messages.txt" 2>/dev/null || true)
  [ "${n:-0}" -ge "$submitted" ] && break
  sleep 1
done
t1=$(date +%s.%N)
echo "links received: $n after $(python3 -c "print('%.1f' % ($t1 - $t0))") s (load $(load))"
python3 "$root/bench/registration/tokens.py" "$data/mail/messages.txt" > "$data/tokens.txt"
echo "tokens: $(wc -l < "$data/tokens.txt")"
echo "== public path: confirmations, $conns connections (GET the link, POST its form), load before $(load)"
c=$(BENCH_TOKENS="$data/tokens.txt" BENCH_SLUG=$slug \
  wrk -t2 -c"$conns" -d120s --latency -s "$root/bench/registration/confirm.lua" "$base" | grep RESULT)
echo "confirmations: $c"
jfr_stop public
t2=$(date +%s.%N)
confirmed=$(psql_ -c "select count(*) from registration where programme_id = '$prog'")
echo "registrations stored: $confirmed (load after $(load))"
python3 - "$r" "$c" "$confirmed" <<'PY'
import re, sys
def f(s, k): return float(re.search(k + r"=([0-9.]+)", s).group(1))
sub, conf, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
secs = f(sub, "seconds") + f(conf, "seconds")
print("PUBLIC complete registrations: %d in %.1f s of load (submission + confirmation) = %.1f /s; submission p99 %.1f ms, confirmation (GET+POST) p99 %.1f ms"
      % (n, secs, n / secs, f(sub, "p99_ms"), f(conf, "p99_ms")))
PY
