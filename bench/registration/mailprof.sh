#!/usr/bin/env bash
# The mail step's CPU (issue 16, eighth pass): per server, a warm-up of organiser registrations, then
# one measured phase with a flight recording from its start until its mail backlog is drained; prints
# the JVM's threads by CPU with milliseconds per registration (each registration sends one mail) and
# the mail threads' samples taken apart (bench/registration/mailhot.py).
# Usage: bench/registration/mailprof.sh TAG DURATION label=jar ...   (env: WARM=60s, CONNS=32,
#        PORT_AB=18700 the first port; recordings in target/bench/TAG-label.jfr)
set -u
tag=$1 dur=$2; shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/bench; mkdir -p $out
port=${PORT_AB:-18700}
specs=(); for s in "$@"; do specs+=("$s,JFR=1"); done
source $root/bench/registration/servers.sh "${specs[@]}"
phase() { # label duration programme
  BENCH_RUN="$1-$RANDOM" BENCH_PATH=/api/v1/programmes/$3/registrations BENCH_TOKEN=$token \
    wrk -t2 -c${CONNS:-32} -d$2 --timeout 30s --latency -s $root/bench/registration/organiser.lua $base | grep RESULT
}
for i in "${!envs[@]}"; do
  source ${envs[$i]}; l=${labels[$i]}
  phase warm ${WARM:-60s} $warm >/dev/null; drain 300 >/dev/null
  python3 $root/bench/registration/threads.py $pid > $out/$tag-$l-threads0.txt
  jcmd $pid JFR.start name=mail settings=profile >/dev/null
  r=$(phase $l $dur $prog); t=$(drain 300)
  jcmd $pid JFR.stop name=mail filename=$out/$tag-$l.jfr >/dev/null
  n=$(echo "$r" | sed -E 's/.* requests=([0-9]+).*/\1/')
  echo "== $l: $r; drained ${t}s after; load $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 $root/bench/registration/threads.py $pid $out/$tag-$l-threads0.txt $n
  python3 $root/bench/registration/mailhot.py $out/$tag-$l.jfr
done
if [ -z "${HOLD:-}" ]; then for ef in "${envs[@]}"; do source $ef; kill $pid; done; fi
